/**
 * Settings main changes on its own: the hub names the user (its `_session`) when sync starts or an
 * unreachable hub answers again. Each sync report re-reads them, so the top bar, the workflow's
 * buttons and every check show who the hub says without a reload.
 */
import { useEffect } from 'react';
import type { Settings } from '../../shared/model/settings';
import { api, transport } from '../api/transport';

export function useSettingsFromHub(onSettings: (settings: Settings) => void): void {
  useEffect(() => {
    let alive = true;
    const off = transport.onEvent((e) => {
      if (e.event !== 'sync.status') return;
      void api.call('settings.get', {}).then((r) => {
        if (alive && r.ok) onSettings(r.value);
      });
    });
    return () => {
      alive = false;
      off();
    };
  }, [onSettings]);
}
