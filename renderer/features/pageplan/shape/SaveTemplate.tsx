/** Saves the day's pages (slots, no stories) as a named template for later issues. */
import { useState, type FormEvent } from 'react';
import { api } from '../../../api/transport';
import { useT } from '../../../i18n/i18n';

/** `saving`: plan edits are still being saved; the template is made from the saved plan, so it waits for them. */
export function SaveTemplate({ date, saving }: { date: string; saving: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.call('pageplan.saveTemplate', { name: name.trim(), date });
    if (r.ok) {
      setSaid({ ok: true, text: t('plan.template.saved', { name: r.value.name }) });
      setOpen(false);
    } else setSaid({ ok: false, text: r.error.message });
  };
  return (
    <span className="fp-save-template">
      {open ? (
        <form onSubmit={(e) => void submit(e)}>
          <input
            value={name}
            required
            maxLength={40}
            placeholder={t('plan.template.name')}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="fp-template-name"
            autoFocus
          />
          <button type="submit" className="btn" disabled={saving} data-testid="fp-template-save">
            {t('plan.template.save')}
          </button>
        </form>
      ) : (
        <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="fp-template-open">
          {t('plan.template.saveAs')}
        </button>
      )}
      {said && (
        <span className={said.ok ? 'muted' : 'fp-error'} data-testid="fp-template-said">
          {said.text}
        </span>
      )}
    </span>
  );
}
