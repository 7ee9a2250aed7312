// Every channel, fed hostile payloads through the registry and through the host: every invalid
// request gets a typed error (a 4xx over HTTP), never `internal`, a 5xx or a crash.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/contract';
import { IpcErrorSchema } from '../../../shared/ipc/errors';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { openTempStore, type TempStore } from '../services/tempStore';
import { payloadFor, RUNS_PER_CHANNEL } from './payloads';

let store: TempStore;
let host: RunningHost;
const internal: unknown[] = [];
export const tried = { registry: 0, host: 0 };

beforeAll(async () => {
  store = await openTempStore();
  host = await startHost({ dispatch: store.dispatch, rendererDir: null });
});
afterAll(async () => {
  await host.close();
  await store.cleanup();
  console.log(
    `[fuzz] payloads tried: registry ${tried.registry}, host ${tried.host}; internal errors: ${internal.length}; idle sockets reset and resent: ${resets}`,
  );
});

/**
 * One POST, sent again once if the client reused a kept-alive socket the host had just closed as idle
 * (ECONNRESET before any response: the registry test before it can take longer than the host's
 * keep-alive timeout). A host that crashed refuses the second try too, so that still fails.
 */
async function postOnce(url: string, body: string): Promise<Response> {
  const send = () =>
    fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body,
    });
  try {
    return await send();
  } catch (e) {
    const code = ((e as { cause?: { code?: string } }).cause ?? {}).code;
    if (code !== 'ECONNRESET' && code !== 'UND_ERR_SOCKET') throw e;
    resets++;
    return send();
  }
}
let resets = 0;

function checkResult(r: unknown): void {
  expect(r).toMatchObject({ ok: expect.any(Boolean) });
  const result = r as { ok: boolean; error?: unknown };
  if (!result.ok) {
    const error = IpcErrorSchema.parse(result.error);
    if (error.code === 'internal') internal.push(error);
    expect(error.code, error.message).not.toBe('internal');
    expect(['io', 'disk_full']).not.toContain(error.code);
  }
}

// 10,000 payloads per channel in the stress run, some of them megabytes: allow time on a busy machine.
const TIMEOUT = Math.max(600_000, RUNS_PER_CHANNEL * 200);

describe.each(CHANNELS)('channel %s', (channel) => {
  it('through the registry', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(payloadFor(channel), async (payload) => {
        tried.registry++;
        checkResult(await store.dispatch(channel, payload));
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });

  it('through the host', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(payloadFor(channel), async (payload) => {
        tried.host++;
        const res = await postOnce(`http://127.0.0.1:${host.port}/api/${channel}`, JSON.stringify(payload) ?? 'null');
        expect(res.status).toBeLessThan(500);
        const body = (await res.json()) as { ok: boolean };
        expect(res.status === 200).toBe(body.ok);
        checkResult(body);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });
});

describe('malformed requests to the host', () => {
  it('raw bodies that are not JSON get 400', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (body) => {
        tried.host++;
        const res = await fetch(`http://127.0.0.1:${host.port}/api/articles.list`, {
          method: 'POST',
          headers: { authorization: `Bearer ${host.token}` },
          body: `{${body}`,
        });
        expect(res.status).toBe(400);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });

  it('unknown channels and undecodable paths get 4xx', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (name) => {
        tried.host++;
        const res = await fetch(`http://127.0.0.1:${host.port}/api/${encodeURIComponent(name)}x%E0`, {
          method: 'POST',
          headers: { authorization: `Bearer ${host.token}` },
          body: '{}',
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
  });
});
