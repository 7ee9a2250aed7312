// Property tests for suggestion mode (留痕): random stories, random edit scripts, through a headless Slate editor with our plugins.
import fc from 'fast-check';
import { Editor, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { StoryEditor } from '../../../../renderer/editor/customTypes';
import { resolveAll, resolveChange } from '../../../../renderer/editor/suggestions/review';
import { sessionOf } from '../../../../renderer/editor/suggestions/session';
import type { StoryDocument } from '../../../../shared/model/document';
import { suggestionIds } from '../../../../shared/rules/suggestions/changeTable';
import {
  acceptAll,
  rejectAll,
  resolveOne,
  resolveSuggestions,
} from '../../../../shared/rules/suggestions/resolveSuggestions';
import { acceptedPoint, canonical, headlessEditor } from './headlessEditor';

type Step =
  | { op: 'type'; block: number; at: number; text: string }
  | { op: 'backspace' | 'delete'; block: number; at: number; times: number }
  | { op: 'enter'; block: number; at: number }
  | { op: 'replace'; block: number; at: number; len: number; text: string }
  | { op: 'strike'; block: number; at: number; toBlock: number; toAt: number }
  | { op: 'paste'; block: number; at: number; lines: string[] }
  /** The next steps are someone else's: a copy editor working on a reporter's suggestions and the other way round. */
  | { op: 'handover' };

const word = fc.string({ unit: fc.constantFrom('a', 'b', '中', '文', '，', ' '), minLength: 0, maxLength: 6 });
const docArb = fc
  .array(word, { minLength: 1, maxLength: 4 })
  .map((texts): StoryDocument => texts.map((t) => ({ type: 'paragraph', children: [{ text: t }] })) as StoryDocument);
const pos = { block: fc.nat(5), at: fc.nat(8) };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('type' as const), ...pos, text: word.filter((w) => w.length > 0) }),
  fc.record({
    op: fc.constantFrom('backspace' as const, 'delete' as const),
    ...pos,
    times: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ op: fc.constant('enter' as const), ...pos }),
  fc.record({ op: fc.constant('replace' as const), ...pos, len: fc.integer({ min: 1, max: 4 }), text: word }),
  fc.record({ op: fc.constant('strike' as const), ...pos, toBlock: fc.nat(5), toAt: fc.nat(8) }),
  fc.record({ op: fc.constant('paste' as const), ...pos, lines: fc.array(word, { minLength: 1, maxLength: 3 }) }),
  fc.constant({ op: 'handover' as const }),
);

/** Accepted blocks and their lengths: positions in a script are chosen in the text as if accepted, so both modes edit the same words. */
function acceptedShape(editor: StoryEditor): number[] {
  return (acceptAll(editor.children as StoryDocument) as StoryDocument).map((b) =>
    b.type === 'photo' ? 0 : b.children.reduce((n, l) => n + l.text.length, 0),
  );
}

function place(editor: StoryEditor, block: number, at: number) {
  const shape = acceptedShape(editor);
  const b = block % shape.length;
  return { b, offset: Math.min(at, shape[b]!), point: acceptedPoint(editor, b, Math.min(at, shape[b]!)) };
}

function run(editor: StoryEditor, step: Step): void {
  if (step.op === 'handover') {
    const session = sessionOf(editor)!;
    session.author = session.author === '李编辑' ? '王记者' : '李编辑';
    return;
  }
  const { b, point } = place(editor, step.block, step.at);
  Transforms.select(editor, point);
  switch (step.op) {
    case 'type':
      editor.insertText(step.text);
      break;
    case 'backspace':
    case 'delete':
      for (let i = 0; i < step.times; i++)
        (step.op === 'backspace' ? editor.deleteBackward : editor.deleteForward)('character');
      break;
    case 'enter':
      editor.insertBreak();
      break;
    case 'replace': {
      const shape = acceptedShape(editor);
      const end = Math.min(Math.min(step.at, shape[b]!) + step.len, shape[b]!);
      Transforms.select(editor, { anchor: point, focus: acceptedPoint(editor, b, end) });
      if (step.text) editor.insertText(step.text);
      else editor.deleteFragment();
      break;
    }
    case 'strike': {
      const to = place(editor, step.toBlock, step.toAt);
      const [a, z] =
        b < to.b || (b === to.b && place(editor, step.block, step.at).offset <= to.offset)
          ? [point, to.point]
          : [to.point, point];
      Transforms.select(editor, { anchor: a, focus: z });
      editor.deleteFragment();
      break;
    }
    case 'paste':
      editor.insertFragment(step.lines.map((t) => ({ type: 'paragraph', children: [{ text: t }] })));
      break;
  }
}

