/** Bylines (role and name, add/remove/reorder) and correspondents (通讯员). */
import { memo } from 'react';
import { BYLINE_ROLES, type Byline, type Correspondent } from '../../../shared/model/people';
import { useT } from '../../i18n/i18n';

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = list.slice();
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

export const BylineEditor = memo(function BylineEditor(props: {
  bylines: Byline[];
  onChange: (bylines: Byline[]) => void;
  readOnly: boolean;
}) {
  const { bylines, onChange, readOnly } = props;
  const t = useT();
  const set = (i: number, patch: Partial<Byline>) =>
    onChange(bylines.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <div className="people" data-testid="bylines">
      {bylines.map((b, i) => (
        <div key={i} className="person-row" data-testid="byline-row">
          <select
            value={b.role}
            disabled={readOnly}
            onChange={(e) => set(i, { role: e.currentTarget.value })}
            data-testid="byline-role"
            aria-label={t('story.bylineRole')}
          >
            {/* A role the copy printed that the paper's list lacks (见习记者) is kept and shown as it is. */}
            {(BYLINE_ROLES.includes(b.role as (typeof BYLINE_ROLES)[number])
              ? BYLINE_ROLES
              : [b.role, ...BYLINE_ROLES]
            ).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <input
            value={b.name}
            placeholder={t('story.bylineName')}
            maxLength={40}
            readOnly={readOnly}
            data-testid="byline-name"
            onChange={(e) => set(i, { name: e.currentTarget.value })}
          />
          <button
            type="button"
            className="icon-btn"
            title={t('story.moveUp')}
            disabled={readOnly || i === 0}
            onClick={() => onChange(move(bylines, i, i - 1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-btn"
            title={t('story.moveDown')}
            disabled={readOnly || i === bylines.length - 1}
            onClick={() => onChange(move(bylines, i, i + 1))}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-btn"
            title={t('story.remove')}
            disabled={readOnly}
            onClick={() => onChange(bylines.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      {!readOnly && bylines.length < 20 && (
        <button
          type="button"
          className="btn btn-small btn-quiet"
          data-testid="add-byline"
          onClick={() => onChange([...bylines, { role: '全媒体记者', name: '' }])}
        >
          + {t('story.addByline')}
        </button>
      )}
    </div>
  );
});

export const CorrespondentEditor = memo(function CorrespondentEditor(props: {
  correspondents: Correspondent[];
  onChange: (list: Correspondent[]) => void;
  readOnly: boolean;
}) {
  const { correspondents, onChange, readOnly } = props;
  const t = useT();
  return (
    <div className="people" data-testid="correspondents">
      {correspondents.map((c, i) => (
        <div key={i} className="person-row">
          <input
            value={c.name}
            placeholder={t('story.bylineName')}
            maxLength={40}
            readOnly={readOnly}
            onChange={(e) => onChange(correspondents.map((x, j) => (j === i ? { name: e.currentTarget.value } : x)))}
          />
          <button
            type="button"
            className="icon-btn"
            title={t('story.remove')}
            disabled={readOnly}
            onClick={() => onChange(correspondents.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      {!readOnly && correspondents.length < 20 && (
        <button
          type="button"
          className="btn btn-small btn-quiet"
          onClick={() => onChange([...correspondents, { name: '' }])}
        >
          + {t('story.addCorrespondent')}
        </button>
      )}
    </div>
  );
});
