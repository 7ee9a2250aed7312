/**
 * Applies punctuation fixes to the live story as edits, so one Ctrl+Z takes a whole accept back and
 * bold or italic runs stay where they were. Findings are made on the text as it reads with every
 * suggestion accepted; their offsets are mapped into the body as it is. In 留痕 mode each fix is a
 * suggestion (the old mark struck, the new beside it), and an accept-all groups them.
 */
import { Editor, Transforms, type Point } from 'slate';
import type { ArticleFinding, TextFix } from '../../../shared/rules/punctuation';
import { applyFixes } from '../../../shared/rules/punctuation';
import type { StoryEditor } from '../../editor/customTypes';
import { replaceInField } from '../../editor/fields/fieldStore';
import { together } from '../../editor/plugins/withFieldHistory';
import { acceptedBlocks, acceptedPoint, acceptedRange, replaceRange } from '../../editor/suggestions/acceptedPoints';
import { inGroup, suggesting } from '../../editor/suggestions/session';
import type { HeadlineField } from '../../common/find/findMatches';

/** The point at an offset of a block of the accepted body (for showing a finding). */
export function pointInBlock(editor: Editor, block: number, offset: number, edge: 'start' | 'end'): Point {
  return acceptedPoint(editor.children, block, offset, edge);
}

/** Right to left within a block so earlier offsets stay valid; a fix overlapping one already taken waits for the next lint. */
function rightToLeft(fixes: readonly TextFix[]): TextFix[] {
  const ordered = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  const chosen: TextFix[] = [];
  let limit = Infinity;
  for (const fix of ordered) {
    if (fix.end > limit) continue;
    chosen.push(fix);
    limit = fix.start;
  }
  return chosen;
}

function applyBody(editor: StoryEditor, findings: readonly ArticleFinding[]): number {
  const byBlock = new Map<number, ArticleFinding[]>();
  for (const f of findings) {
    if (!f.fix || !('block' in f.location)) continue;
    const list = byBlock.get(f.location.block) ?? [];
    list.push(f);
    byBlock.set(f.location.block, list);
  }
  let applied = 0;
  const groups = acceptedBlocks(editor.children);
  // Blocks from the last: a fix never merges or splits blocks, but this keeps every index safe anyway.
  for (const block of [...byBlock.keys()].sort((a, b) => b - a)) {
    const here = byBlock.get(block)!;
    const group = groups[block];
    if (!group) continue;
    const node = editor.children[group[0]!];
    if (!node || !('type' in node)) continue;
    if (node.type === 'photo') {
      // A caption is a photo's own field, not text with leaves: its fixes are not tracked.
      const caption = applyFixes(node.caption, here);
      if (caption !== node.caption) {
        Transforms.setNodes(editor, { caption }, { at: [group[0]!] });
        applied += here.length;
      }
      continue;
    }
    for (const fix of rightToLeft(here.map((f) => f.fix!))) {
      replaceRange(editor, acceptedRange(editor.children, block, fix.start, fix.end), fix.replacement);
      applied++;
    }
  }
  return applied;
}

/** Applies the body and caption findings; returns how many applied. One undo step. */
export function applyBodyFixes(editor: StoryEditor, findings: readonly ArticleFinding[]): number {
  return applyLintFixes(editor, findings);
}

/** Body, caption and headline-field findings as one act: one undo step, and in 留痕 one group of suggestions. */
export function applyLintFixes(editor: StoryEditor, findings: readonly ArticleFinding[]): number {
  let applied = 0;
  together(editor, () =>
    inGroup(suggesting(editor), () => {
      Editor.withoutNormalizing(editor, () => {
        applied += applyBody(editor, findings);
      });
      for (const field of ['kicker', 'headline', 'subheadline'] as const satisfies readonly HeadlineField[]) {
        const fixes = findings.filter((f) => f.fix && f.location.field === field).map((f) => f.fix!);
        for (const fix of rightToLeft(fixes)) {
          replaceInField(editor, field, fix.start, fix.end, fix.replacement);
          applied++;
        }
      }
    }),
  );
  return applied;
}
