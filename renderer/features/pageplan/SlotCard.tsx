/** One slot in the flatplan: its story, status colour, fill against target in 字 and lines, and problems. */
import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { FlatplanRow } from '../../../shared/model/flatplan';
import type { SlotRegion } from '../../../shared/rules/pageplan/pageGrid';
import { useT } from '../../i18n/i18n';
import { DRAG_SLOT, isPlanDrag, pickedFrom, type Picked } from './dragData';

interface Props {
  row: FlatplanRow;
  region: SlotRegion;
  columns: number;
  linesPerColumn: number;
  focused: boolean;
  dimmed: boolean;
  picked: boolean;
  onFocus: () => void;
  /** `jump`: Alt held while dropping a placed story on another page sets its second part (转版). */
  onDrop: (picked: Picked, jump: boolean) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  onOpen: () => void;
}

export function fillClass(row: FlatplanRow): string {
  if (!row.articleId) return 'is-empty';
  if (row.problems.includes('overset')) return 'is-overset';
  if (row.problems.includes('underset')) return 'is-underset';
  return 'is-fit';
}

export const SlotCard = memo(function SlotCard(p: Props) {
  const t = useT();
  const { row, region } = p;
  const onDragOver = (e: DragEvent) => {
    if (!isPlanDrag(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    e.currentTarget.classList.add('is-drop');
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.currentTarget.classList.remove('is-drop');
    const picked = pickedFrom(e.dataTransfer);
    if (picked) p.onDrop(picked, e.altKey);
  };
  // The bar is in lines, the unit the layout measures and the gate counts.
  const ratio = row.targetLines > 0 ? row.actualLines / row.targetLines : 0;
  return (
    <div
      className={`fp-slot ${fillClass(row)}${p.focused ? ' is-focused' : ''}${p.dimmed ? ' is-dimmed' : ''}${p.picked ? ' is-picked' : ''}`}
      style={{
        left: `${(region.col / p.columns) * 100}%`,
        width: `${(region.cols / p.columns) * 100}%`,
        top: `${(region.line / p.linesPerColumn) * 100}%`,
        height: `${(region.lines / p.linesPerColumn) * 100}%`,
      }}
      role="button"
      tabIndex={p.focused ? 0 : -1}
      aria-pressed={p.picked}
      data-testid="fp-slot"
      data-page={row.page}
      data-slot={row.slotId}
      data-article={row.articleId ?? ''}
      data-fill={row.actualChars}
      data-lines={`${row.actualLines}/${row.targetLines}`}
      data-measured={row.measured ? 'yes' : 'no'}
      draggable={!!row.articleId}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_SLOT, `${row.page}/${row.slotId}`);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={onDragOver}
      onDragLeave={(e) => e.currentTarget.classList.remove('is-drop')}
      onDrop={onDrop}
      onFocus={p.onFocus}
      onClick={p.onFocus}
      onDoubleClick={p.onOpen}
      onKeyDown={p.onKeyDown}
    >
      {row.status && <span className={`fp-status status-${row.status}`} title={t(`status.${row.status}`)} />}
      <div className="fp-slot-id">
        {row.slotId}
        {row.part && <span className="fp-jump">{row.jumpLine}</span>}
      </div>
      {row.articleId ? (
        <>
          <div className="fp-headline">{row.headline || t('desk.untitled')}</div>
          <div className="fp-fill" data-testid="fp-fill">
            <span>{t('plan.fillChars', { actual: row.actualChars, target: row.targetChars })}</span>
            <span>{t('plan.fillLines', { actual: row.actualLines, target: row.targetLines })}</span>
            {!row.measured && (
              <span className="fp-estimate" title={t('plan.estimateHint')} data-testid="fp-estimate">
                {t('plan.estimate')}
              </span>
            )}
          </div>
          <div className="fp-bar">
            <span style={{ width: `${Math.min(ratio, 1.5) * (100 / 1.5)}%` }} />
            <i />
          </div>
          <div className="fp-problems">
            {row.problems
              .filter((x) => x !== 'empty')
              .map((x) => (
                <span key={x} className={`fp-problem fp-problem-${x}`} data-testid={`problem-${x}`}>
                  {t(`plan.problem.${x}`)}
                </span>
              ))}
          </div>
        </>
      ) : (
        <div className="fp-empty">{t('plan.emptySlot', { chars: row.targetChars })}</div>
      )}
    </div>
  );
});
