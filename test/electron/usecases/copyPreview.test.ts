// The import preview through the registry (issue 22, finding 9): the same copy imported twice is flagged 疑似重复
// before the second import, a [图片：…] line is a photo, and reporters keep the role the copy prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { previewCopy } from '../../../electron/usecases/copyPreview';
import type { CopyPreview } from '../../../shared/model/parsedCopy';
import { openTempStore, type TempStore } from '../services/tempStore';

let store: TempStore;
afterEach(async () => {
  await store?.cleanup();
});

/** A real story from the copy fixtures (the product's sample copy). */
const COPY = readFileSync(join(import.meta.dirname, '../../../assets/sample/01-industrial-internet.txt'), 'utf8');

async function parse(text: string): Promise<CopyPreview> {
  const r = await store.client.call('copy.parse', { text });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the import preview', () => {
  it('flags copy imported before as 疑似重复, naming the story, and not new copy', async () => {
    store = await openTempStore({ role: 'copy-editor', userName: '编辑乙' });
    expect((await parse(COPY)).duplicates).toBeUndefined();
    const first = await store.client.call('copy.import', { text: COPY });
    if (!first.ok) throw new Error(first.error.message);

    const again = await parse(COPY);
    expect(again.duplicates).toEqual([
      expect.objectContaining({ id: first.value.id, createdBy: '编辑乙', similarity: 1 }),
    ]);
    // A resend with a word changed is still the same story.
    const resent = await parse(COPY.replace('我市有两家企业入选', '我市有2家企业入选'));
    expect(resent.duplicates?.map((d) => d.id)).toEqual([first.value.id]);
    // Other copy is not.
    expect(
      (await parse(COPY.replace(/^两株企获评\n国家级工业互联网试点示范/, '另一条新闻\n完全不同的标题'))).duplicates,
    ).toBeUndefined();
  });

  it('looks back 7 days only', async () => {
    store = await openTempStore({ role: 'copy-editor', userName: '编辑乙' });
    await store.client.call('copy.import', { text: COPY });
    const inEightDays = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect((await previewCopy(store.services, COPY, inEightDays)).duplicates).toBeUndefined();
    const inSixDays = new Date(Date.now() + 6 * 24 * 60 * 60 * 1000);
    expect((await previewCopy(store.services, COPY, inSixDays)).duplicates).toHaveLength(1);
  });

  it('shows a [图片：…] line as a photo and keeps 见习记者 as printed', async () => {
    store = await openTempStore({ role: 'copy-editor', userName: '编辑乙' });
    const lines = COPY.replace('全媒体记者/高晓燕', '见习记者/李想').split('\n');
    const lead = lines.findIndex((l) => l.startsWith('株洲日报('));
    const text = [...lines.slice(0, lead + 1), '[图片：工业互联网平台控制室]', ...lines.slice(lead + 1)].join('\n');
    const preview = await parse(text);
    expect(preview.photos).toEqual([{ caption: '工业互联网平台控制室', credit: '' }]);
    expect(preview.paragraphs).toEqual((await parse(COPY)).paragraphs);
    expect(preview.bylines).toEqual([{ role: '见习记者', name: '李想' }]);
  });
});
