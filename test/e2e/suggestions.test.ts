/**
 * Track changes (留痕) and comments (批注) in the real editor: a copy editor's typing, IME
 * compositions, deletions, breaks and pastes become suggestions with one id each; copying gives
 * the accepted text; accept and reject are one undo step; comments anchor, thread and detach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { bodyText, openStoryWith, pasteInto, paragraphs, savedBody, selectInBody, typeChinese } from './helpers/story';

const OTHER = { id: 'w1', kind: 'insert', author: '王记者', role: 'reporter', at: '2026-12-01T08:00:00.000Z' };
const OTHER_DEL = { id: 'w2', kind: 'delete', author: '王记者', role: 'reporter', at: '2026-12-01T08:01:00.000Z' };

type Leaf = { text: string; ins?: string; del?: string; comments?: string[] };
type SavedBlock = { type: string; children?: Leaf[]; split?: string; join?: string };

function idsOf(body: SavedBlock[], key: 'ins' | 'del'): string[] {
  return [...new Set(body.flatMap((b) => (b.children ?? []).flatMap((l) => (l[key] ? [l[key]!] : []))))];
}
function textWith(body: SavedBlock[], key: 'ins' | 'del'): string {
  return body.flatMap((b) => (b.children ?? []).filter((l) => l[key]).map((l) => l.text)).join('');
}

describe('suggestion mode in the story editor', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp({ userName: '李编辑', role: 'copy-editor' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is on for a copy editor; a composition becomes one insert with one id in the change table', async () => {
    const id = await openStoryWith(app, { body: paragraphs('市政府召开会议。') });
    expect(await app.page.isChecked('[data-testid="suggest-toggle"]')).toBe(true);
    await selectInBody(app.page, [0, 5]);
    await typeChinese(app, 'changwu', '常务');
    await typeChinese(app, 'huiyi', '会议');
    await expect.poll(() => bodyText(app.page)).toEqual(['市政府召开常务会议会议。']);
    const body = (await savedBody(app, id)) as SavedBlock[];
    expect(textWith(body, 'ins')).toBe('常务会议');
    expect(idsOf(body, 'ins')).toHaveLength(1);
    const article = await app.services.articles.get(id);
    expect(article.changes).toEqual([
      expect.objectContaining({ kind: 'insert', author: '李编辑', role: 'copy-editor' }),
    ]);
  });

  it('composes at the edge of another person\u2019s insertion and after struck text: a new id, pinyin never struck', async () => {
    const id = await openStoryWith(app, {
      body: [
        {
          type: 'paragraph',
          children: [{ text: '甲' }, { text: '乙', ins: 'w1' }, { text: '丙', del: 'w2' }, { text: '丁' }],
        },
      ],
      changes: [OTHER, OTHER_DEL],
    });
    // Right after the struck 丙: the pinyin shows in a fresh leaf, neither marked deleted nor struck through.
    await selectInBody(app.page, [0, 3]);
    await app.cdp.send('Input.imeSetComposition', { text: 'zi', selectionStart: 2, selectionEnd: 2 });
    const struck = await app.page.$$eval(
      '[data-testid="story-body"] .sg-del, [data-testid="story-body"] [data-del]',
      (els) => els.map((e) => e.textContent),
    );
    expect(struck.join('')).not.toContain('zi');
    await app.cdp.send('Input.insertText', { text: '字' });
    await expect.poll(() => bodyText(app.page)).toEqual(['甲乙丙字丁']);
    // At the end of 王记者's insertion: a new insert of 李编辑's, not an extension of theirs.
    await selectInBody(app.page, [0, 2]);
    await typeChinese(app, 'xin', '新');
    await expect.poll(() => bodyText(app.page)).toEqual(['甲乙新丙字丁']);
    const body = (await savedBody(app, id)) as SavedBlock[];
    const leaves = body[0]!.children!;
    const mine = leaves.filter((l) => l.ins && l.ins !== 'w1');
    expect(mine.map((l) => l.text).join('')).toBe('新字');
    expect(leaves.find((l) => l.text.includes('字'))?.del).toBeUndefined();
    expect(leaves.find((l) => l.ins === 'w1')?.text).toBe('乙');
    expect(textWith(body, 'del')).toBe('丙');
  });

  it('composes into an empty paragraph as one insert', async () => {
    const id = await openStoryWith(app, { body: paragraphs('第一段。', '') });
    await selectInBody(app.page, [1, 0]);
    await typeChinese(app, 'dierduan', '第二段');
    await expect.poll(() => bodyText(app.page)).toEqual(['第一段。', '第二段']);
    const body = (await savedBody(app, id)) as SavedBlock[];
    expect(body[1]!.children).toEqual([expect.objectContaining({ text: '第二段', ins: expect.any(String) })]);
  });

  it('Backspace strikes instead of deleting, Enter suggests a break, and deleting your own insertion removes it', async () => {
    const id = await openStoryWith(app, { body: paragraphs('一二三四') });
    await selectInBody(app.page, [0, 4]);
    await app.page.keyboard.press('Backspace');
    await app.page.keyboard.press('Backspace');
    await selectInBody(app.page, [0, 1]);
    await app.page.keyboard.press('Enter');
    await typeChinese(app, 'xin', '新');
    await expect.poll(() => bodyText(app.page)).toEqual(['一', '新二三四']);
    await app.page.keyboard.press('Backspace');
    await expect.poll(() => bodyText(app.page)).toEqual(['一', '二三四']);
    const body = (await savedBody(app, id)) as SavedBlock[];
    expect(textWith(body, 'del')).toBe('三四');
    expect(idsOf(body, 'del')).toHaveLength(1);
    expect(textWith(body, 'ins')).toBe('');
    expect(body[1]!.split).toEqual(expect.any(String));
    expect(await app.page.locator('[data-testid="story-body"] [data-split]').count()).toBe(1);
  });

  it('a paste is exactly one insert; copying out of suggestions gives the accepted text without ids', async () => {
    const id = await openStoryWith(app, { body: paragraphs('开头结尾') });
    await selectInBody(app.page, [0, 2]);
    await pasteInto(app.page, { text: '粘贴一\n粘贴二' });
    await expect.poll(() => bodyText(app.page)).toEqual(['开头粘贴一', '粘贴二结尾']);
    const body = (await savedBody(app, id)) as SavedBlock[];
    const ids = new Set([...idsOf(body, 'ins'), ...body.flatMap((b) => (b.split ? [b.split] : []))]);
    expect(ids.size).toBe(1);
    // Strike 头 then copy the first block: the struck word is left out, nothing carries an id.
    await selectInBody(app.page, [0, 1], [0, 2]);
    await app.page.keyboard.press('Backspace');
    await selectInBody(app.page, [0, 0], [1, 3]);
    const copied = await app.page.evaluate(() => {
      const dt = new DataTransfer();
      const target = document.getSelection()!.anchorNode!.parentElement!;
      target.dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
      return { text: dt.getData('text/plain'), fragment: dt.getData('application/x-slate-fragment') };
    });
    expect(copied.text).toBe('开粘贴一\n粘贴二');
    const fragment = decodeURIComponent(atob(copied.fragment));
    expect(fragment).not.toMatch(/"(ins|del|split|join)"/);
  });

  it('accept one, reject all and accept one person\u2019s changes are each one undo step', async () => {
    const id = await openStoryWith(app, {
      body: [
        {
          type: 'paragraph',
          children: [{ text: '甲' }, { text: '乙', ins: 'w1' }, { text: '丙', del: 'w2' }, { text: '丁' }],
        },
      ],
      changes: [OTHER, OTHER_DEL],
    });
    await selectInBody(app.page, [0, 4]);
    await typeChinese(app, 'wu', '戊');
    await expect.poll(() => app.page.locator('[data-testid="change-item"]').count()).toBe(3);
    await app.page.click('[data-testid="change-item"][data-id="w1"] [data-testid="accept-one"]');
    await expect.poll(() => app.page.locator('[data-testid="change-item"]').count()).toBe(2);
    await app.page.click('[data-testid="reject-all"]');
    await expect.poll(() => bodyText(app.page)).toEqual(['甲乙丙丁']);
    await app.page.click('[data-testid="story-body"]');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(app.page)).toEqual(['甲乙丙丁戊']);
    await expect.poll(() => app.page.locator('[data-testid="change-item"]').count()).toBe(2);
    await app.page.click('[data-testid="accept-author-王记者"]');
    await expect.poll(() => bodyText(app.page)).toEqual(['甲乙丁戊']);
    const body = (await savedBody(app, id)) as SavedBlock[];
    expect(idsOf(body, 'del')).toEqual([]);
    expect(textWith(body, 'ins')).toBe('戊');
    const article = await app.services.articles.get(id);
    expect(article.changes?.map((c) => c.author)).toEqual(['李编辑']);
  });

  it('comments anchor on a range, take replies, resolve and reopen, overlap, and detach when their text goes', async () => {
    const id = await openStoryWith(app, { body: paragraphs('一二三四五六') });
    await app.page.click('[data-testid="suggest-toggle"]');
    const comment = async (from: number, to: number, text: string) => {
      await selectInBody(app.page, [0, from], [0, to]);
      await app.page.click('[data-testid="comment-add"]');
      await app.page.fill('[data-testid="comment-text"]', text);
      await app.page.click('[data-testid="comment-save"]');
    };
    await comment(0, 3, '核实数字');
    await comment(2, 5, '重复了');
    await expect.poll(() => app.page.locator('[data-testid="comment-thread"]').count()).toBe(2);
    expect(await app.page.locator('[data-testid="story-body"] .cm-overlap').count()).toBe(1);
    const first = app.page.locator('[data-testid="comment-thread"]').first();
    await first.locator('[data-testid="comment-reply-input"]').fill('已核实');
    await first.locator('[data-testid="comment-reply-input"]').press('Enter');
    await first.locator('[data-testid="comment-resolve"]').click();
    await expect.poll(() => first.getAttribute('data-resolved')).toBe('true');
    await first.locator('[data-testid="comment-reopen"]').click();
    await expect.poll(() => first.getAttribute('data-resolved')).toBe('false');
    // Normal mode: deleting the words of the first comment detaches it; the overlapping one stays attached.
    await selectInBody(app.page, [0, 0], [0, 2]);
    await app.page.keyboard.press('Backspace');
    await expect.poll(() => bodyText(app.page)).toEqual(['三四五六']);
    await expect.poll(() => first.getAttribute('data-detached')).toBe('false');
    await selectInBody(app.page, [0, 0], [0, 1]);
    await app.page.keyboard.press('Backspace');
    await expect.poll(() => first.getAttribute('data-detached')).toBe('true');
    await savedBody(app, id);
    const article = await app.services.articles.get(id);
    expect(article.comments?.map((c) => [c.quote, c.replies.length, c.resolved])).toEqual([
      ['一二三', 1, false],
      ['三四五', 0, false],
    ]);
  });

  it('the desk flags pending suggestions and open comments; submitting with suggestions asks first', async () => {
    app.services.settings.update({ role: 'reporter' });
    const id = await openStoryWith(app, {
      headline: '待提交',
      source: '新华社',
      body: [{ type: 'paragraph', children: [{ text: '甲' }, { text: '乙', ins: 'w1' }] }],
      changes: [OTHER],
      comments: [
        {
          id: 'k1',
          author: '王记者',
          role: 'reporter',
          at: OTHER.at,
          text: '请核',
          quote: '甲',
          resolved: false,
          replies: [],
        },
      ],
    });
    await app.page.click('[data-testid="back-to-desk"]');
    const row = app.page.locator(`[data-testid="story-row"][data-id="${id}"]`);
    await expect.poll(() => row.locator('[data-testid="desk-pending-suggestions"]').textContent()).toContain('1');
    await expect.poll(() => row.locator('[data-testid="desk-open-comments"]').textContent()).toContain('1');
    await row.locator('[data-testid="story-open"]').click();
    await app.page.waitForSelector('[data-testid="workflow-submitted"]');
    await app.page.click('[data-testid="workflow-submitted"]');
    await app.page.waitForSelector('[data-testid="confirm-pending"]');
    expect((await app.services.articles.get(id)).status).toBe('draft');
    await app.page.click('[data-testid="confirm-pending-yes"]');
    await expect.poll(async () => (await app.services.articles.get(id)).status).toBe('submitted');
    app.services.settings.update({ role: 'copy-editor' });
  });

  it('the revision compare shows who made which change', async () => {
    const created = await app.services.articles.create(
      'story',
      { headline: '比较', body: paragraphs('甲乙丙') } as never,
      '王记者',
    );
    await app.services.articles.save(
      created.id,
      created.revision,
      {
        ...(await app.services.articles.get(created.id)),
        body: [{ type: 'paragraph', children: [{ text: '甲' }, { text: '乙', ins: 'w1' }, { text: '丙', del: 'w2' }] }],
        changes: [OTHER, { ...OTHER_DEL, author: '李编辑', role: 'copy-editor' }],
      } as never,
      '李编辑',
    );
    await app.reopen();
    await app.page.evaluate((storyId) => {
      location.hash = `#/story/${storyId}`;
    }, created.id);
    await app.page.waitForSelector('[data-testid="story-body"][contenteditable="true"]');
    await app.page.click('[data-testid="open-revisions"]');
    const rows = app.page.locator('[data-testid="revision-suggestion"]');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-author'), e.textContent]))).toEqual([
      ['王记者', expect.stringContaining('乙')],
      ['李编辑', expect.stringContaining('丙')],
    ]);
  });
});
