// The DOCX export option with Word's own tracked changes: two people's suggestions read back as w:ins/w:del with author and date.
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { ChangeRecord } from '../../../../shared/model/suggestions';
import type { ExportResult } from '../../../../shared/export/exportRequest';
import type { ExportFormat } from '../../../../shared/export/manifest';
import { openTempStore, type TempStore } from '../tempStore';
import { ISSUE_DATE, makeFinishedIssue } from './exportFixture';
import { openPackage } from './exportedPackage';

const CHANGES: ChangeRecord[] = [
  { id: 'li1', kind: 'insert', author: '李编辑', role: 'copy-editor', at: '2026-12-01T09:15:30.000Z' },
  { id: 'li2', kind: 'split', author: '李编辑', role: 'copy-editor', at: '2026-12-01T09:16:00.000Z' },
  { id: 'wang1', kind: 'delete', author: '王记者', role: 'reporter', at: '2026-12-01T08:00:05.250Z' },
  { id: 'wang2', kind: 'join', author: '王记者', role: 'reporter', at: '2026-12-01T08:01:00.000Z' },
];

let store: TempStore;
afterEach(() => store?.cleanup());

/** The fixture issue with the bus story (A01, second slot) carrying suggestions by 李编辑 and 王记者. */
async function issueWithSuggestions(): Promise<string> {
  // The chief editor's desk: these tests change approved copy in place, which only the chief editor may (issue 22).
  store = await openTempStore({ role: 'chief-editor' });
  const { ids } = await makeFinishedIssue(store.services);
  const a = await store.services.articles.get(ids[1]!);
  await store.services.articles.update(a.id, a.revision, '李编辑', (x) => ({
    ...x,
    body: [
      {
        type: 'paragraph',
        children: [
          { text: '记者从市交通运输局获悉，' },
          { text: '三条', del: 'wang1' },
          { text: '新开通的', ins: 'li1' },
          { text: '新线路下周一开通。' },
        ],
      },
      { type: 'paragraph', split: 'li2', children: [{ text: '票价统一为2元。' }] },
      { type: 'paragraph', join: 'wang2', children: [{ text: '老年人免费。', ins: 'li1' }] },
    ],
    changes: CHANGES,
  }));
  return a.id;
}

async function exportIssue(name: string, formats: ExportFormat[], docxTrackedChanges: boolean) {
  const out = join(store.dir, 'out', name);
  const res = await store.client.call('export.issue', { date: ISSUE_DATE, out, formats, docxTrackedChanges });
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return { out, result: res.value as ExportResult };
}

const attrs = (el: string) => Object.fromEntries([...el.matchAll(/(w:[a-z]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

describe('DOCX with Word tracked changes', () => {
  it('goes out despite pending suggestions, with w:ins and w:del carrying each person\u2019s name and time', async () => {
    const id = await issueWithSuggestions();
    const { out, result } = await exportIssue('revisions.zip', ['docx'], true);
    expect(result).toMatchObject({ status: 'exported', draft: false, problems: [] });
    const { files, manifest } = await openPackage(out);
    expect((manifest as unknown as { docxTrackedChanges?: boolean }).docxTrackedChanges).toBe(true);
    const story = manifest.stories.find((s) => s.id === id)!;
    const docx = unzipSync(files[story.files.docx!]!);
    const xml = new TextDecoder().decode(docx['word/story.xml']);

    const check = await validateXML({ xml: [{ fileName: 'story.xml', contents: xml }], normalization: 'c14n' });
    expect(check.errors).toEqual([]);
    for (const part of Object.keys(docx).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      const ok = await validateXML({
        xml: [{ fileName: part, contents: new TextDecoder().decode(docx[part]) }],
        normalization: 'format',
      });
      expect(ok.errors, part).toEqual([]);
    }

    const revisions = [...xml.matchAll(/<w:(ins|del) [^>]*>/g)].map((m) => ({ tag: m[1], ...attrs(m[0]) }));
    // Document order: a paragraph's own mark (in w:pPr) comes before its runs.
    expect(revisions.map((r) => [r.tag, r['w:author'], r['w:date']])).toEqual([
      // The break before 票价 was split in by 李编辑: the mark of the paragraph before it is inserted.
      ['ins', '李编辑', '2026-12-01T09:16:00Z'],
      ['del', '王记者', '2026-12-01T08:00:05Z'],
      ['ins', '李编辑', '2026-12-01T09:15:30Z'],
      // 王记者 proposes joining 老年人免费 onto the paragraph before: that paragraph's mark is deleted.
      ['del', '王记者', '2026-12-01T08:01:00Z'],
      ['ins', '李编辑', '2026-12-01T09:15:30Z'],
    ]);
    expect(new Set(revisions.map((r) => r['w:id'])).size).toBe(revisions.length);
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">三条<\/w:delText><\/w:r><\/w:del>/);
    expect(xml).toMatch(/<w:ins [^>]*><w:r><w:t xml:space="preserve">新开通的<\/w:t><\/w:r><\/w:ins>/);
    expect(new TextDecoder().decode(docx['word/settings.xml'])).toContain('<w:trackRevisions/>');

    // mammoth reads the text as Word would with every revision accepted: insertions in, deletions out,
    // the inserted paragraph mark kept and the deleted one merging its paragraphs.
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(files[story.files.docx!]!) });
    expect(value.split('\n').filter(Boolean).slice(2)).toEqual([
      '记者从市交通运输局获悉，新开通的新线路下周一开通。',
      '票价统一为2元。老年人免费。',
    ]);
  });

  it('still refuses pending suggestions when another format goes with the DOCX, or without the option', async () => {
    await issueWithSuggestions();
    for (const [formats, tracked] of [
      [['docx', 'nitf'], true],
      [['docx'], false],
    ] as const) {
      const { out, result } = await exportIssue(`refused-${formats.length}.zip`, [...formats], tracked);
      expect(result.status === 'refused' && result.problems.map((p) => p.code)).toEqual(['unresolved_suggestions']);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('writes to exports/<date>-revisions.zip by default, never over the printer package', async () => {
    await issueWithSuggestions();
    const res = await store.client.call('export.issue', {
      date: ISSUE_DATE,
      formats: ['docx'],
      docxTrackedChanges: true,
    });
    expect(res.ok && res.value.status === 'exported' && res.value.path).toBe(
      join(store.dir, 'exports', `${ISSUE_DATE}-revisions.zip`),
    );
  });

  it('a story without suggestions reads back exactly as from the plain DOCX', async () => {
    const id = await issueWithSuggestions();
    const tracked = await openPackage((await exportIssue('tracked.zip', ['docx'], true)).out);
    const plainRes = await store.client.call('export.issue', {
      date: ISSUE_DATE,
      out: join(store.dir, 'out', 'plain.zip'),
      formats: ['docx'],
      force: true,
    });
    expect(plainRes.ok).toBe(true);
    const plain = await openPackage(join(store.dir, 'out', 'plain.zip'));
    const others = tracked.manifest.stories.filter((s) => s.id !== id);
    expect(others).toHaveLength(2);
    for (const story of others) {
      const html = async (pkg: typeof plain) =>
        (await mammoth.convertToHtml({ buffer: Buffer.from(pkg.files[story.files.docx!]!) })).value;
      expect(await html(tracked)).toEqual(await html(plain));
    }
  });
});
