/**
 * A date field in the UI's language (2026年12月7日 / 7 Dec 2026) whatever the machine's locale: the value is
 * ISO (YYYY-MM-DD), typed as text and checked by renderer/i18n/dateWords.
 */
import { useEffect, useState } from 'react';
import { useSettings } from './settingsContext';
import { formatDate, parseDate } from '../i18n/dateWords';

interface Props {
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
  'aria-label'?: string;
  'data-testid'?: string;
}

export function DateField({ value, onChange, required, ...rest }: Props) {
  const language = useSettings().settings.language;
  const [text, setText] = useState(() => formatDate(value, language));
  // A value set from outside (a filter reset, another language) shows in the field's words; the person's own
  // typing is left alone until they leave the field.
  useEffect(
    () =>
      setText((shown) =>
        (shown.trim() === '' ? '' : parseDate(shown)) === value ? shown : formatDate(value, language),
      ),
    [value, language],
  );
  const parsed = text.trim() === '' ? '' : parseDate(text);
  return (
    <input
      type="text"
      inputMode="numeric"
      className="date-field"
      value={text}
      required={required}
      placeholder={language === 'en' ? 'YYYY-MM-DD' : '年-月-日'}
      aria-invalid={parsed === null}
      size={14}
      {...rest}
      onChange={(e) => {
        setText(e.currentTarget.value);
        const iso = e.currentTarget.value.trim() === '' ? '' : parseDate(e.currentTarget.value);
        if (iso !== null && iso !== value) onChange(iso);
      }}
      onBlur={() => parsed !== null && setText(formatDate(parsed, language))}
    />
  );
}
