/** One diffed text: inline with both insertions and deletions, or one side of a side-by-side view. */
import type { DiffOp } from '../../../shared/rules/textDiff';

export type DiffSide = 'inline' | 'old' | 'new';

export function DiffText({ ops, side }: { ops: readonly DiffOp[]; side: DiffSide }) {
  return (
    <>
      {ops.map((op, i) => {
        if (op.op === 'equal') return <span key={i}>{op.text}</span>;
        if (op.op === 'delete') return side === 'new' ? null : <del key={i}>{op.text}</del>;
        return side === 'old' ? null : <ins key={i}>{op.text}</ins>;
      })}
    </>
  );
}
