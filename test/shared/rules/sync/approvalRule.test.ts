// "Approval means what it says", as one table run by both executors of the story write rule: the app's
// judgeStoryWrite and the hub's validate_doc_update (run as CouchDB runs it, in a sandbox of its own).
import { describe, expect, it } from 'vitest';
import { HUB_SECURITY, hubRuleTables, validateDocUpdateSource } from '../../../../shared/rules/sync/hubValidation';
import { judgeStoryWrite } from '../../../../shared/rules/sync/storyWriteRule';
import { compileValidator } from '../../../electron/services/sync/couchDouble/sandboxedValidator';

const hub = compileValidator(validateDocUpdateSource());
const T = hubRuleTables();
const PLACEMENT = { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 };
const TEXT = [{ type: 'paragraph', children: [{ text: '株洲今年新增两家国家级专精特新企业。记者从市工信局获悉。' }] }];
const CUT = [{ type: 'paragraph', children: [{ text: '株洲今年新增两家国家级专精特新企业。' }] }];

function story(status: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: 'a-story01',
    id: 'a-story01',
    kind: 'story',
    status,
    spikedFrom: null,
    headline: '两株企获评',
    body: TEXT,
    placement: status === 'placed' ? PLACEMENT : null,
    deskNote: '',
    createdAt: '2026-12-01T00:00:00Z',
    createdBy: 'rita',
    updatedBy: 'rita',
    ...(status === 'draft' ? {} : { firstSubmittedAt: '2026-12-01T01:00:00Z' }),
    ...over,
  };
}

type Row = [what: string, role: string, name: string, before: Record<string, unknown>, change: object, ok: boolean];

const rows: Row[] = [
  // After 签发 or 上版, a text change by anyone but the chief editor returns the story to 已编辑 …
  ['layout cuts a placed story and keeps it placed', 'layout', 'lin', story('placed'), { body: CUT }, false],
  [
    'layout cuts a placed story and returns it to edited',
    'layout',
    'lin',
    story('placed'),
    { body: CUT, status: 'edited' },
    true,
  ],
  ['layout cuts an approved story and keeps it approved', 'layout', 'lin', story('approved'), { body: CUT }, false],
  [
    'layout cuts an approved story, back to edited',
    'layout',
    'lin',
    story('approved'),
    { body: CUT, status: 'edited' },
    true,
  ],
  [
    'a copy editor retitles an approved story in place',
    'copy_editor',
    'chen',
    story('approved'),
    { headline: '新' },
    false,
  ],
  [
    'a copy editor retitles an approved story, back to edited',
    'copy_editor',
    'chen',
    story('approved'),
    { headline: '新', status: 'edited' },
    true,
  ],
  ['a copy editor edits a placed story in place', 'copy_editor', 'chen', story('placed'), { body: CUT }, false],
  // … the chief editor's own change keeps the sign-off.
  ['the chief editor cuts a placed story', 'chief_editor', 'wang', story('placed'), { body: CUT }, true],
  ['the chief editor retitles an approved story', 'chief_editor', 'wang', story('approved'), { headline: '新' }, true],
  // Layout touches text only after sign-off (to cut), never copy still on the desk.
  ['layout edits a submitted story', 'layout', 'lin', story('submitted'), { body: CUT }, false],
  [
    'layout places an approved story (no text change)',
    'layout',
    'lin',
    story('approved'),
    { status: 'placed', placement: PLACEMENT },
    true,
  ],
  // A reporter edits only her own drafts and returned stories, and submits only her own.
  ['a reporter edits her own draft', 'reporter', 'rita', story('draft'), { body: CUT }, true],
  [
    'a reporter edits her own returned story',
    'reporter',
    'rita',
    story('draft', { firstSubmittedAt: '2026-12-01T01:00:00Z' }),
    { body: CUT },
    true,
  ],
  ['a reporter edits another reporter’s draft', 'reporter', 'ruth', story('draft'), { body: CUT }, false],
  ['a reporter edits her story after 交稿', 'reporter', 'rita', story('submitted'), { body: CUT }, false],
  [
    'a reporter edits her story after 签发',
    'reporter',
    'rita',
    story('approved'),
    { body: CUT, status: 'edited' },
    false,
  ],
  [
    'a reporter submits her own draft',
    'reporter',
    'rita',
    story('draft'),
    { status: 'submitted', firstSubmittedAt: '2026-12-01T02:00:00Z' },
    true,
  ],
  [
    'a reporter submits another reporter’s draft',
    'reporter',
    'ruth',
    story('draft'),
    { status: 'submitted', firstSubmittedAt: '2026-12-01T02:00:00Z' },
    false,
  ],
  // The copy desk can move copy it imported itself, and only that among drafts.
  [
    'a copy editor sends on copy she imported',
    'copy_editor',
    'chen',
    story('draft', { createdBy: 'chen' }),
    { status: 'submitted', firstSubmittedAt: '2026-12-01T02:00:00Z' },
    true,
  ],
  [
    'a copy editor submits a reporter’s draft',
    'copy_editor',
    'chen',
    story('draft'),
    { status: 'submitted', firstSubmittedAt: '2026-12-01T02:00:00Z' },
    false,
  ],
  ['a copy editor edits submitted copy', 'copy_editor', 'chen', story('submitted'), { body: CUT }, true],
  [
    'a copy editor spikes a reporter’s draft',
    'copy_editor',
    'chen',
    story('draft'),
    { status: 'spiked', spikedFrom: 'draft' },
    true,
  ],
];

describe('approval means what it says: the one rule on the desk and on the hub', () => {
  it.each(rows)('%s (%s %s)', (_what, role, name, before, change, ok) => {
    const after = { ...before, ...change, updatedBy: name };
    const ctx = { name, roles: [role] };
    const native = judgeStoryWrite(T, after, before, ctx);
    expect(hub(after, before, ctx, HUB_SECURITY)).toEqual(native);
    expect(native === null).toBe(ok);
  });
});

describe('what is not a text change', () => {
  it.each<[what: string, role: string, before: Record<string, unknown>, change: object]>([
    [
      'layout comments on a placed story (its desk writes an empty change list)',
      'layout',
      story('placed'),
      {
        changes: [],
        comments: [{ id: 'c1', anchor: null, resolved: false, replies: [] }],
      },
    ],
    ['layout notes the page in the desk note', 'layout', story('approved'), { deskNote: 'A1 头条' }],
    ['a copy editor comments on an approved story', 'copy_editor', story('approved'), { changes: [], comments: [] }],
  ])('%s: the story stays signed off', (_what, role, before, change) => {
    const after = { ...before, ...change, updatedBy: 'lin' };
    const ctx = { name: 'lin', roles: [role] };
    expect(judgeStoryWrite(T, after, before, ctx)).toBeNull();
    expect(hub(after, before, ctx, HUB_SECURITY)).toBeNull();
  });
});