function runScript(doc: StoryDocument, steps: Step[], suggesting: boolean): StoryEditor {
  const editor = headlessEditor(doc, { suggesting });
  for (const step of steps) HistoryEditor.withNewBatch(editor, () => run(editor, step));
  return editor;
}

function acceptingAllIsPlainMode(doc: StoryDocument, steps: Step[]): void {
  const tracked = runScript(doc, steps, true);
  const plain = runScript(doc, steps, false);
  expect(canonical(acceptAll(tracked.children as StoryDocument))).toEqual(canonical(plain.children));
}

/** Ids every occurrence of which shares its leaf or its block boundary with `id`. */
function onlyBeside(body: StoryDocument, id: string): Set<string> {
  const beside = new Set<string>();
  const apart = new Set<string>();
  const see = (pair: (string | undefined)[]) => {
    const withId = pair.includes(id);
    for (const x of pair) if (x !== undefined && x !== id) (withId ? beside : apart).add(x);
  };
  for (const block of body) {
    if (block.type === 'photo') continue;
    see([block.split, block.join]);
    for (const leaf of block.children) if (leaf.text !== '') see([leaf.ins, leaf.del]);
  }
  return new Set([...beside].filter((x) => !apart.has(x)));
}

/** Deciding one id, then the rest, gives what deciding everything at once gives, and leaves the other ids in place. */
function oneIdChangesNothingElse(doc: StoryDocument, steps: Step[], pick: number, accept: boolean): void {
  const body = runScript(doc, steps, true).children as StoryDocument;
  const ids = [...suggestionIds(body).keys()];
  if (ids.length === 0) return;
  const id = ids[pick % ids.length]!;
  const decision = accept ? 'accept' : 'reject';
  const once = resolveOne(body, id, decision);
  // Every other id stays, except one that only ever sits on the same text or break as this one (another
  // person's deletion of an insertion): text or break going with this decision takes it along, as in Word.
  const left = new Set(suggestionIds(once).keys());
  const nested = onlyBeside(body, id);
  for (const x of ids) if (x !== id && !nested.has(x)) expect(left.has(x), x).toBe(true);
  expect(left.has(id)).toBe(false);
  for (const x of left) expect(ids).toContain(x);
  for (const rest of ['accept', 'reject'] as const) {
    const all = resolveSuggestions(body, (x) => (x === id ? decision : rest));
    expect(canonical(resolveSuggestions(once, () => rest))).toEqual(canonical(all));
  }
}

/** A fixed seed keeps CI repeatable; set SUGGEST_SEED (and SUGGEST_RUNS) to explore others. */
const SEED = process.env.SUGGEST_SEED === undefined ? 20261201 : Number(process.env.SUGGEST_SEED);
const RUNS = { numRuns: Number(process.env.SUGGEST_RUNS ?? 300), seed: SEED };

