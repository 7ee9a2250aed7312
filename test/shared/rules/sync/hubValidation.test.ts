// The hub's validate_doc_update, run as CouchDB runs it (in a sandbox of its own), for each role
// and field: what the app lets a role do, the hub lets it do too, and nothing more.
import { describe, expect, it } from 'vitest';
import { HUB_SECURITY, validateDocUpdateSource } from '../../../../shared/rules/sync/hubValidation';
import { compileValidator } from '../../../electron/services/sync/couchDouble/sandboxedValidator';

const validate = compileValidator(validateDocUpdateSource());

const oldDoc = {
  _id: 'a-story01',
  id: 'a-story01',
  status: 'submitted',
  spikedFrom: null,
  headline: '旧标题',
  body: [{ type: 'paragraph', children: [{ text: '正文' }] }],
  placement: null,
  deskNote: '',
  createdAt: '2026-12-01T00:00:00Z',
  createdBy: 'rita',
  updatedBy: 'rita',
};

function refusal(role: string, change: object): string | null {
  const verdict = validate(
    { ...oldDoc, updatedBy: 'someone', ...change },
    oldDoc,
    { name: 'someone', roles: [role] },
    HUB_SECURITY,
  );
  return verdict && 'forbidden' in verdict ? verdict.forbidden : verdict ? JSON.stringify(verdict) : null;
}

const suggestion = {
  body: [{ type: 'paragraph', children: [{ text: '正文' }, { text: '新增', insertId: 's1' }] }],
  changes: [{ id: 's1', kind: 'insert', author: 'cora', role: 'copy-editor', at: '2026-12-01T01:00:00Z' }],
};
const comment = {
  comments: [
    {
      id: 'c1',
      anchor: null,
      resolved: false,
      replies: [{ author: 'lin', at: '2026-12-01T02:00:00Z', text: '版面紧' }],
    },
  ],
};

describe('the hub refuses what a role may not change', () => {
  it.each([
    ['copy_editor', 'a suggestion with its change record', suggestion, null],
    // After 交稿 the copy is the desk's: the reporter edits only her own drafts (and returned ones).
    ['reporter', 'a suggestion with its change record', suggestion, 'body'],
    ['chief_editor', 'a suggestion with its change record', suggestion, null],
    ['copy_editor', 'a comment', comment, null],
    ['layout', 'a comment', comment, null],
    ['layout', 'a placement', { placement: { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 } }, null],
    ['layout', 'the body with suggestions', suggestion, 'body'],
    [
      'reporter',
      'a placement',
      { placement: { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 } },
      'placement',
    ],
    ['copy_editor', 'who created the story', { createdBy: 'cora' }, 'createdBy'],
  ])('%s changing %s', (role, _what, change, refusedField) => {
    const reason = refusal(role, change);
    if (refusedField === null) expect(reason).toBeNull();
    else expect(reason).toContain(refusedField);
  });

  it('refuses a user with no newsroom role', () => {
    expect(refusal('guest', { headline: '新标题' })).toBe('不是本报编辑部成员');
  });
});
