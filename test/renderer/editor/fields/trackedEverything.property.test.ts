// Property test for 留痕 across the whole story: random scripts of header-field, credit, body, replace-all and
// lint edits run through the shipped headless editor (withStoryCore over history) and the same functions the
// screen calls (editTextField, editCredits, replaceMatches, applyLintFixes). Rejecting everything gives the
// original back; accepting everything gives what the script gives in normal mode; N undos give the start.
import fc from 'fast-check';
import { Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import { describe, expect, it } from 'vitest';
import type { StoryEditor } from '../../../../renderer/editor/customTypes';
import { editCredits, editTextField, fieldsState } from '../../../../renderer/editor/fields/fieldStore';
import { headlessStoryEditor } from '../../../../renderer/editor/headlessEditor';
import { acceptedPoint, acceptedTexts } from '../../../../renderer/editor/suggestions/acceptedPoints';
import { resolveAll } from '../../../../renderer/editor/suggestions/review';
import { sessionOf } from '../../../../renderer/editor/suggestions/session';
import { collectMatches } from '../../../../renderer/common/find/findMatches';
import { replaceMatches } from '../../../../renderer/common/find/replaceAll';
import { applyLintFixes } from '../../../../renderer/features/copydesk/applyLintFix';
import type { StoryDocument } from '../../../../shared/model/document';
import type { Byline } from '../../../../shared/model/people';
import { TRACKED_TEXT_FIELDS, type TrackedTextField } from '../../../../shared/model/trackedFields';
import { lintArticle } from '../../../../shared/rules/punctuation';
import { articleSuggestionIds } from '../../../../shared/rules/suggestions/changeTable';
import { acceptAll, rejectAll } from '../../../../shared/rules/suggestions/resolveSuggestions';
import { liveFields, resolveFields, trackedOf } from '../../../../shared/rules/suggestions/trackedFields';
import { canonical } from '../suggestions/headlessEditor';

type Step =
  | { op: 'field'; field: TrackedTextField; at: number; len: number; text: string }
  | { op: 'credit'; action: 'add' | 'remove' | 'rename'; i: number; name: string }
  | { op: 'type'; block: number; at: number; text: string }
  | { op: 'backspace'; block: number; at: number; times: number }
  | { op: 'select-type'; block: number; at: number; len: number; text: string }
  | { op: 'replace-all'; query: string; replacement: string }
  | { op: 'lint' }
  | { op: 'handover' };

// Half-width commas and stops after Chinese and doubled marks give the lint fixes to accept.
const unit = fc.constantFrom('a', 'b', '中', '文', ',', '，', '.', ' ');
const word = fc.string({ unit, minLength: 0, maxLength: 5 });
const docArb = fc
  .array(word, { minLength: 1, maxLength: 3 })
  .map((texts): StoryDocument => texts.map((t) => ({ type: 'paragraph', children: [{ text: t }] })) as StoryDocument);
const fieldsArb = fc.record({
  kicker: word,
  headline: word,
  subheadline: word,
  source: word,
  deskNote: word,
  bylines: fc
    .array(fc.constantFrom('李想', '王芳', '陈正明'), { maxLength: 2 })
    .map((names) => names.map((name): Byline => ({ role: '记者', name }))),
});
const pos = { block: fc.nat(4), at: fc.nat(6) };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('field' as const),
    field: fc.constantFrom(...TRACKED_TEXT_FIELDS),
    at: fc.nat(6),
    len: fc.nat(3),
    text: word,
  }),
  fc.record({
    op: fc.constant('credit' as const),
    action: fc.constantFrom('add' as const, 'remove' as const, 'rename' as const),
    i: fc.nat(3),
    name: fc.constantFrom('李想', '赵敏', '周到'),
  }),
  fc.record({ op: fc.constant('type' as const), ...pos, text: word.filter((w) => w.length > 0) }),
  fc.record({ op: fc.constant('backspace' as const), ...pos, times: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('select-type' as const), ...pos, len: fc.integer({ min: 1, max: 3 }), text: word }),
  fc.record({
    op: fc.constant('replace-all' as const),
    query: fc.constantFrom('a', '中', ',', 'b中'),
    replacement: word,
  }),
  fc.constant({ op: 'lint' as const }),
  fc.constant({ op: 'handover' as const }),
);

type Fields = ReturnType<typeof liveFields>;
interface Story {
  body: StoryDocument;
  fields: Fields;
}

function open(story: Story, suggesting: boolean): StoryEditor {
  let n = 0;
  const editor: StoryEditor = headlessStoryEditor(
    story.body,
    {
      enabled: suggesting,
      author: '李编辑',
      role: 'copy-editor',
      newId: () => `${sessionOf(editor)?.author === '李编辑' ? 'L' : 'X'}${++n}`,
      now: () => '2026-12-07T10:00:00.000Z',
    },
    { ...story.fields, correspondents: [] },
  );
  return editor;
}