describe('suggestion mode, for random stories and edit scripts', () => {
  it('rejecting every suggestion gives back the original story', () => {
    fc.assert(
      fc.property(docArb, fc.array(stepArb, { maxLength: 8 }), (doc, steps) => {
        const editor = runScript(doc, steps, true);
        expect(canonical(rejectAll(editor.children as StoryDocument))).toEqual(canonical(doc));
      }),
      RUNS,
    );
  });

  it('accepting every suggestion equals the same script run without suggestion mode', () => {
    fc.assert(fc.property(docArb, fc.array(stepArb, { maxLength: 8 }), acceptingAllIsPlainMode), RUNS);
  });

  it('accepting or rejecting one id changes nothing outside it', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(stepArb, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.boolean(),
        oneIdChangesNothingElse,
      ),
      RUNS,
    );
  });

  it('N undos after N suggestion edits give back the start, with every id in the table on the way', () => {
    fc.assert(
      fc.property(docArb, fc.array(stepArb, { minLength: 1, maxLength: 8 }), (doc, steps) => {
        const editor = headlessEditor(doc, { suggesting: true });
        const start = canonical(editor.children);
        for (const step of steps) {
          HistoryEditor.withNewBatch(editor, () => run(editor, step));
          const table = sessionOf(editor)!.table;
          for (const id of suggestionIds(editor.children as StoryDocument).keys()) expect(table.has(id)).toBe(true);
        }
        for (let i = 0; i < steps.length; i++) HistoryEditor.undo(editor);
        expect(canonical(editor.children)).toEqual(start);
        expect(suggestionIds(editor.children as StoryDocument).size).toBe(0);
      }),
      RUNS,
    );
  });

  it('accept and reject in the editor are one undo step each and match the pure resolver', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(stepArb, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.nat(),
        (doc, steps, all, pick) => {
          const editor = runScript(doc, steps, true);
          const before = canonical(editor.children);
          const body = editor.children as StoryDocument;
          const ids = [...suggestionIds(body).keys()];
          if (ids.length === 0) return;
          const id = ids[pick % ids.length]!;
          const expected = all ? rejectAll(body) : resolveOne(body, id, 'accept');
          if (all) resolveAll(editor, 'reject');
          else resolveChange(editor, id, 'accept');
          expect(canonical(editor.children)).toEqual(canonical(expected));
          HistoryEditor.undo(editor);
          expect(canonical(editor.children)).toEqual(before);
          expect(Editor.hasPath(editor, editor.selection?.anchor.path ?? [0, 0])).toBe(true);
        },
      ),
      { numRuns: 150, seed: SEED },
    );
  });

  // Counterexamples once found by the properties above, kept as fixed cases.
  it('two pastes of blank lines into an empty paragraph leave no id that rejecting the first paste would drop', () => {
    const empty: StoryDocument = [{ type: 'paragraph', children: [{ text: '' }] }];
    const steps: Step[] = [
      { op: 'paste', block: 0, at: 0, lines: ['', ''] },
      { op: 'paste', block: 1, at: 0, lines: [''] },
    ];
    for (const pick of [0, 1]) for (const accept of [false, true]) oneIdChangesNothingElse(empty, steps, pick, accept);
    // The blank line is one suggested break and nothing else: no id sits on empty text.
    const body = runScript(empty, steps, true).children as StoryDocument;
    expect(canonical(body)).toEqual([
      { type: 'paragraph', children: [{ text: '' }] },
      { type: 'paragraph', split: 'L1', children: [{ text: '' }] },
    ]);
  });

  it('typing over a selection from plain into bold text is plain, as in normal mode (the look of where it starts)', () => {
    const doc: StoryDocument = [{ type: 'paragraph', children: [{ text: '甲' }, { text: '乙', bold: true }] }];
    const steps: Step[] = [{ op: 'replace', block: 0, at: 0, len: 2, text: '丙' }];
    acceptingAllIsPlainMode(doc, steps);
    expect(canonical(runScript(doc, steps, true).children)).toEqual([
      {
        type: 'paragraph',
        children: [
          { text: '甲', del: 'L1' },
          { text: '乙', bold: true, del: 'L1' },
          // Typing over words is one replacement (issue 22): the struck and the typed words share an id.
          { text: '丙', ins: 'L1' },
        ],
      },
    ]);
  });

  it('typing, Enter and typing on is one insertion: both words and the break carry one id', () => {
    const editor = headlessEditor([{ type: 'paragraph', children: [{ text: '甲' }] }], { suggesting: true });
    Transforms.select(editor, Editor.end(editor, []));
    editor.insertText('乙');
    editor.insertBreak();
    // The new paragraph's empty leaf holds no id; the block's split says whose insertion goes on.
    expect(canonical(editor.children)[1]).toEqual({ type: 'paragraph', split: 'L1', children: [{ text: '' }] });
    editor.insertText('丙');
    expect(canonical(editor.children)).toEqual([
      { type: 'paragraph', children: [{ text: '甲' }, { text: '乙', ins: 'L1' }] },
      { type: 'paragraph', split: 'L1', children: [{ text: '丙', ins: 'L1' }] },
    ]);
  });

  it('another person deleting a suggested break: accepting the deletion takes the break and its id along', () => {
    const empty: StoryDocument = [{ type: 'paragraph', children: [{ text: '' }] }];
    const steps: Step[] = [
      { op: 'paste', block: 0, at: 0, lines: ['', ''] },
      { op: 'handover' },
      { op: 'delete', block: 0, at: 0, times: 1 },
    ];
    const body = runScript(empty, steps, true).children as StoryDocument;
    expect(canonical(body)[1]).toEqual({ type: 'paragraph', split: 'L1', join: 'X2', children: [{ text: '' }] });
    for (const pick of [0, 1]) for (const accept of [false, true]) oneIdChangesNothingElse(empty, steps, pick, accept);
    expect(canonical(resolveOne(body, 'X2', 'accept'))).toEqual(canonical(empty));
    expect(canonical(resolveOne(body, 'X2', 'reject'))[1]).toEqual({
      type: 'paragraph',
      split: 'L1',
      children: [{ text: '' }],
    });
  });
});
