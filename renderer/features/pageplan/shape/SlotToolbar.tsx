/** The selected slot's tools: split, merge with a neighbour, delete, and its target typed in 字 or lines. */
import { useEffect, useState, type FormEvent } from 'react';
import type { FlatplanRow } from '../../../../shared/model/flatplan';
import type { IssueContent } from '../../../../shared/model/issue';
import type { SlotEdit } from '../../../../shared/model/slotEdit';
import type { PageGrid } from '../../../../shared/rules/pageplan/pageGrid';
import { applySlotEdit } from '../../../../shared/rules/pageplan/slotEdits';
import { useT } from '../../../i18n/i18n';

export type ShapeUndo = 'draw' | 'move' | 'resize' | 'delete' | 'split' | 'merge' | 'target';

interface Props {
  plan: IssueContent;
  grid: PageGrid;
  row: FlatplanRow;
  onEdit: (edit: SlotEdit, undoLabel: ShapeUndo) => Promise<boolean>;
}

export function SlotToolbar({ plan, grid, row, onEdit }: Props) {
  const t = useT();
  const page = plan.pages.find((p) => p.label === row.page);
  const slot = page?.slots.find((s) => s.id === row.slotId);
  const [unit, setUnit] = useState<'chars' | 'lines'>('chars');
  const [value, setValue] = useState('');
  useEffect(() => {
    setValue(String(unit === 'chars' ? row.targetChars : row.targetLines));
  }, [row.targetChars, row.targetLines, row.slotId, unit]);
  if (!page || !slot) return null;
  const at = { page: row.page, slotId: row.slotId };
  // Neighbours it can merge with: the rules say which pairs make one rectangle.
  const mergeable = page.slots.filter(
    (s) => s.id !== slot.id && applySlotEdit(plan, grid, { op: 'merge', ...at, with: s.id }).ok,
  );
  const can = (edit: SlotEdit) => applySlotEdit(plan, grid, edit).ok;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) return;
    void onEdit({ op: 'target', ...at, target: unit === 'chars' ? { chars: n } : { lines: n } }, 'target');
  };

  return (
    <div className="fp-tools" data-testid="fp-tools" aria-label={t('plan.shape.tools', { slot: row.slotId })}>
      <strong>{t('plan.shape.tools', { slot: row.slotId })}</strong>
      <button
        type="button"
        className="btn"
        disabled={!can({ op: 'split', ...at, axis: 'columns' })}
        onClick={() => void onEdit({ op: 'split', ...at, axis: 'columns' }, 'split')}
        data-testid="fp-split-columns"
      >
        {t('plan.shape.splitColumns')}
      </button>
      <button
        type="button"
        className="btn"
        disabled={!can({ op: 'split', ...at, axis: 'lines' })}
        onClick={() => void onEdit({ op: 'split', ...at, axis: 'lines' }, 'split')}
        data-testid="fp-split-lines"
      >
        {t('plan.shape.splitLines')}
      </button>
      {mergeable.map((s) => (
        <button
          key={s.id}
          type="button"
          className="btn"
          onClick={() => void onEdit({ op: 'merge', ...at, with: s.id }, 'merge')}
          data-testid="fp-merge"
          data-with={s.id}
        >
          {t('plan.shape.merge', { other: s.id })}
        </button>
      ))}
      <button
        type="button"
        className="btn btn-danger"
        onClick={() => void onEdit({ op: 'delete', ...at }, 'delete')}
        data-testid="fp-delete-slot"
      >
        {t('plan.shape.delete')}
      </button>
      <form className="fp-target" onSubmit={submit}>
        <label>
          {t('plan.shape.target')}
          <input
            type="number"
            min={0}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            data-testid="fp-target"
          />
        </label>
        <select
          value={unit}
          onChange={(e) => setUnit(e.currentTarget.value as 'chars' | 'lines')}
          aria-label={t('plan.shape.targetUnit')}
          data-testid="fp-target-unit"
        >
          <option value="chars">{t('plan.shape.unitChars')}</option>
          <option value="lines">{t('plan.shape.unitLines')}</option>
        </select>
        <button type="submit" className="btn" data-testid="fp-target-set">
          {t('plan.shape.targetSet')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!slot.targetManual}
          onClick={() => void onEdit({ op: 'target', ...at, target: 'auto' }, 'target')}
          data-testid="fp-target-auto"
        >
          {t('plan.shape.targetAuto')}
        </button>
      </form>
      <span className="muted hint">{t('plan.shape.keys')}</span>
    </div>
  );
}
