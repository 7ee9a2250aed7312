// Text is clean at the door: the contract refuses control characters by field; raw copy is cleaned and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnsafeChar } from '../../../shared/rules/unsafeText';
import { openTempStore, type TempStore } from '../services/tempStore';

let store: TempStore;
beforeAll(async () => {
  store = await openTempStore();
});
afterAll(() => store.cleanup());

async function newStory() {
  const r = await store.client.call('articles.create', { kind: 'story' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('control characters at the contract', () => {
  it.each([
    [
      'body',
      (s: string) => ({ body: [{ type: 'paragraph', children: [{ text: `正文${s}` }] }] }),
      'content.body.0.children.0.text',
    ],
    ['headline', (s: string) => ({ headline: `标题${s}` }), 'content.headline'],
    ['desk note', (s: string) => ({ deskNote: `备注${s}` }), 'content.deskNote'],
  ] as const)(
    'a save with one in the %s is refused naming the field, and nothing is stored',
    async (_, patch, path) => {
      for (const bad of ['\u0001', '\u000B', '\uFFFE', '\uFFFF', '\uD800']) {
        const a = await newStory();
        const content = { ...a, ...patch(bad) };
        const { id: _i, status: _s, spikedFrom: _f, revision: _r, placement: _p, ...rest } = content;
        const { createdAt: _c, createdBy: _b, updatedAt: _u, updatedBy: _v, ...body } = rest;
        const r = await store.dispatch('articles.save', { id: a.id, baseRevision: a.revision, content: body });
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('validation');
        expect(r.error.path).toBe(path);
        const name = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        expect(r.error.message).toContain(name);
        // The message names the code point; the character itself would garble it.
        expect(findUnsafeChar(r.error.message)).toBeNull();
        expect((await store.services.articles.get(a.id)).revision).toBe(a.revision);
      }
    },
  );

  it('tab and line feed pass', async () => {
    const a = await newStory();
    const r = await store.client.call('articles.save', {
      id: a.id,
      baseRevision: a.revision,
      content: { ...emptyContentOf(a), deskNote: '第一行\n\t第二行' },
    });
    expect(r.ok).toBe(true);
  });

  it('an issue save and a create are refused too', async () => {
    const created = await store.dispatch('articles.create', { kind: 'story', content: { kicker: '引\u0007题' } });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.path).toBe('content.kicker');
    const template = await store.dispatch('pageplan.saveTemplate', { name: '模板\u0001', date: '2026-01-01' });
    expect(template.ok).toBe(false);
    if (!template.ok) expect(template.error.path).toBe('name');
  });
});

function emptyContentOf(a: Awaited<ReturnType<typeof newStory>>) {
  return {
    kind: a.kind,
    kicker: a.kicker,
    headline: a.headline,
    subheadline: a.subheadline,
    source: a.source,
    bylines: a.bylines,
    correspondents: a.correspondents,
    body: a.body,
    deskNote: a.deskNote,
  };
}

describe('raw copy with control characters', () => {
  const COPY =
    '工业互联网\u000B试点示范\r\n本报讯（全媒体记者 高晓燕）日前\u0001，工信部公布了名单\uFFFE。\r\n我市有两家企业入选。';

  it('the preview removes them and says how many and which', async () => {
    const r = await store.client.call('copy.parse', { text: COPY });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.removedControls).toEqual({ count: 3, codePoints: ['U+000B', 'U+0001', 'U+FFFE'] });
    expect(findUnsafeChar(JSON.stringify(r.value.paragraphs))).toBeNull();
    expect(r.value.headlineLines).toEqual(['工业互联网试点示范']);
  });

  it('an import stores the story without them; a batch import names the file', async () => {
    const one = await store.client.call('copy.import', { text: COPY });
    if (!one.ok) throw new Error(one.error.message);
    expect(findUnsafeChar(JSON.stringify(one.value))).toBeNull();
    expect(JSON.stringify(one.value)).not.toMatch(/\\u00|\\uff/i);
    const many = await store.client.call('copy.importMany', {
      batchId: 'unsafe',
      files: [
        { name: 'bad.txt', text: COPY },
        { name: 'good.txt', text: '市区新增三条公交线路\n记者从市交通运输局获悉，三条新线路下周一开通。' },
      ],
    });
    if (!many.ok) throw new Error(many.error.message);
    expect(many.value.ids).toHaveLength(2);
    expect(many.value.cleaned).toEqual([{ name: 'bad.txt', removed: 3, codePoints: ['U+000B', 'U+0001', 'U+FFFE'] }]);
    for (const id of many.value.ids)
      expect(findUnsafeChar(JSON.stringify(await store.services.articles.get(id)))).toBeNull();
  });
});