function run(editor: StoryEditor, step: Step): void {
  const live = liveFields(fieldsState(editor));
  switch (step.op) {
    case 'handover': {
      const s = sessionOf(editor)!;
      s.author = s.author === '李编辑' ? '王记者' : '李编辑';
      return;
    }
    case 'field': {
      // As the input sends it: the whole new value, and the caret after the typed text.
      const old = live[step.field];
      const a = Math.min(step.at, old.length);
      const b = Math.min(a + step.len, old.length);
      editTextField(editor, step.field, old.slice(0, a) + step.text + old.slice(b), a + step.text.length);
      return;
    }
    case 'credit': {
      const list = live.bylines.slice();
      const i = list.length === 0 ? 0 : step.i % list.length;
      if (step.action === 'add' || list.length === 0) list.push({ role: '记者', name: step.name });
      else if (step.action === 'remove') list.splice(i, 1);
      else list[i] = { ...list[i]!, name: step.name };
      editCredits(editor, 'bylines', list);
      return;
    }
    case 'replace-all': {
      const matches = collectMatches(live, editor.children, step.query, { ignoreCase: false, ignoreWidth: false });
      replaceMatches(editor, matches, step.replacement);
      return;
    }
    case 'lint': {
      const body = acceptAll(editor.children as StoryDocument);
      applyLintFixes(
        editor,
        lintArticle({ kicker: live.kicker, headline: live.headline, subheadline: live.subheadline, body }),
      );
      return;
    }
  }
  const texts = acceptedTexts(editor.children);
  const b = step.block % texts.length;
  const at = Math.min(step.at, texts[b]!.length);
  const point = acceptedPoint(editor.children, b, at, 'start');
  Transforms.select(editor, point);
  if (step.op === 'type') editor.insertText(step.text);
  else if (step.op === 'backspace') for (let i = 0; i < step.times; i++) editor.deleteBackward('character');
  else {
    const end = Math.min(at + step.len, texts[b]!.length);
    Transforms.select(editor, { anchor: point, focus: acceptedPoint(editor.children, b, end, 'end') });
    if (step.text) editor.insertText(step.text);
    else editor.deleteFragment();
  }
}

function runScript(story: Story, steps: Step[], suggesting: boolean): StoryEditor {
  const editor = open(story, suggesting);
  for (const step of steps) HistoryEditor.withNewBatch(editor, () => run(editor, step));
  return editor;
}

const storyArb = fc.record({ body: docArb, fields: fieldsArb.map((f): Fields => ({ ...f, correspondents: [] })) });
const scriptArb = fc.array(stepArb, { minLength: 1, maxLength: 8 });
const SEED = process.env.SUGGEST_SEED === undefined ? 20261207 : Number(process.env.SUGGEST_SEED);
const RUNS = { numRuns: Number(process.env.SUGGEST_RUNS ?? 500), seed: SEED };

describe('留痕 over fields, credits, body, replace-all and lint fixes, for random stories and scripts', () => {
  it('rejecting every suggestion gives back the original story, fields and credits included', () => {
    fc.assert(
      fc.property(storyArb, scriptArb, (story, steps) => {
        const editor = runScript(story, steps, true);
        expect(canonical(rejectAll(editor.children as StoryDocument))).toEqual(canonical(story.body));
        expect(liveFields(resolveFields(fieldsState(editor), () => 'reject'))).toEqual(story.fields);
      }),
      RUNS,
    );
  });

  it('accepting every suggestion gives what the same script gives in normal mode', () => {
    fc.assert(
      fc.property(storyArb, scriptArb, (story, steps) => {
        const tracked = runScript(story, steps, true);
        const plain = runScript(story, steps, false);
        expect(canonical(acceptAll(tracked.children as StoryDocument))).toEqual(canonical(plain.children));
        expect(liveFields(resolveFields(fieldsState(tracked), () => 'accept'))).toEqual(liveFields(fieldsState(plain)));
      }),
      RUNS,
    );
  });

  it('the editor’s reject-all and accept-all (the panel’s buttons) do the same, and every id has a row with its author', () => {
    fc.assert(
      fc.property(storyArb, scriptArb, fc.boolean(), (story, steps, accept) => {
        const editor = runScript(story, steps, true);
        const table = sessionOf(editor)!.table;
        const tracked = trackedOf(fieldsState(editor), () => true);
        for (const id of articleSuggestionIds({ body: editor.children as StoryDocument, tracked }).keys()) {
          expect(table.get(id)?.author, id).toMatch(/李编辑|王记者/);
          expect(table.get(id)?.at).toBe('2026-12-07T10:00:00.000Z');
        }
        const expectBody = accept ? canonical(runScript(story, steps, false).children) : canonical(story.body);
        const expectFields = accept ? liveFields(fieldsState(runScript(story, steps, false))) : story.fields;
        resolveAll(editor, accept ? 'accept' : 'reject');
        expect(canonical(editor.children)).toEqual(expectBody);
        expect(liveFields(fieldsState(editor))).toEqual(expectFields);
        expect(trackedOf(fieldsState(editor), () => true)).toBeUndefined();
      }),
      { ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  });

  it('N undos after N edits give back the start: body and fields share one history', () => {
    fc.assert(
      fc.property(storyArb, scriptArb, (story, steps) => {
        const editor = open(story, true);
        let made = 0;
        for (const step of steps) {
          const before = editor.history.undos.length;
          HistoryEditor.withNewBatch(editor, () => run(editor, step));
          // A step that changed nothing (a replace-all with no match) leaves no undo step.
          if (editor.history.undos.length !== before || editor.history.undos.length === 100) made++;
        }
        for (let i = 0; i < made; i++) HistoryEditor.undo(editor);
        expect(canonical(editor.children)).toEqual(canonical(story.body));
        expect(liveFields(fieldsState(editor))).toEqual(story.fields);
        expect(trackedOf(fieldsState(editor), () => true)).toBeUndefined();
      }),
      RUNS,
    );
  });
});
