/** The hub part of settings: URL, user, password and 测试连接; saving (re)starts sync, an empty URL stops it. */
import { useEffect, useState } from 'react';
import { isCleartextHubUrl } from '../../../shared/rules/sync/hubUrlSafety';
import { api } from '../../api/transport';
import { useSettings } from '../../common/settingsContext';
import { useT } from '../../i18n/i18n';

export function HubSettings() {
  const t = useT();
  const { settings } = useSettings();
  const [hubUrl, setHubUrl] = useState(settings.hubUrl);
  const [hubUser, setHubUser] = useState(settings.hubUser);
  // Never shown back: an empty field keeps the stored password.
  const [password, setPassword] = useState('');
  // A test's answer names the database it reached; a save's says what happens next, in words of its own.
  const [result, setResult] = useState<{ ok: boolean; message: string; saved?: boolean } | null>(null);
  const [basicText, setBasicText] = useState(false);
  useEffect(() => {
    void api.call('sync.status', {}).then((r) => setBasicText(r.ok && r.value.passwordStorage === 'basic-text'));
  }, []);
  const request = () => ({ hubUrl: hubUrl.trim(), hubUser: hubUser.trim(), ...(password ? { password } : {}) });

  const test = async () => {
    setResult(null);
    const r = await api.call('sync.test', request());
    setResult(r.ok ? r.value : { ok: false, message: r.error.message });
  };
  const apply = async () => {
    const r = await api.call('sync.configure', request());
    setResult(
      r.ok
        ? { ok: true, saved: true, message: t(r.value.state === 'offline' ? 'sync.savedOffline' : 'sync.saved') }
        : { ok: false, message: r.error.message },
    );
    if (r.ok) setPassword('');
  };

  return (
    <fieldset className="hub-settings" data-testid="hub-settings">
      <legend>{t('sync.hubTitle')}</legend>
      <label className="meta-field">
        <span>{t('sync.hubUrl')}</span>
        <input
          value={hubUrl}
          placeholder="https://hub.example.cn/newsroom"
          data-testid="hub-url"
          onChange={(e) => setHubUrl(e.currentTarget.value)}
        />
      </label>
      {isCleartextHubUrl(hubUrl) && (
        <div className="banner banner-error" data-testid="hub-cleartext-warning">
          {t('sync.cleartextHub')}
        </div>
      )}
      <label className="meta-field">
        <span>{t('sync.hubUser')}</span>
        <input value={hubUser} data-testid="hub-user" onChange={(e) => setHubUser(e.currentTarget.value)} />
      </label>
      <label className="meta-field">
        <span>{t('sync.hubPassword')}</span>
        <input
          type="password"
          value={password}
          autoComplete="current-password"
          data-testid="hub-password"
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      {basicText && (
        <div className="banner banner-error" data-testid="hub-password-unprotected">
          {t('sync.basicTextPassword')}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={() => void test()} data-testid="hub-test">
          {t('sync.test')}
        </button>
        <button type="button" className="btn" onClick={() => void apply()} data-testid="hub-apply">
          {t('sync.apply')}
        </button>
      </div>
      {result && (
        <div className={`banner ${result.ok ? '' : 'banner-error'}`} data-testid="hub-result">
          {result.ok && !result.saved ? t('sync.testOk', { db: result.message }) : result.message}
        </div>
      )}
    </fieldset>
  );
}
