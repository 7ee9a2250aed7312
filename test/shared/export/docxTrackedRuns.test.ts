// Word tracked changes for suggestions: well-formed WordprocessingML with w:ins/w:del carrying author and date.
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { StoryDocument, TextBlock } from '../../../shared/model/document';
import type { ChangeRecord } from '../../../shared/model/suggestions';
import {
  changeLookup,
  docxTrackedParagraph,
  docxTrackedRuns,
  revisionCounter,
} from '../../../shared/export/docxTrackedRuns';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CHANGES: ChangeRecord[] = [
  { id: 'a1', kind: 'insert', author: '李编辑', role: 'copy-editor', at: '2026-12-01T10:00:00.123Z' },
  { id: 'b2', kind: 'delete', author: '王<记者>&', role: 'reporter', at: '2026-12-01T11:30:00.000Z' },
  { id: 's3', kind: 'split', author: '李编辑', role: 'copy-editor', at: '2026-12-01T10:05:00.000Z' },
];

const BODY: StoryDocument = [
  {
    type: 'paragraph',
    children: [
      { text: '市政府' },
      { text: '常务', ins: 'a1', bold: true },
      { text: '会议<纪要>', del: 'b2' },
      { text: '删掉的插入', ins: 'a1', del: 'b2' },
      { text: '第一行\n第二行' },
    ],
  },
  { type: 'paragraph', split: 's3', children: [{ text: '新段落' }] },
];

function documentXml(body: StoryDocument): string {
  const lookup = changeLookup(CHANGES);
  const ids = revisionCounter();
  const paragraphs = body.map((b, i) => docxTrackedParagraph(b as TextBlock, body[i + 1], lookup, ids)).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${paragraphs}</w:body></w:document>`;
}

describe('DOCX tracked runs', () => {
  it('is well-formed XML', async () => {
    const result = await validateXML({
      xml: [{ fileName: 'document.xml', contents: documentXml(BODY) }],
      normalization: 'c14n',
    });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    // The checker does refuse broken XML, so the pass above means something.
    const broken = await validateXML({
      xml: [{ fileName: 'x.xml', contents: '<w:p><w:r></w:p>' }],
      normalization: 'c14n',
    });
    expect(broken.valid).toBe(false);
  });

  it('wraps insertions in w:ins and deletions in w:del with w:author and a second-precision w:date', () => {
    const xml = documentXml(BODY);
    expect(xml).toMatch(
      /<w:ins w:id="\d+" w:author="李编辑" w:date="2026-12-01T10:00:00Z"><w:r><w:rPr><w:b\/><\/w:rPr><w:t xml:space="preserve">常务<\/w:t><\/w:r><\/w:ins>/,
    );
    expect(xml).toMatch(
      /<w:del w:id="\d+" w:author="王&lt;记者&gt;&amp;" w:date="2026-12-01T11:30:00Z"><w:r><w:delText xml:space="preserve">会议&lt;纪要&gt;<\/w:delText><\/w:r><\/w:del>/,
    );
  });

  it('writes an insertion someone deleted as w:del inside w:ins, and soft breaks as w:br', () => {
    const runs = docxTrackedRuns(
      BODY[0]!.type === 'photo' ? [] : BODY[0]!.children,
      changeLookup(CHANGES),
      revisionCounter(),
    );
    expect(runs).toMatch(
      /<w:ins [^>]*w:author="李编辑"[^>]*><w:del [^>]*w:author="王&lt;记者&gt;&amp;"[^>]*><w:r><w:delText xml:space="preserve">删掉的插入<\/w:delText><\/w:r><\/w:del><\/w:ins>/,
    );
    expect(runs).toContain('<w:t xml:space="preserve">第一行</w:t><w:br/><w:t xml:space="preserve">第二行</w:t>');
  });

  it('marks the paragraph before a suggested split as having an inserted paragraph mark', () => {
    const xml = documentXml(BODY);
    expect(xml).toMatch(
      /<w:p><w:pPr><w:rPr><w:ins w:id="\d+" w:author="李编辑" w:date="2026-12-01T10:05:00Z"\/><\/w:rPr><\/w:pPr>/,
    );
  });

  it('gives every revision element its own w:id', () => {
    const ids = [...documentXml(BODY).matchAll(/w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
