/** The root: loads settings and store health, provides language and settings, switches desk and story. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StoreAccessStatus } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/errors';
import { deskIdentity, type Settings, type SettingsPatch } from '../../shared/model/settings';
import { api } from '../api/transport';
import { DeskScreen } from '../features/desk/DeskScreen';
import { ImportCopyButton } from '../features/copydesk/ImportCopyButton';
import { ExportIssuePanel } from '../features/export/ExportIssuePanel';
import { HubSettings } from '../features/sync/HubSettings';
import { storyPanels } from './storyPanels';
import '../features/desk/desk.css';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { StoryScreen } from '../features/story/StoryScreen';
import '../features/story/story.css';
import { errorText } from '../i18n/errorText';
import { FlatplanScreen } from '../features/pageplan/FlatplanScreen';
import { PlanConflictBanner } from '../features/sync/PlanConflictBanner';
import { PlanRefusedBanner } from '../features/sync/PlanRefusedBanner';
import { ProofScreen } from '../features/pageplan/ProofScreen';
import '../features/pageplan/pageplan.css';
import '../features/export/export.css';
import { I18nContext, translator } from '../i18n/i18n';
import { ReadOnlyBadge, ReadOnlyBanner } from './ReadOnlyBanner';
import { ConnectionLost } from './ConnectionLost';
import { SampleOffer } from './SampleOffer';
import { SettingsContext, type SettingsValue } from '../common/settingsContext';
import { ApiContext } from '../api/apiContext';
import { useRoute } from './useRoute';
import { useSettingsFromHub } from '../common/useSettingsFromHub';

interface Boot {
  settings: Settings;
  empty: boolean;
  version: string;
  /** Whether saves can succeed at all; a read-only store is announced from the first screen. */
  access: StoreAccessStatus;
}

export function App() {
  const [boot, setBoot] = useState<Boot | null>(null);
  const [bootError, setBootError] = useState<IpcError | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const [route, go] = useRoute();

  const start = useCallback(async () => {
    setBootError(null);
    const [settings, info, access] = await Promise.all([
      api.call('settings.get', {}),
      api.call('app.info', {}),
      api.call('store.access', {}),
    ]);
    if (!settings.ok) return setBootError(settings.error);
    if (!info.ok) return setBootError(info.error);
    if (!access.ok) return setBootError(access.error);
    setBoot({
      settings: settings.value,
      empty: info.value.health.articleCount === 0,
      version: info.value.version,
      access: access.value,
    });
  }, []);
  useEffect(() => {
    void start();
  }, [start]);
  // Only a change re-renders: sync reports often.
  useSettingsFromHub(
    useCallback(
      (settings: Settings) =>
        setBoot((b) => (b && JSON.stringify(b.settings) !== JSON.stringify(settings) ? { ...b, settings } : b)),
      [],
    ),
  );

  const t = useMemo(() => translator(boot?.settings.language ?? 'zh-CN'), [boot?.settings.language]);
  const settingsValue = useMemo<SettingsValue | null>(
    () =>
      boot && {
        settings: boot.settings,
        update: async (patch: SettingsPatch) => {
          const r = await api.call('settings.update', patch);
          if (r.ok) setBoot((b) => b && { ...b, settings: r.value });
          return r;
        },
      },
    [boot],
  );
  useEffect(() => {
    document.documentElement.lang = boot?.settings.language ?? 'zh-CN';
  }, [boot?.settings.language]);

  // The service cannot be reached at start (a host that stopped or restarted): 连接中断 with a retry, not an error code.
  if (bootError?.code === 'disconnected') return <ConnectionLost forced onRetry={start} />;
  if (bootError) {
    return (
      <div className="screen-message" data-testid="boot-error">
        <p>
          {t('app.connectionFailed')}
          {errorText(t, bootError)}
        </p>
        <button type="button" className="btn" onClick={() => void start()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!boot || !settingsValue) return <div className="screen-message">{t('app.loading')}</div>;

  return (
    <ApiContext.Provider value={api}>
      <I18nContext.Provider value={t}>
        <SettingsContext.Provider value={settingsValue}>
          <div className="app" data-testid="app">
            <header className="app-bar">
              <button type="button" className="brand" onClick={() => go({ screen: 'desk' })}>
                <span className="brand-paper">{boot.settings.paperName}</span>
                <span className="brand-app">Newsdesk</span>
              </button>
              <nav>
                <button
                  type="button"
                  className={`nav-btn${route.screen === 'desk' ? ' is-active' : ''}`}
                  onClick={() => go({ screen: 'desk' })}
                  data-testid="nav-desk"
                >
                  {t('nav.desk')}
                </button>
                <button
                  type="button"
                  className={`nav-btn${route.screen === 'flatplan' || route.screen === 'proof' ? ' is-active' : ''}`}
                  onClick={() => go({ screen: 'flatplan', date: null })}
                  data-testid="nav-flatplan"
                >
                  {t('plan.title')}
                </button>
              </nav>
              <span className="spacer" />
              {boot.access.mode === 'read-only' && <ReadOnlyBadge access={boot.access} />}
              <SyncIndicator />
              <span className="user" data-testid="current-user">
                {deskIdentity(boot.settings).name} · {t(`role.${deskIdentity(boot.settings).role}`)}
              </span>
              <button
                type="button"
                className="nav-btn"
                onClick={() => setShowSettings(true)}
                data-testid="open-settings"
              >
                {t('nav.settings')}
              </button>
            </header>
            {boot.access.mode === 'read-only' && <ReadOnlyBanner access={boot.access} />}
            <div className="app-body">
              {boot.empty && route.screen === 'desk' ? (
                <SampleOffer onDone={() => setBoot((b) => b && { ...b, empty: false })} />
              ) : route.screen === 'flatplan' ? (
                <FlatplanScreen
                  date={route.date}
                  onDate={(date) => go({ screen: 'flatplan', date })}
                  onProof={(date, page) => go({ screen: 'proof', date, page })}
                  exportPanel={(date) => <ExportIssuePanel date={date} />}
                  planBanners={(date) => (
                    <>
                      <PlanConflictBanner date={date} />
                      <PlanRefusedBanner date={date} />
                    </>
                  )}
                />
              ) : route.screen === 'proof' ? (
                <ProofScreen
                  date={route.date}
                  page={route.page}
                  onPage={(page) => go({ screen: 'proof', date: route.date, page })}
                  onBack={() => go({ screen: 'flatplan', date: route.date })}
                  onOpenStory={(id) => go({ screen: 'story', id, fromProof: { date: route.date, page: route.page } })}
                />
              ) : route.screen === 'story' ? (
                <StoryScreen
                  key={route.id}
                  id={route.id}
                  onBack={() => go({ screen: 'desk' })}
                  onBackToProof={
                    route.fromProof &&
                    (
                      (proof) => () =>
                        go({ screen: 'proof', ...proof })
                    )(route.fromProof)
                  }
                  panels={storyPanels}
                />
              ) : (
                <DeskScreen
                  onOpen={(id) => go({ screen: 'story', id })}
                  importButton={<ImportCopyButton onOpen={(id) => go({ screen: 'story', id })} />}
                />
              )}
            </div>
            <ConnectionLost />
            {showSettings && <SettingsPanel onClose={() => setShowSettings(false)} hubSettings={<HubSettings />} />}
          </div>
        </SettingsContext.Provider>
      </I18nContext.Provider>
    </ApiContext.Provider>
  );
}
