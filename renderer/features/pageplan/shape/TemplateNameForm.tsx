/** The name asked for when something is kept as a template: a button that opens a one-field form. */
import { useState, type FormEvent } from 'react';

interface Props {
  /** Test ids `${testId}-open`, `${testId}-name` and `${testId}-save`. */
  testId: string;
  openLabel: string;
  placeholder: string;
  saveLabel: string;
  /** Plan edits are still being saved: a template is made from the saved plan, so the save waits for them. */
  saving: boolean;
  /** Saves under the trimmed name; true closes the form, false keeps it open with the name for another try. */
  onSave: (name: string) => Promise<boolean>;
}

export function TemplateNameForm({ testId, openLabel, placeholder, saveLabel, saving, onSave }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onSave(name.trim())) setOpen(false);
  };
  return open ? (
    <form onSubmit={(e) => void submit(e)}>
      <input
        value={name}
        required
        maxLength={40}
        placeholder={placeholder}
        onChange={(e) => setName(e.currentTarget.value)}
        data-testid={`${testId}-name`}
        autoFocus
      />
      <button type="submit" className="btn" disabled={saving} data-testid={`${testId}-save`}>
        {saveLabel}
      </button>
    </form>
  ) : (
    <button type="button" className="btn" onClick={() => setOpen(true)} data-testid={`${testId}-open`}>
      {openLabel}
    </button>
  );
}
