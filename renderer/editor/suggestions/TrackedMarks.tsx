/** A field's or credit list's pending suggestions (留痕) shown under it (header fields, a photo's caption and credit), marked as the body marks them. */
import { memo } from 'react';
import type { ChangeRecord } from '../../../shared/model/suggestions';
import type { TrackedItem, TrackedRun } from '../../../shared/model/trackedFields';
import { formatPhotoCredit, type Byline, type Correspondent, type PhotoCredit } from '../../../shared/model/people';
import { authorSlotIn } from './authorColour';

interface Mark {
  text: string;
  ins?: string;
  del?: string;
}

function MarkSpan({ mark, table }: { mark: Mark; table: Map<string, ChangeRecord> | undefined }) {
  if (mark.ins === undefined && mark.del === undefined) return <span>{mark.text}</span>;
  const id = (mark.del ?? mark.ins)!;
  const row = table?.get(id);
  const attrs: Record<string, string> = {};
  if (mark.ins !== undefined) attrs['data-ins'] = mark.ins;
  if (mark.del !== undefined) attrs['data-del'] = mark.del;
  return (
    <span
      {...attrs}
      className={`${mark.del !== undefined ? 'sg-del' : 'sg-ins'} sg-author-${authorSlotIn(table, row?.author)}`}
      title={row ? `${row.author} · ${row.at.slice(0, 16).replace('T', ' ')}` : undefined}
    >
      {mark.text}
    </span>
  );
}

function creditText(value: Byline | Correspondent | PhotoCredit): string {
  if ('kind' in value) return formatPhotoCredit(value);
  return 'role' in value ? `${value.role} ${value.name}` : value.name;
}

const tracked = (xs: readonly { ins?: string; del?: string }[]) =>
  xs.some((x) => x.ins !== undefined || x.del !== undefined);

export const TrackedRuns = memo(function TrackedRuns(props: {
  runs: readonly TrackedRun[];
  table: Map<string, ChangeRecord> | undefined;
  testId: string;
  label: string;
}) {
  if (!tracked(props.runs)) return null;
  return (
    <div className="field-marks" data-testid={props.testId} aria-label={props.label}>
      {props.runs.map((r, i) => (
        <MarkSpan key={i} mark={r} table={props.table} />
      ))}
    </div>
  );
});

export const TrackedCredits = memo(function TrackedCredits(props: {
  items: readonly TrackedItem<Byline | Correspondent | PhotoCredit>[];
  table: Map<string, ChangeRecord> | undefined;
  testId: string;
  label: string;
}) {
  if (!tracked(props.items)) return null;
  return (
    <div className="field-marks field-marks-credits" data-testid={props.testId} aria-label={props.label}>
      {props.items.map((it, i) => (
        <MarkSpan
          key={i}
          mark={{
            text: creditText(it.value),
            ins: it.ins,
            del: it.del,
          }}
          table={props.table}
        />
      ))}
    </div>
  );
});
