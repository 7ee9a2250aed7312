// Electron's security checklist, item by item, against the code that creates the window, the
// session, the protocols and the IPC binding. The `electron` module is a test double here: no
// Electron binary can run on these machines (no display, no download), so each test records
// what our code asks Electron to do and asserts that it is the safe setting.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  windows: [] as { options: { webPreferences: Record<string, unknown> } }[],
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  protocols: new Map<string, (req: Request) => Promise<Response>>(),
  ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  openExternal: vi.fn(async () => undefined),
  dialogResponse: 0,
  dialogs: [] as { message: string }[],
  loaded: [] as string[],
  /** What a window sees when it loads a URL: here, the app's own protocol handler's answer. */
  onLoad: null as null | ((url: string) => Promise<void>),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    options: { webPreferences: Record<string, unknown> };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.options = options;
      fake.windows.push(this);
    }
    static fromWebContents() {
      return null;
    }
    maximize() {}
    once() {}
    on() {}
    // The measurement script runs in Chromium for real elsewhere (export tests); here no slot is placed.
    webContents = { printToPDF: async () => Buffer.from('%PDF-stand-in'), executeJavaScript: async () => [] };
    destroy() {}
    async loadURL(url: string) {
      fake.loaded.push(url);
      await fake.onLoad?.(url);
    }
  }
  return {
    BrowserWindow,
    app: { on: (name: string, fn: (...args: unknown[]) => void) => fake.appEvents.set(name, fn) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof fake.permissionRequest) => (fake.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof fake.permissionCheck) => (fake.permissionCheck = fn),
      },
    },
    shell: { openExternal: fake.openExternal },
    dialog: {
      showMessageBox: async (opts: { message: string }) => {
        fake.dialogs.push(opts);
        return { response: fake.dialogResponse };
      },
    },
    protocol: {
      registerSchemesAsPrivileged: () => undefined,
      handle: (scheme: string, fn: (req: Request) => Promise<Response>) => fake.protocols.set(scheme, fn),
    },
    net: { fetch: async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }) },
    ipcMain: {
      handle: (name: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) => fake.ipc.set(name, fn),
    },
  };
});

const { openMainWindow } = await import('../../../electron/app/mainWindow');
const { hardenContents } = await import('../../../electron/app/security');
const { handleProtocols } = await import('../../../electron/app/appProtocol');
const { bindIpc } = await import('../../../electron/app/bindIpc');
const { electronProofPrinter } = await import('../../../electron/app/electronProofPrinter');
const { proofFontCss } = await import('../../../electron/services/pageplan/proofFontCss');
const { memorySettingsBackend, SettingsService } = await import('../../../electron/services/settingsService');

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

function createdContents(): FakeContents {
  const contents = new FakeContents();
  fake.appEvents.get('web-contents-created')!({}, contents);
  return contents;
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fake.openExternal.mockClear();
  fake.dialogs.length = 0;
  fake.dialogResponse = 0;
});

describe('the editor window', () => {
  it('has context isolation, the sandbox, no Node integration, web security, no webview tag, no auxclick', () => {
    openMainWindow(new SettingsService(memorySettingsBackend()), '/app/preload.cjs', 'app://newsdesk/index.html');
    const prefs = fake.windows.at(-1)!.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/preload.cjs',
    });
  });
});

describe('the session and every web contents', () => {
  hardenContents();

  it('refuses every permission request and check', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      fake.permissionRequest!({}, p, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(fake.permissionCheck!({}, 'media')).toBe(false);
  });

  it('limits navigation and redirects to the app origin', () => {
    const contents = createdContents();
    expect(navigate(contents, 'will-navigate', 'app://newsdesk/index.html')).toBe(false);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('blocks every webview', () => {
    const contents = createdContents();
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true);
  });

  it('denies every new window; an http(s) link opens outside only after a confirmation naming its host', async () => {
    const contents = createdContents();
    fake.dialogResponse = 1;
    expect(contents.openHandler!({ url: 'https://www.xinhuanet.com/a.html' })).toEqual({ action: 'deny' });
    await flush();
    expect(fake.dialogs.at(-1)?.message).toContain('www.xinhuanet.com');
    expect(fake.openExternal).toHaveBeenCalledWith('https://www.xinhuanet.com/a.html');

    fake.openExternal.mockClear();
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://nas/share',
      'https://user:pw@evil.example/',
    ]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    await flush();
    expect(fake.openExternal).not.toHaveBeenCalled();

    fake.dialogResponse = 0;
    contents.openHandler!({ url: 'https://example.com/' });
    await flush();
    expect(fake.openExternal).not.toHaveBeenCalled();
  });
});

