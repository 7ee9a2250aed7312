/** 引题, 主题, 副题: one line each, with its own live 字数. */
import { memo } from 'react';
import { countChars } from '../../../shared/rules/charCount';
import { useT } from '../../i18n/i18n';
import type { HeadlineField } from '../../common/find/findMatches';

interface Props {
  values: Record<HeadlineField, string>;
  onChange: (field: HeadlineField, value: string) => void;
  readOnly: boolean;
  /** The field holding the current find match, outlined so the eye finds it. */
  findField: HeadlineField | null;
}

const LABEL = { kicker: 'story.kicker', headline: 'story.headline', subheadline: 'story.subheadline' } as const;

export const HeadlineFields = memo(function HeadlineFields({ values, onChange, readOnly, findField }: Props) {
  const t = useT();
  return (
    <div className="headline-fields">
      {(['kicker', 'headline', 'subheadline'] as const).map((field) => (
        <label key={field} className={`hl-row hl-${field}${findField === field ? ' is-found' : ''}`}>
          <span className="hl-label">{t(LABEL[field])}</span>
          <input
            className="hl-input"
            data-testid={`field-${field}`}
            value={values[field]}
            maxLength={200}
            readOnly={readOnly}
            // A headline is one line: pasted line breaks become nothing rather than being refused.
            onChange={(e) => onChange(field, e.currentTarget.value.replace(/[\r\n]+/g, ''))}
          />
          <span className="hl-count" data-testid={`count-${field}`}>
            {t('story.chars', { n: countChars(values[field]) })}
          </span>
        </label>
      ))}
    </div>
  );
});
