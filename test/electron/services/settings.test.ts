import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confSettingsBackend, defaultUserDataDir } from '../../../electron/services/confSettings';
import { resolveDataDir } from '../../../electron/services/dataDir';
import { SettingsService } from '../../../electron/services/settingsService';
import { DEFAULT_SETTINGS } from '../../../shared/model/settings';

describe('settings', () => {
  it('are kept in userData/config.json, the file electron-store reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    try {
      const s = new SettingsService(confSettingsBackend(dir));
      expect(s.get()).toEqual(DEFAULT_SETTINGS);
      s.update({ userName: '高晓燕', role: 'copy-editor' });
      const onDisk = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
      expect(onDisk).toMatchObject({ userName: '高晓燕', role: 'copy-editor' });
      expect(new SettingsService(confSettingsBackend(dir)).get().role).toBe('copy-editor');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keep the keys a newer app wrote, and write the file whole (no temp file left)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    try {
      await writeFile(join(dir, 'config.json'), JSON.stringify({ userName: '甲', windowBounds: { width: 900 } }));
      new SettingsService(confSettingsBackend(dir)).update({ role: 'layout' });
      const onDisk = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
      expect(onDisk).toMatchObject({ userName: '甲', role: 'layout', windowBounds: { width: 900 } });
      expect(await readdir(dir)).toEqual(['config.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fall back per field when a stored value is damaged', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    try {
      await writeFile(join(dir, 'config.json'), JSON.stringify({ userName: '甲', role: 'emperor', language: 42 }));
      const s = new SettingsService(confSettingsBackend(dir));
      expect(s.get()).toMatchObject({ userName: '甲', role: 'reporter', language: 'zh-CN' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid update and keeps the old values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'newsdesk-settings-'));
    try {
      const s = new SettingsService(confSettingsBackend(dir));
      expect(() => s.update({ userName: '  ' })).toThrow();
      expect(s.get().userName).toBe(DEFAULT_SETTINGS.userName);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('put the store in userData/store unless a data folder is chosen', () => {
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/Newsdesk');
    expect(resolveDataDir({ fromSettings: '', userDataDir: '/u' })).toBe('/u/store');
    expect(resolveDataDir({ fromSettings: '/data/nd', userDataDir: '/u' })).toBe('/data/nd');
    expect(resolveDataDir({ override: '/x', fromSettings: '/data/nd', userDataDir: '/u' })).toBe('/x');
  });
});
