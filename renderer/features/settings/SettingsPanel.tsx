/** The settings panel: user name, role, language, the paper's name, which roles start in suggestion mode, the style book. */
import { useState, type ReactNode } from 'react';
import { ROLES, type UserRole } from '../../../shared/model/status';
import { deskIdentity } from '../../../shared/model/settings';
import { useSettings } from '../../common/settingsContext';
import { errorText } from '../../i18n/errorText';
import { useT, type Language } from '../../i18n/i18n';
import { Dialog } from '../../common/dialog/Dialog';
import { GeometrySection, geometryProblem, problemWords } from './GeometrySection';
import './settings.css';
import { StylebookSection } from './StylebookSection';

/** `hubSettings` is the sync feature's hub form, handed down by app/. */
export function SettingsPanel({ onClose, hubSettings }: { onClose: () => void; hubSettings: ReactNode }) {
  const t = useT();
  const { settings, update } = useSettings();
  // With a hub, the name and role are the hub's: shown, not chosen.
  const identity = deskIdentity(settings);
  const [draft, setDraft] = useState({
    userName: settings.userName,
    role: settings.role,
    language: settings.language,
    paperName: settings.paperName,
    suggestModeRoles: settings.suggestModeRoles,
    pageGeometry: settings.pageGeometry,
  });
  // Kept in the order ROLES lists them, so the saved setting does not depend on click order.
  const toggleSuggestRole = (role: UserRole, on: boolean) =>
    setDraft({
      ...draft,
      suggestModeRoles: ROLES.filter((r) => (r === role ? on : draft.suggestModeRoles.includes(r))),
    });
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const bad = geometryProblem(draft.pageGeometry);
    if (bad) return setError(t('settings.geo.problem', { what: problemWords(t, bad) }));
    const { userName, role, ...rest } = draft;
    const r = await update(identity.fromHub ? rest : { userName, role, ...rest });
    if (r.ok) onClose();
    else setError(errorText(t, r.error));
  };

  return (
    <Dialog title={t('settings.title')} onClose={onClose} closeOnBackdropClick className="dialog-wide" testId="settings-panel">
      <label className="meta-field">
        <span>{t('settings.userName')}</span>
        <input
          value={identity.fromHub ? identity.name : draft.userName}
          readOnly={identity.fromHub}
          title={identity.fromHub ? t('settings.fromHub') : undefined}
          maxLength={40}
          data-testid="settings-username"
          onChange={(e) => setDraft({ ...draft, userName: e.currentTarget.value })}
        />
      </label>
      <label className="meta-field">
        <span>{t('settings.role')}</span>
        <select
          value={identity.fromHub ? identity.role : draft.role}
          disabled={identity.fromHub}
          title={identity.fromHub ? t('settings.fromHub') : undefined}
          data-testid="settings-role"
          onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as UserRole })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {identity.fromHub && (
        <p className="muted hint" data-testid="settings-from-hub">
          {t('settings.fromHub')}
        </p>
      )}
      <label className="meta-field">
        <span>{t('settings.language')}</span>
        <select
          value={draft.language}
          data-testid="settings-language"
          onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value as Language })}
        >
          <option value="zh-CN">中文（简体）</option>
          <option value="en">English</option>
        </select>
      </label>
      <label className="meta-field">
        <span>{t('settings.paperName')}</span>
        <input
          value={draft.paperName}
          data-testid="settings-paper-name"
          maxLength={40}
          onChange={(e) => setDraft({ ...draft, paperName: e.currentTarget.value })}
        />
      </label>
      <fieldset className="meta-field settings-roles" data-testid="settings-suggest-roles">
        <legend>{t('settings.suggestModeRoles')}</legend>
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input
              type="checkbox"
              checked={draft.suggestModeRoles.includes(r)}
              data-testid={`settings-suggest-${r}`}
              onChange={(e) => toggleSuggestRole(r, e.currentTarget.checked)}
            />
            {t(`role.${r}`)}
          </label>
        ))}
        <p className="muted hint">{t('settings.suggestModeHint')}</p>
      </fieldset>
      <GeometrySection value={draft.pageGeometry} onChange={(pageGeometry) => setDraft({ ...draft, pageGeometry })} />
      {hubSettings}
      <StylebookSection />
      {error && <div className="banner banner-error">{error}</div>}
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="btn" onClick={onClose}>
          {t('settings.close')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void save()} data-testid="settings-save">
          {t('settings.save')}
        </button>
      </div>
    </Dialog>
  );
}
