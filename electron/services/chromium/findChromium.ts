/**
 * Finds a Chromium to drive headless (end-to-end tests, the bench, the CLI's PDF proofs), in
 * this order: CHROMIUM_PATH; a system Chromium or Chrome; else the one shipped inside the
 * @sparticuz/chromium npm package (unpacked into a folder of the user's own, see bundledChromium.ts),
 * so a bare machine needs nothing from apt.
 * NEWSDESK_CHROMIUM=bundled forces the npm one, to prove the bare path on any machine.
 */
import { existsSync } from 'node:fs';
import { appFontConfig } from './appFontConfig';

export type ChromiumSource = 'env' | 'system' | 'bundled';

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  source: ChromiumSource;
  /** Environment the browser needs on top of this process's (launch it with `{ ...process.env, ...env }`). */
  env?: Record<string, string>;
}

/** Flags for a closed network and a root user: no sandbox, no calls home, no first-run UI. */
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];

const SYSTEM_CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export class ChromiumNotFoundError extends Error {
  constructor(detail: string) {
    super(`no Chromium found: ${detail}`);
    this.name = 'ChromiumNotFoundError';
  }
}

/** What the lookup reads from the machine; tests inject their own. */
export interface ChromiumLookup {
  env?: NodeJS.ProcessEnv;
  platform?: string;
  exists?: (path: string) => boolean;
  bundled?: () => Promise<ChromiumLaunch>;
}

export function systemChromium(
  platform: string = process.platform,
  exists: (path: string) => boolean = existsSync,
): string | null {
  return (SYSTEM_CANDIDATES[platform] ?? []).find((p) => exists(p)) ?? null;
}

async function bundledChromium(): Promise<ChromiumLaunch> {
  // Loaded only when needed: it is large and a system Chromium makes it unnecessary.
  const { unpackBundledChromium } = await import('./bundledChromium');
  let executablePath: string;
  try {
    executablePath = await unpackBundledChromium();
  } catch (e) {
    if ((e as Error).name === 'ChromiumUnsafeError') throw e;
    throw new ChromiumNotFoundError(`the @sparticuz/chromium package could not be used (${(e as Error).message})`);
  }
  // The package's build is a headless shell that needs no zygote; its web-security and
  // insecure-content switches are for scraping and are left out: our pages keep their CSP.
  // It finds fonts only through fontconfig; given the app's own faces it never runs without any.
  const fontConfig = await appFontConfig();
  return {
    executablePath,
    args: [...BASE_ARGS, '--no-zygote'],
    source: 'bundled',
    ...(fontConfig ? { env: { FONTCONFIG_FILE: fontConfig } } : {}),
  };
}

export async function findChromium(lookup: ChromiumLookup = {}): Promise<ChromiumLaunch> {
  const { env = process.env, platform = process.platform, exists = existsSync, bundled = bundledChromium } = lookup;
  if (env.NEWSDESK_CHROMIUM === 'bundled') return bundled();
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH))
      throw new ChromiumNotFoundError(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
    return { executablePath: env.CHROMIUM_PATH, args: [...BASE_ARGS], source: 'env' };
  }
  const system = systemChromium(platform, exists);
  if (system) return { executablePath: system, args: [...BASE_ARGS], source: 'system' };
  return bundled();
}
