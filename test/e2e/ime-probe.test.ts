import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eApp, type E2eApp } from './harness';
import { bodyText, openStoryWith, paragraphs, savedBody, selectInBody, storedBodyText, typeChinese } from './helpers/story';

const photo = { type: 'photo', asset: null, caption: '图说', credit: { kind: 'supplied', by: '企业' }, children: [{ text: '' }] };
describe('probe', () => {
  let app: E2eApp;
  beforeAll(async () => { app = await startE2eApp(); });
  afterAll(async () => { await app?.close(); });

  it('blur result', async () => {
    const id = await openStoryWith(app, { body: paragraphs('前文') });
    await selectInBody(app.page, [0, 2]);
    for (const p of ['z', 'zh', 'zhong']) await app.cdp.send('Input.imeSetComposition', { text: p, selectionStart: p.length, selectionEnd: p.length });
    console.log('during', await bodyText(app.page));
    await app.page.click('[data-testid="field-kicker"]');
    await app.page.waitForTimeout(300);
    console.log('after blur', await bodyText(app.page), JSON.stringify(storedBodyText({ body: await savedBody(app, id) })));
  });

  it('void selected', async () => {
    const id = await openStoryWith(app, { body: [...paragraphs('一'), photo, ...paragraphs('二')] });
    await app.page.click('.photo-empty');
    await app.page.waitForTimeout(300);
    await typeChinese(app, 'wen', '文');
    await app.page.waitForTimeout(300);
    console.log('void', await bodyText(app.page));
    const b = await savedBody(app, id).catch(() => null);
    console.log('void saved', JSON.stringify(b));
  });

  it('arrow onto void', async () => {
    const id = await openStoryWith(app, { body: [...paragraphs('一'), photo, ...paragraphs('二')] });
    await selectInBody(app.page, [0, 1]);
    await app.page.keyboard.press('ArrowRight');
    await app.page.waitForTimeout(200);
    await typeChinese(app, 'wen', '文');
    await app.page.waitForTimeout(300);
    console.log('arrow void', await bodyText(app.page));
    const b = await savedBody(app, id).catch(() => null);
    console.log('arrow void saved', JSON.stringify(b));
  });

  it('select all', async () => {
    const id = await openStoryWith(app, { body: [...paragraphs('一'), photo, ...paragraphs('二')] });
    await selectInBody(app.page, [0, 0]);
    await app.page.keyboard.press('Control+a');
    await app.page.waitForTimeout(200);
    await typeChinese(app, 'quan', '全');
    await app.page.waitForTimeout(300);
    console.log('all', await bodyText(app.page));
    const b = await savedBody(app, id).catch(() => null);
    console.log('all saved', JSON.stringify(b));
  });

  it('after enter, at bold boundary, after soft break', async () => {
    const id = await openStoryWith(app, { body: [{ type: 'paragraph', children: [{ text: '粗', bold: true }, { text: '细' }] }] });
    await selectInBody(app.page, [0, 1]);
    await typeChinese(app, 'jie', '界');
    await app.page.keyboard.press('End');
    await app.page.keyboard.press('Enter');
    await typeChinese(app, 'xin', '新');
    await app.page.keyboard.press('Shift+Enter');
    await typeChinese(app, 'hang', '行');
    await app.page.waitForTimeout(300);
    console.log('misc', JSON.stringify(await bodyText(app.page)));
    console.log('misc saved', JSON.stringify(await savedBody(app, id)));
  });
  it('placeholder compose visible', async () => {
    await openStoryWith(app, { body: paragraphs('') });
    await app.page.click('[data-testid="story-body"]');
    for (const p of ['n', 'ni']) await app.cdp.send('Input.imeSetComposition', { text: p, selectionStart: p.length, selectionEnd: p.length });
    console.log('placeholder html', await app.page.innerHTML('[data-testid="story-body"]'));
    await app.cdp.send('Input.insertText', { text: '你' });
    await app.page.waitForTimeout(100);
    console.log('placeholder html after', await app.page.innerHTML('[data-testid="story-body"]'));
  });
});