describe('the app protocol', () => {
  it('serves the renderer with the strict CSP', async () => {
    handleProtocols('/renderer', async () => ({ bytes: Buffer.from(''), type: 'image/png' }));
    const res = await fake.protocols.get('app')!(new Request('app://newsdesk/index.html'));
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const rule of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(rule);
    }
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect((await fake.protocols.get('app')!(new Request('app://newsdesk/main.js.map'))).status).toBe(404);
    expect((await fake.protocols.get('app')!(new Request('app://newsdesk/%E0'))).status).toBe(400);
  });
});

describe('the proof printer', () => {
  it("loads the proof from the app's own protocol (app://proof), never a file: URL, its fonts included", async () => {
    handleProtocols('/renderer', async () => ({ bytes: Buffer.from(''), type: 'image/png' }));
    const app = fake.protocols.get('app')!;
    let page = '';
    let csp = '';
    fake.onLoad = async (url) => {
      const res = await app(new Request(url));
      expect(res.status).toBe(200);
      csp = res.headers.get('content-security-policy') ?? '';
      page = await res.text();
    };
    const fonts = proofFontCss();
    expect(fonts).toContain('file:');
    const session = await electronProofPrinter.open(`<!doctype html><style>${fonts}</style><p>株洲日报</p>`);
    fake.onLoad = null;
    const pdf = await session.print();
    await session.close();
    expect(Buffer.from(pdf).toString()).toBe('%PDF-stand-in');
    const loaded = fake.loaded.at(-1)!;
    expect(loaded).toMatch(/^app:\/\/proof\/[0-9a-f]{32}\/index\.html$/);
    expect(page).toContain('株洲日报');
    expect(page).not.toContain('file:');
    expect(csp).toContain("script-src 'none'");
    // The fonts it names are served by the same protocol while the proof is printed; afterwards nothing is.
    const fontUrls = [...page.matchAll(/url\((app:\/\/proof\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(fontUrls.length).toBeGreaterThan(0);
    expect((await app(new Request(fontUrls[0]!))).status).toBe(404);
    expect((await app(new Request(loaded))).status).toBe(404);
  });

  it('serves a staged proof font and nothing else under app://proof', async () => {
    const { ProofDocuments } = await import('../../../electron/services/export/proofDocuments');
    const docs = new ProofDocuments();
    const staged = docs.stage(`<style>${proofFontCss()}</style>`);
    const html = String((await docs.serve(new URL(staged.url).pathname)).body);
    const first = /url\(app:\/\/proof(\/[^)]+)\)/.exec(html)![1]!;
    const font = await docs.serve(first);
    expect(font).toMatchObject({ status: 200, headers: { 'content-type': 'font/woff2' } });
    const id = first.split('/')[1]!;
    for (const path of [
      `/${id}/fonts/99999.woff2`,
      `/${id}/fonts/../index.html`,
      `/${id}/fonts/0.html`,
      '/x/index.html',
    ]) {
      expect((await docs.serve(path)).status, path).toBe(404);
    }
    staged.release();
    expect((await docs.serve(first)).status).toBe(404);
  });
});

describe('the IPC binding', () => {
  it('checks the sender: only the top frame of the app origin reaches the store', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'ran' }));
    bindIpc(dispatch);
    const handler = fake.ipc.get([...fake.ipc.keys()].find((k) => k.includes('articles.list'))!)!;
    const top = { url: 'app://newsdesk/index.html', parent: null };
    expect(await handler({ senderFrame: top }, {})).toEqual({ ok: true, value: 'ran' });
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://newsdesk/index.html', parent: top },
      null,
    ]) {
      expect(await handler({ senderFrame: frame }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
