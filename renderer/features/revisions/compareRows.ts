/** Turns an article diff into the rows the comparison shows: headline and people fields, then the body block by block. */
import type { Article } from '../../../shared/model/article';
import { blockText, type Block, type BlockType } from '../../../shared/model/document';
import { formatPhotoCredit } from '../../../shared/model/people';
import { diffArticles, type DiffField, type DiffOp } from '../../../shared/rules/articleDiff';

export type CompareRow =
  | {
      kind: 'field';
      field: DiffField;
      changed: boolean;
      ops: DiffOp[];
    }
  | {
      kind: 'block';
      /** Block number as printed (1-based), in the newer revision where it still exists. */
      n: number;
      type: BlockType;
      previousType?: BlockType;
      change: 'equal' | 'insert' | 'delete' | 'modify';
      ops: DiffOp[];
      credit?: DiffOp[];
    }
  | { kind: 'unchanged'; count: number };

const equalOps = (text: string): DiffOp[] => (text ? [{ op: 'equal', text }] : []);
const mainText = (block: Block) => (block.type === 'photo' ? block.caption : blockText(block));
const creditOf = (block: Block) => (block.type === 'photo' && block.credit ? formatPhotoCredit(block.credit) : '');

/**
 * Rows for from → to. Unchanged fields that are empty on both sides are left out; with
 * changesOnly, runs of unchanged blocks fold into one row so the edits stand out.
 */
export function compareRows(from: Article, to: Article, changesOnly: boolean): CompareRow[] {
  const diff = diffArticles(from, to);
  const rows: CompareRow[] = [];
  for (const f of diff.fields) {
    if (!f.changed && (f.field === 'kind' || f.ops.length === 0 || changesOnly)) continue;
    // A kind is a code ('story'), not prose: shown whole, old then new, for the screen to translate.
    const ops: DiffOp[] =
      f.field === 'kind'
        ? [
            { op: 'delete', text: from.kind },
            { op: 'insert', text: to.kind },
          ]
        : f.ops;
    rows.push({ kind: 'field', field: f.field, changed: f.changed, ops });
  }
  let unchanged = 0;
  const foldUnchanged = () => {
    if (unchanged > 0) rows.push({ kind: 'unchanged', count: unchanged });
    unchanged = 0;
  };
  for (const d of diff.body) {
    if (d.op === 'equal') {
      if (changesOnly) {
        unchanged++;
        continue;
      }
      const block = to.body[d.b]!;
      rows.push({
        kind: 'block',
        n: d.b + 1,
        type: d.type,
        change: 'equal',
        ops: equalOps(mainText(block)),
        ...(block.type === 'photo' ? { credit: equalOps(creditOf(block)) } : {}),
      });
      continue;
    }
    foldUnchanged();
    if (d.op === 'modify') {
      rows.push({
        kind: 'block',
        n: d.b + 1,
        type: d.type,
        change: 'modify',
        ops: d.ops,
        ...(d.previousType ? { previousType: d.previousType } : {}),
        ...(d.credit ? { credit: d.credit } : {}),
      });
    } else if (d.op === 'insert') {
      const block = to.body[d.b]!;
      const credit = creditOf(block);
      rows.push({
        kind: 'block',
        n: d.b + 1,
        type: d.type,
        change: 'insert',
        ops: d.ops,
        ...(credit ? { credit: [{ op: 'insert', text: credit }] } : {}),
      });
    } else {
      const block = from.body[d.a]!;
      const credit = creditOf(block);
      rows.push({
        kind: 'block',
        n: d.a + 1,
        type: d.type,
        change: 'delete',
        ops: d.ops,
        ...(credit ? { credit: [{ op: 'delete', text: credit }] } : {}),
      });
    }
  }
  foldUnchanged();
  return rows;
}
