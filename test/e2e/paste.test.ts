/** Pasting from Word, WPS and the web keeps the copy and its structure, and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import {
  bodyText,
  openStoryWith,
  paragraphs,
  pasteInto,
  savedBody,
  selectInBody,
  stored,
  storedBodyText,
} from './helpers/story';

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style>p.MsoNormal{font-family:宋体;color:red}</style></head>
<body lang=ZH-CN><!--StartFragment-->
<h2 style="mso-outline-level:2"><span style="font-family:黑体">一、项目进展</span></h2>
<p class=MsoNormal style="text-indent:2em"><span style="font-family:宋体;color:#C00000">今年以来，全市</span><b><span style="font-size:14pt">重大项目</span></b><span>建设
提速。</span><o:p></o:p></p>
<p class=MsoNormal><i>记者</i>在现场看到，<span style="font-weight:bold">工地</span>一片繁忙。</p>
<!--EndFragment--></body></html>`;

const HOSTILE_HTML = `<div onmouseover="window.__pwned='div'"><p>第一段文字。</p>
<script>window.__pwned = 'script';</script>
<img src="x" onerror="window.__pwned='img'">
<img src="http://127.0.0.1:9/tracker.png">
<iframe src="javascript:parent.__pwned='iframe'"></iframe>
<svg onload="window.__pwned='svg'"><text>svg文字</text></svg>
<p style="color:red" onclick="window.__pwned='click'">第二段<a href="javascript:window.__pwned='link'">链接文字</a>。</p>
<style>body{display:none}</style></div>`;

describe('pasting into the story body', () => {
  let app: E2eApp;
  beforeAll(async () => {
    app = await startE2eApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Word HTML keeps paragraphs, headings as subheads and bold/italic, and drops fonts and colours', async () => {
    const id = await openStoryWith(app, { body: paragraphs('') });
    await selectInBody(app.page, [0, 0]);
    await pasteInto(app.page, { html: WORD_HTML, text: '一、项目进展\n今年以来……' });
    await expect
      .poll(() => bodyText(app.page))
      .toEqual(['一、项目进展', '今年以来，全市重大项目建设提速。', '记者在现场看到，工地一片繁忙。']);
    const saved = await savedBody(app, id);
    expect(saved.map((b) => b.type)).toEqual(['subhead', 'paragraph', 'paragraph']);
    expect(saved[1]!.children).toEqual([
      { text: '今年以来，全市' },
      { text: '重大项目', bold: true },
      { text: '建设提速。' },
    ]);
    expect(saved[2]!.children).toEqual([
      { text: '记者', italic: true },
      { text: '在现场看到，' },
      { text: '工地', bold: true },
      { text: '一片繁忙。' },
    ]);
    const html = await app.page.innerHTML('[data-testid="story-body"]');
    expect(html).not.toMatch(/宋体|#C00000|MsoNormal|font-family/);
  });

  it('hostile HTML runs nothing, loads nothing, and its text survives', async () => {
    const requests: string[] = [];
    app.page.on('request', (r) => requests.push(r.url()));
    const id = await openStoryWith(app, { body: paragraphs('') });
    // Focus the editor as a user's click would before placing the caret: on a busy machine a DOM
    // selection in an unfocused editor may not have reached Slate when the paste arrives.
    await app.page.click('[data-testid="story-body"]');
    await selectInBody(app.page, [0, 0]);
    await pasteInto(app.page, { html: HOSTILE_HTML, text: '第一段文字。' });
    await expect.poll(() => bodyText(app.page)).toEqual(['第一段文字。', '第二段链接文字。']);
    await app.page.hover('[data-testid="story-body"]');
    await app.page.waitForTimeout(300);
    expect(await app.page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    const html = await app.page.innerHTML('[data-testid="story-body"]');
    expect(html).not.toMatch(/<script|<iframe|<img|<svg|onerror|onclick|javascript:/i);
    expect(requests.filter((u) => u.includes('tracker') || u.endsWith('/x'))).toEqual([]);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['第一段文字。', '第二段链接文字。']);
  });

  it('column-broken plain text is joined back into its paragraphs', async () => {
    const id = await openStoryWith(app, { body: paragraphs('') });
    await selectInBody(app.page, [0, 0]);
    const text = [
      '　　株洲日报全媒体记者报道 今年以来，我市坚持把重大项目建设作为稳增长的关键抓手，全市',
      '重点项目完成投资同比增长百分之十二。',
      '',
      '　　在天元区一处工地上，施工人员正在紧张作业。',
      '项目负责人介绍，',
      '',
      '预计年底前完成主体工程。',
      '1.加快审批',
      '2.强化保障',
    ].join('\n');
    await pasteInto(app.page, { text });
    const expected = [
      '株洲日报全媒体记者报道 今年以来，我市坚持把重大项目建设作为稳增长的关键抓手，全市重点项目完成投资同比增长百分之十二。',
      '在天元区一处工地上，施工人员正在紧张作业。',
      '项目负责人介绍，预计年底前完成主体工程。',
      '1.加快审批',
      '2.强化保障',
    ];
    await expect.poll(() => bodyText(app.page)).toEqual(expected);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(expected);
  });

  it('one pasted line joins the paragraph at the caret', async () => {
    const id = await openStoryWith(app, { body: paragraphs('前后') });
    await selectInBody(app.page, [0, 1]);
    await pasteInto(app.page, { html: '<meta charset="utf-8"><span style="color:blue">中间</span>' });
    await expect.poll(() => bodyText(app.page)).toEqual(['前中间后']);
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['前中间后']);
  });

  it('a real Ctrl+V from the system clipboard goes through the same cleaning', async () => {
    await app.page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.page.url()).origin });
    const id = await openStoryWith(app, { body: paragraphs('') });
    await selectInBody(app.page, [0, 0]);
    await app.page.evaluate(async () => {
      const html =
        '<p style="font-family:楷体">剪贴板<b>第一</b>段。</p><p>剪贴板第二段。</p><img src="x" onerror="window.__pwned=1">';
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob(['剪贴板第一段。'], { type: 'text/plain' }),
        }),
      ]);
    });
    await app.page.keyboard.press('Control+v');
    await expect.poll(() => bodyText(app.page)).toEqual(['剪贴板第一段。', '剪贴板第二段。']);
    const saved = await savedBody(app, id);
    expect(saved[0]!.children).toEqual([{ text: '剪贴板' }, { text: '第一', bold: true }, { text: '段。' }]);
    expect(await app.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('control characters in pasted text or HTML are removed, and the screen says so', async () => {
    const id = await openStoryWith(app, { body: paragraphs('') });
    await selectInBody(app.page, [0, 0]);
    await pasteInto(app.page, { text: '第一段\u0001文字。\r\n第二段\u000B文字\uFFFE。' });
    await expect.poll(() => bodyText(app.page)).toEqual(['第一段文字。', '第二段文字。']);
    const notice = app.page.locator('[data-testid="paste-cleaned"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('3 个不可见的控制字符（U+0001 U+000B U+FFFE）');
    await app.page.screenshot({ path: '/tmp/paste-cleaned.png' });
    expect(storedBodyText({ body: await savedBody(app, id) })).toEqual(['第一段文字。', '第二段文字。']);

    await selectInBody(app.page, [1, 0]);
    await pasteInto(app.page, { html: '<p>网页\u0002段落</p>' });
    await expect.poll(() => bodyText(app.page)).toEqual(['第一段文字。', '网页段落第二段文字。']);
    await expect.poll(() => notice.textContent()).toContain('U+0002');
  });

  it('a story stored with control characters opens without them and saves clean', async () => {
    const id = await openStoryWith(app, { headline: '标题\u0001', body: paragraphs('旧稿\u0007正文。') });
    await expect.poll(() => bodyText(app.page)).toEqual(['旧稿正文。']);
    expect(await app.page.textContent('[data-testid="story-notice"]')).toContain('U+0001 U+0007');
    await expect.poll(async () => (await stored(app, id)).revision, { timeout: 10_000 }).toBeGreaterThan(1);
    const saved = await stored(app, id);
    expect(saved.headline).toBe('标题');
    expect(storedBodyText(saved)).toEqual(['旧稿正文。']);
  });
});
