/** Steps the editor tests share: reach the desk, create and open stories, type, wait for saves. */
import type { Page } from 'playwright-core';
import type { E2eApp } from '../harness';
import { imeType } from '../harness';
import { paragraph, type ParagraphElement } from '../../../shared/model/document';

/** Waits for the desk, passing the first-start sample offer if the store is empty. */
export async function gotoDesk(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="desk"], [data-testid="sample-offer"]');
  if (await page.locator('[data-testid="sample-offer"]').count()) await page.click('[data-testid="skip-sample"]');
  await page.waitForSelector('[data-testid="desk"]');
}

/** Creates a story from the desk and waits until its editor is ready; returns its id. */
export async function newStory(page: Page): Promise<string> {
  await gotoDesk(page);
  await page.click('[data-testid="new-story"]');
  await page.waitForSelector('[data-testid="story-screen"] [data-testid="story-body"][contenteditable="true"]');
  return (await page.getAttribute('[data-testid="story-screen"]', 'data-article-id'))!;
}

export async function openStory(page: Page, id: string): Promise<void> {
  await gotoDesk(page);
  await page.click(`[data-testid="story-row"][data-id="${id}"] [data-testid="story-open"]`);
  await page.waitForSelector(`[data-testid="story-screen"][data-article-id="${id}"] [data-testid="story-body"]`);
}

/** Puts the caret at the end of the body (clicking the last block). */
export async function focusBodyEnd(page: Page): Promise<void> {
  const body = page.locator('[data-testid="story-body"]');
  await body.click();
  await page.keyboard.press('Control+End');
}

/** Types as an IME commits: composition updates with the pinyin, then the committed text. */
export async function typeChinese(app: E2eApp, pinyin: string, text: string): Promise<void> {
  await imeType(app.cdp, pinyin, text);
}

/** Types committed text in one go, as an IME commit or a dictation tool does. */
export async function insertText(app: E2eApp, text: string): Promise<void> {
  await app.cdp.send('Input.insertText', { text });
}

export async function waitForSaved(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForSelector('[data-testid="save-status"][data-state="saved"]', { timeout });
}

/** The body's text, one line per block, read from the DOM as the reporter sees it. */
export async function bodyText(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="story-body"] [data-slate-node="element"]', (els) =>
    els
      .filter((el) => !el.hasAttribute('data-slate-void'))
      .map((el) => {
        const clone = el.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[data-slate-placeholder], [contenteditable="false"]').forEach((n) => n.remove());
        // Slate renders an empty block as a zero-width marker.
        return (clone.textContent ?? '').replace(/\uFEFF/g, '');
      }),
  );
}

/** The stored article, read through the services behind the page. */
export async function stored(app: E2eApp, id: string) {
  return app.services.articles.get(id);
}

export function storedBodyText(article: {
  body: Array<{ type: string; children?: Array<{ text: string }> }>;
}): string[] {
  return article.body.filter((b) => b.type !== 'photo').map((b) => (b.children ?? []).map((c) => c.text).join(''));
}

type BodyBlock = { type: string; children?: Array<{ text: string; bold?: true; italic?: true }>; [k: string]: unknown };

/** Creates a story with the given content behind the page, then opens it in the app. */
export async function openStoryWith(app: E2eApp, content: Record<string, unknown>): Promise<string> {
  // The story is the desk user's own, as one made from the desk is: a reporter edits only her own drafts.
  const a = await app.services.articles.create('story', content as never, app.services.settings.get().userName);
  await app.reopen();
  await gotoDesk(app.page);
  await app.page.evaluate((id) => {
    location.hash = `#/story/${id}`;
  }, a.id);
  await app.page.waitForSelector(
    `[data-testid="story-screen"][data-article-id="${a.id}"] [data-testid="story-body"][contenteditable="true"]`,
  );
  return a.id;
}

export function paragraphs(...texts: string[]): ParagraphElement[] {
  return texts.map(paragraph);
}

const SELECT_IN_BODY = `function (a, b) {
  var blocks = Array.prototype.filter.call(
    document.querySelectorAll('[data-testid="story-body"] [data-slate-node="element"]'),
    function (el) { return el.parentElement.closest('[data-slate-node="element"]') === null; });
  function locate(pos) {
    var el = blocks[pos[0]];
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: function (n) {
      return n.parentElement.closest('[data-slate-string], [data-slate-zero-width]') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    } });
    var rest = pos[1], last = null;
    for (var n = walker.nextNode(); n; n = walker.nextNode()) {
      last = n;
      if (n.parentElement.closest('[data-slate-zero-width]')) return [n, 0];
      if (rest <= n.nodeValue.length) return [n, rest];
      rest -= n.nodeValue.length;
    }
    return [last, last ? last.nodeValue.length : 0];
  }
  var s = locate(a), e = locate(b);
  document.querySelector('[data-testid="story-body"]').focus();
  document.getSelection().setBaseAndExtent(s[0], s[1], e[0], e[1]);
}`;

/**
 * Selects text in the body as a mouse would, by DOM offsets: block index among the body's
 * blocks (voids included) and a character offset within that block's text.
 */
export async function selectInBody(page: Page, from: [number, number], to: [number, number] = from): Promise<void> {
  // A string, not a function: tsx (used by the benches) would wrap inner functions in a helper the page lacks.
  // The story screen may still re-render the editor just after opening (a late save event); a caret
  // placed before that is lost, so check it is still in the body and place it again if not.
  for (let attempt = 0; attempt < 4; attempt++) {
    await page.evaluate(`(${SELECT_IN_BODY})(${JSON.stringify(from)}, ${JSON.stringify(to)})`);
    // slate-react reads DOM selection changes on a short throttle.
    await page.waitForTimeout(250);
    const held = await page.evaluate(
      `(function () { var body = document.querySelector('[data-testid="story-body"]'); var sel = document.getSelection();
        return !!body && body.contains(document.activeElement) && !!sel && !!sel.anchorNode && body.contains(sel.anchorNode); })()`,
    );
    if (held) return;
  }
}

/** The saved body's blocks, after the next autosave. */
export async function savedBody(app: E2eApp, id: string): Promise<BodyBlock[]> {
  await waitForSaved(app.page);
  return (await stored(app, id)).body as BodyBlock[];
}

/** Pastes as the browser does: a real ClipboardEvent carrying the given flavours, dispatched at the caret. */
export async function pasteInto(page: Page, data: { html?: string; text?: string }): Promise<void> {
  await page.evaluate((d) => {
    const dt = new DataTransfer();
    if (d.html !== undefined) dt.setData('text/html', d.html);
    if (d.text !== undefined) dt.setData('text/plain', d.text);
    const target =
      document.getSelection()?.anchorNode?.parentElement ?? document.querySelector('[data-testid="story-body"]')!;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}
