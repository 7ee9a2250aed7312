/** The comparison of two revisions: one text with insertions and deletions marked, or old and new side by side. */
import { useMemo } from 'react';
import type { Article } from '../../../shared/model/article';
import type { DiffOp } from '../../../shared/rules/textDiff';
import { ARTICLE_FIELD_LABELS, PLACEMENT_LABEL } from '../../../shared/model/articleFields';
import { useT, type Translate } from '../../i18n/i18n';
import { compareRows, type CompareRow } from './compareRows';
import { DiffText } from './DiffText';
import { RevisionSuggestions } from './RevisionSuggestions';

export type CompareMode = 'inline' | 'side';

interface Props {
  from: Article;
  to: Article;
  mode: CompareMode;
  changesOnly: boolean;
}

const FIELD_LABEL = { ...ARTICLE_FIELD_LABELS, placement: PLACEMENT_LABEL } as const;

function rowLabel(row: Exclude<CompareRow, { kind: 'unchanged' }>, t: Translate): string {
  if (row.kind === 'field') return t(FIELD_LABEL[row.field]);
  const what =
    row.type === 'photo'
      ? t('revisions.caption')
      : row.type === 'subhead'
        ? t('revisions.subhead')
        : t('revisions.paragraph');
  return t('revisions.block', { n: row.n, what });
}

function Cell({
  ops,
  credit,
  mode,
  side,
}: {
  ops: DiffOp[];
  credit?: DiffOp[];
  mode: CompareMode;
  side: 'old' | 'new';
}) {
  const shown = mode === 'inline' ? 'inline' : side;
  return (
    <div className={`rev-text rev-${mode === 'inline' ? 'inline' : side}`}>
      <DiffText ops={ops} side={shown} />
      {credit && credit.length > 0 && (
        <span className="rev-credit">
          <DiffText ops={credit} side={shown} />
        </span>
      )}
    </div>
  );
}

export function RevisionCompare({ from, to, mode, changesOnly }: Props) {
  const t = useT();
  const rows = useMemo(() => compareRows(from, to, changesOnly), [from, to, changesOnly]);
  const translateKind = (ops: DiffOp[]) => ops.map((op) => ({ ...op, text: t(`kind.${op.text as Article['kind']}`) }));
  if (rows.length === 0)
    return (
      <>
        <RevisionSuggestions article={to} />
        <div className="empty">{t('revisions.noChanges')}</div>
      </>
    );
  return (
    <div className={`rev-compare rev-mode-${mode}`} data-testid="revision-compare" data-mode={mode}>
      <RevisionSuggestions article={to} />
      {mode === 'side' && (
        <div className="rev-row rev-columns-head">
          <span className="rev-label" />
          <div className="rev-col-title">{t('revisions.revision', { n: from.revision })}</div>
          <div className="rev-col-title">{t('revisions.revision', { n: to.revision })}</div>
        </div>
      )}
      {rows.map((row, i) => {
        if (row.kind === 'unchanged') {
          return (
            <div key={i} className="rev-row rev-unchanged" data-testid="rev-unchanged">
              {t('revisions.unchanged', { n: row.count })}
            </div>
          );
        }
        const changed = row.kind === 'field' ? row.changed : row.change !== 'equal';
        const ops = row.kind === 'field' && row.field === 'kind' ? translateKind(row.ops) : row.ops;
        const credit = row.kind === 'block' ? row.credit : undefined;
        return (
          <div
            key={i}
            className={`rev-row${changed ? ' is-changed' : ''}${row.kind === 'block' ? ` rev-${row.change}` : ''}`}
            data-testid={row.kind === 'field' ? `rev-field-${row.field}` : 'rev-block'}
          >
            <span className="rev-label">{rowLabel(row, t)}</span>
            {mode === 'inline' ? (
              <Cell ops={ops} credit={credit} mode={mode} side="new" />
            ) : (
              <>
                <Cell ops={ops} credit={credit} mode={mode} side="old" />
                <Cell ops={ops} credit={credit} mode={mode} side="new" />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
