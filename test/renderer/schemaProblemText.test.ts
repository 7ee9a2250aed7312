// Revisions kept aside because they fail our schema are explained in the reader's language, field by field.
import { describe, expect, it } from 'vitest';
import { LeafBodySchema } from '../../shared/model/syncFields';
import { IssueBodySchema } from '../../shared/model/issueSyncFields';
import { SCHEMA_PROBLEM_KINDS, schemaProblemsOf } from '../../shared/rules/sync/schemaProblems';
import { setAsideProblems } from '../../electron/services/sync/setAsideProblems';
import { translator } from '../../renderer/i18n/i18n';
import { schemaProblemText, setAsideText } from '../../renderer/i18n/schemaProblemText';

const zh = translator('zh-CN');
const en = translator('en');

/** A story body as a newer peer might write it: a status this version does not know, the headline a number. */
function foreignStory(): Record<string, unknown> {
  return {
    _id: 'a-foreign01',
    _rev: '1-abc',
    id: 'a-foreign01',
    kind: 'story',
    kicker: '',
    headline: 42,
    subheadline: '',
    source: '本报讯',
    bylines: [],
    correspondents: [],
    body: [{ type: 'paragraph', children: [{ text: '正文' }] }],
    deskNote: '',
    status: 'fact-checked',
    createdAt: '2026-12-07T08:00:00.000Z',
    createdBy: 'ruth',
    updatedAt: '2026-12-07T08:00:00.000Z',
    updatedBy: 'ruth',
    placement: null,
    spikedFrom: null,
  };
}

describe('set-aside reasons in the UI language', () => {
  it('names the fields and what is wrong in zh-CN and en, with no zod English left', () => {
    const problems = setAsideProblems('a-foreign01', foreignStory());
    expect(problems.map((p) => [p.path.join('.'), p.kind])).toEqual(
      expect.arrayContaining([
        ['headline', 'wrong_type'],
        ['status', 'bad_value'],
      ]),
    );
    const zhText = setAsideText(zh, problems, 'main line');
    expect(zhText).toContain('主题的类型不对');
    expect(zhText).toContain('状态的值本机不认识');
    const enText = setAsideText(en, problems, 'main line');
    expect(enText).toContain('Headline has the wrong type');
    expect(enText).toContain('Status has a value this version does not know');
    for (const text of [zhText, enText]) expect(text).not.toMatch(/Invalid|expected|received/);
  });

  it('says a missing field, a list item and a document whose id is another one', () => {
    const { headline: _h, ...noHeadline } = foreignStory();
    const missing = setAsideProblems('a-foreign01', { ...noHeadline, status: 'draft' });
    expect(setAsideText(zh, missing, '')).toBe('缺少主题');
    const badBlock = setAsideProblems('a-foreign01', { ...foreignStory(), headline: '好', status: 'draft', body: [7] });
    expect(badBlock[0]!.path.slice(0, 2)).toEqual(['body', 0]);
    expect(schemaProblemText(zh, badBlock[0]!)).toBe('正文第 1 项的类型不对');
    expect(schemaProblemText(en, badBlock[0]!)).toBe('Body, item 1 has the wrong type');
    const other = setAsideProblems('a-other0001', { ...foreignStory(), headline: '好', status: 'draft' });
    expect(setAsideText(zh, other, '')).toBe('编号与文档编号不符');
    expect(setAsideText(en, other, '')).toBe('ID does not match the document id');
  });

  it('names a day plan’s fields, and keeps a field it does not know by its name', () => {
    const plan = setAsideProblems('i-2026-12-08', { id: 'i-2026-12-08', date: '2026-12-08', number: 'x', pages: [] });
    expect(setAsideText(zh, plan, '')).toContain('期号');
    const unknown = schemaProblemText(zh, { path: ['layoutGrid'], kind: 'other' });
    expect(unknown).toBe('layoutGrid不符合要求');
  });

  it('has words for every kind in both languages, and falls back to main’s line for old ledgers', () => {
    for (const kind of SCHEMA_PROBLEM_KINDS) {
      const z = schemaProblemText(zh, { path: ['status'], kind });
      const e = schemaProblemText(en, { path: ['status'], kind });
      expect(z).toContain('状态');
      expect(e).toContain('Status');
      expect(z).not.toBe(e);
    }
    expect(setAsideText(zh, undefined, 'status: 取值不在允许范围内')).toBe('status: 取值不在允许范围内');
  });

  it('keeps at most five problems of a parse', () => {
    const parsed = LeafBodySchema.safeParse({});
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(schemaProblemsOf(parsed.error, {})).toHaveLength(5);
    const plan = IssueBodySchema.safeParse({});
    if (!plan.success) expect(schemaProblemsOf(plan.error, {}).every((p) => p.kind === 'missing')).toBe(true);
  });
});
