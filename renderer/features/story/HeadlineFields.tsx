/**
 * 引题, 主题, 副题: one line each, with its own live 字数 and, under it, its pending suggestions (留痕).
 * An IME composition is one edit, made when it is committed, so the pinyin never becomes a suggestion.
 */
import { memo, useState } from 'react';
import { countChars } from '../../../shared/rules/charCount';
import type { ChangeRecord } from '../../../shared/model/suggestions';
import type { TrackedRun, TrackedTextField } from '../../../shared/model/trackedFields';
import { useT } from '../../i18n/i18n';
import type { HeadlineField } from '../../common/find/findMatches';
import { TrackedRuns } from '../../editor/suggestions/TrackedMarks';

interface Props {
  values: Record<HeadlineField, string>;
  runs: Record<TrackedTextField, TrackedRun[]>;
  table: Map<string, ChangeRecord> | undefined;
  onChange: (field: HeadlineField, value: string, caret?: number) => void;
  readOnly: boolean;
  /** The field holding the current find match, outlined so the eye finds it. */
  findField: HeadlineField | null;
}

const LABEL = { kicker: 'story.kicker', headline: 'story.headline', subheadline: 'story.subheadline' } as const;

/** A headline is one line: pasted line breaks become nothing rather than being refused. */
const oneLine = (v: string) => v.replace(/[\r\n]+/g, '');

export const HeadlineFields = memo(function HeadlineFields({
  values,
  runs,
  table,
  onChange,
  readOnly,
  findField,
}: Props) {
  const t = useT();
  const [composing, setComposing] = useState<{ field: HeadlineField; value: string } | null>(null);
  return (
    <div className="headline-fields">
      {(['kicker', 'headline', 'subheadline'] as const).map((field) => (
        <div key={field} className={`hl-block hl-block-${field}`}>
          <label className={`hl-row hl-${field}${findField === field ? ' is-found' : ''}`}>
            <span className="hl-label">{t(LABEL[field])}</span>
            <input
              className="hl-input"
              data-testid={`field-${field}`}
              value={composing?.field === field ? composing.value : values[field]}
              maxLength={200}
              readOnly={readOnly}
              onCompositionStart={(e) => setComposing({ field, value: e.currentTarget.value })}
              onCompositionEnd={(e) => {
                setComposing(null);
                onChange(field, oneLine(e.currentTarget.value), e.currentTarget.selectionEnd ?? undefined);
              }}
              onChange={(e) => {
                const value = oneLine(e.currentTarget.value);
                if (composing?.field === field || (e.nativeEvent as InputEvent).isComposing)
                  setComposing({ field, value });
                else onChange(field, value, e.currentTarget.selectionEnd ?? undefined);
              }}
            />
            <span className="hl-count" data-testid={`count-${field}`}>
              {t('story.chars', { n: countChars(values[field]) })}
            </span>
          </label>
          <TrackedRuns
            runs={runs[field]}
            table={table}
            testId={`marks-${field}`}
            label={t('review.fieldMarks', { field: t(LABEL[field]) })}
          />
        </div>
      ))}
    </div>
  );
});
