/** Creates a day's issue: date, 期号 (blank: previous + 1), and a template or a previous issue to copy. */
import { DateField } from '../../common/DateField';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/transport';
import { useT } from '../../i18n/i18n';

interface Props {
  issueDates: string[];
  onCreated: (date: string) => void;
}

export function NewIssueForm({ issueDates, onCreated }: Props) {
  const t = useT();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [number, setNumber] = useState('');
  const [source, setSource] = useState('');
  const [templates, setTemplates] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const loadTemplates = () => void api.call('pageplan.templates', {}).then((r) => r.ok && setTemplates(r.value));
  useEffect(loadTemplates, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const [kind, value] = source.split(':');
    const r = await api.call('pageplan.createIssue', {
      date,
      number: number ? Number(number) : undefined,
      from: kind === 'from' ? value : undefined,
      template: kind === 'template' ? value : undefined,
    });
    if (r.ok) {
      setError(null);
      onCreated(r.value.date);
    } else setError(r.error.message);
  };

  return (
    <form className="fp-new" onSubmit={(e) => void submit(e)} data-testid="new-issue-form">
      <label>
        {t('plan.date')}
        <DateField value={date} required onChange={setDate} data-testid="new-issue-date" />
      </label>
      <label>
        {t('plan.number')}
        <input
          type="number"
          min={1}
          value={number}
          placeholder={t('plan.numberAuto')}
          onChange={(e) => setNumber(e.currentTarget.value)}
          data-testid="new-issue-number"
        />
      </label>
      <label>
        {t('plan.structure')}
        <select
          value={source}
          onChange={(e) => setSource(e.currentTarget.value)}
          onFocus={loadTemplates}
          data-testid="new-issue-source"
        >
          <option value="">{t('plan.structureAuto')}</option>
          {templates.map((n) => (
            <option key={n} value={`template:${n}`}>
              {t('plan.template', { name: n })}
            </option>
          ))}
          {issueDates.map((d) => (
            <option key={d} value={`from:${d}`}>
              {t('plan.copyFrom', { date: d })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" data-testid="new-issue-create">
        {t('plan.create')}
      </button>
      {error && <span className="fp-error">{error}</span>}
    </form>
  );
}
