/**
 * Track changes figures in Node: accepting all 2,000 suggestions of a 50,000-character story, both
 * the pure resolver alone and the editor's whole path (the same resolver, then the Slate replacement
 * of changed blocks, as one undo step) in the shipped headless editor (withStoryCore); a replace-all in
 * 留痕 over the same story and one tracked keystroke in a long desk note.
 */
import { performance } from 'node:perf_hooks';
import type { FormattedText, StoryDocument } from '../shared/model/document';
import type { ChangeRecord } from '../shared/model/suggestions';
import { acceptAll } from '../shared/rules/suggestions/resolveSuggestions';
import { resolveAll } from '../renderer/editor/suggestions/review';
import { headlessStoryEditor } from '../renderer/editor/headlessEditor';
import { median } from './stats';
import { collectMatches } from '../renderer/common/find/findMatches';
import { replaceMatches } from '../renderer/common/find/replaceAll';
import { editTextField } from '../renderer/editor/fields/fieldStore';

const LINE = '株洲市今年以来坚持把重大项目建设作为稳增长的关键抓手，全市重点项目完成投资同比增长。';
const PARAGRAPHS = 500;
const CHARS_EACH = 100;
const SUGGESTIONS = 2_000;

/** 500 paragraphs of 100 characters; every paragraph carries four suggestions (insert, delete, a deleted insert). */
export function storyWithSuggestions(): { body: StoryDocument; changes: ChangeRecord[] } {
  const changes: ChangeRecord[] = [];
  const row = (kind: ChangeRecord['kind']) => {
    const id = `s${changes.length}`;
    changes.push({
      id,
      kind,
      author: changes.length % 2 ? '李编辑' : '王记者',
      role: 'copy-editor',
      at: '2026-12-01T10:00:00Z',
    });
    return id;
  };
  const text = LINE.repeat(Math.ceil(CHARS_EACH / LINE.length)).slice(0, CHARS_EACH);
  const body = Array.from({ length: PARAGRAPHS }, (_, p) => {
    const children: FormattedText[] = [];
    let at = 0;
    for (let k = 0; k < SUGGESTIONS / PARAGRAPHS; k++) {
      children.push({ text: text.slice(at, at + 10) });
      const piece = text.slice(at + 10, at + 15);
      if (k % 2 === 0) children.push({ text: piece, ins: row('insert') });
      else children.push({ text: piece, del: row('delete') });
      at += 15;
    }
    children.push({ text: text.slice(at) });
    void p;
    return { type: 'paragraph' as const, children };
  });
  return { body: body as StoryDocument, changes };
}

export async function runSuggestBench(): Promise<Record<string, number>> {
  const { body, changes } = storyWithSuggestions();
  const chars = body.reduce(
    (n, b) => n + (b.type === 'photo' ? 0 : b.children.reduce((m, l) => m + l.text.length, 0)),
    0,
  );
  if (changes.length !== SUGGESTIONS) throw new Error(`expected ${SUGGESTIONS} suggestions, made ${changes.length}`);
  process.stderr.write(`  ${chars} characters, ${changes.length} suggestions\n`);
  const pure: number[] = [];
  const editorPath: number[] = [];
  for (let i = 0; i < 12; i++) {
    let t = performance.now();
    acceptAll(body);
    pure.push(performance.now() - t);
    const editor = headlessStoryEditor(body, { enabled: true, author: '李编辑', role: 'copy-editor', changes });
    t = performance.now();
    resolveAll(editor, 'accept');
    editorPath.push(performance.now() - t);
  }
  const replaceAll: number[] = [];
  const fieldKey: number[] = [];
  let matchCount = 0;
  const plain = acceptAll(body);
  const fields = { kicker: '株洲新闻', headline: '株洲重点项目', subheadline: '', source: '', deskNote: '' };
  for (let i = 0; i < 7; i++) {
    // Replace-all in 留痕 over the 50,000-character story: one replace suggestion per match, one group, one undo step.
    const editor = headlessStoryEditor(
      plain,
      { enabled: true, author: '李编辑', role: 'copy-editor' },
      {
        ...fields,
        bylines: [],
        correspondents: [],
      },
    );
    let t = performance.now();
    const matches = collectMatches(fields, editor.children, '株洲', { ignoreCase: true, ignoreWidth: true });
    matchCount = replaceMatches(editor, matches, '湘潭');
    replaceAll.push(performance.now() - t);
    // One keystroke in a 2,000-character desk note in 留痕 (the input's whole value, diffed and tracked).
    const note = '编'.repeat(2000);
    editTextField(editor, 'deskNote', note, note.length);
    t = performance.now();
    editTextField(editor, 'deskNote', note + '辑', note.length + 1);
    fieldKey.push(performance.now() - t);
  }
  process.stderr.write(`  replace-all: ${matchCount} matches\n`);
  // The first two runs warm the JIT up.
  return {
    'suggest.accept_all_ms@50000chars': median(editorPath.slice(2)),
    'suggest.accept_all_pure_ms@50000chars': median(pure.slice(2)),
    'suggest.replace_all_ms@50000chars': median(replaceAll.slice(2)),
    'suggest.field_key_ms@2000chars': median(fieldKey.slice(2)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runSuggestBench();
  for (const [k, v] of Object.entries(figures)) process.stdout.write(`${k.padEnd(40)} ${v.toFixed(2)}\n`);
}
