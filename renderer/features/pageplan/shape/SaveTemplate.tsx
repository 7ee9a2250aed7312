/** Saves the day's pages (slots, no stories) as a named template for later issues. */
import { useState } from 'react';
import { api } from '../../../api/transport';
import { useT } from '../../../i18n/i18n';
import { TemplateNameForm } from './TemplateNameForm';

/** `saving`: plan edits are still being saved; the template is made from the saved plan, so it waits for them. */
export function SaveTemplate({ date, saving }: { date: string; saving: boolean }) {
  const t = useT();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const save = async (name: string) => {
    const r = await api.call('pageplan.saveTemplate', { name, date });
    setSaid(
      r.ok
        ? { ok: true, text: t('plan.template.saved', { name: r.value.name }) }
        : { ok: false, text: r.error.message },
    );
    return r.ok;
  };
  return (
    <span className="fp-save-template">
      <TemplateNameForm
        testId="fp-template"
        openLabel={t('plan.template.saveAs')}
        placeholder={t('plan.template.name')}
        saveLabel={t('plan.template.save')}
        saving={saving}
        onSave={save}
      />
      {said && (
        <span className={said.ok ? 'muted' : 'fp-error'} data-testid="fp-template-said">
          {said.text}
        </span>
      )}
    </span>
  );
}
