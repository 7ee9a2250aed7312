// The Chromium lookup order: CHROMIUM_PATH, then a system browser, then the npm one; NEWSDESK_CHROMIUM=bundled forces it.
import { describe, expect, it } from 'vitest';
import {
  ChromiumNotFoundError,
  findChromium,
  type ChromiumLaunch,
  type ChromiumLookup,
} from '../../../../electron/services/chromium/findChromium';

const BUNDLED: ChromiumLaunch = { executablePath: '/tmp/chromium-pack/chromium', args: [], source: 'bundled' };

function lookup(env: Record<string, string>, present: string[]): ChromiumLookup {
  return {
    env,
    platform: 'linux',
    exists: (path) => present.includes(path),
    bundled: async () => BUNDLED,
  };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even with a system Chromium present', async () => {
    const found = await findChromium(
      lookup({ CHROMIUM_PATH: '/opt/chrome/chrome' }, ['/opt/chrome/chrome', '/usr/bin/chromium']),
    );
    expect(found).toMatchObject({ executablePath: '/opt/chrome/chrome', source: 'env' });
    expect(found.args).toContain('--headless');
  });

  it('refuses a CHROMIUM_PATH that does not exist rather than quietly using another browser', async () => {
    await expect(findChromium(lookup({ CHROMIUM_PATH: '/nowhere/chrome' }, ['/usr/bin/chromium']))).rejects.toThrow(
      ChromiumNotFoundError,
    );
  });

  it('takes a system Chromium or Chrome next, in the listed order', async () => {
    expect(await findChromium(lookup({}, ['/usr/bin/google-chrome', '/usr/bin/chromium']))).toMatchObject({
      executablePath: '/usr/bin/chromium',
      source: 'system',
    });
    expect(await findChromium(lookup({}, ['/usr/bin/google-chrome']))).toMatchObject({
      executablePath: '/usr/bin/google-chrome',
      source: 'system',
    });
  });

  it('falls back to the Chromium inside the npm package on a bare machine', async () => {
    expect(await findChromium(lookup({}, []))).toBe(BUNDLED);
  });

  it('uses the npm Chromium when NEWSDESK_CHROMIUM=bundled, whatever else is installed', async () => {
    const found = await findChromium(
      lookup({ NEWSDESK_CHROMIUM: 'bundled', CHROMIUM_PATH: '/opt/chrome/chrome' }, [
        '/opt/chrome/chrome',
        '/usr/bin/chromium',
      ]),
    );
    expect(found).toBe(BUNDLED);
  });
});
