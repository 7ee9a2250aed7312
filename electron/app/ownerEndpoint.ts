/**
 * The app owns its store, so the CLI and any second host must reach it: it serves the same
 * registry on a loopback host (API only, no renderer, token required) and writes the port and
 * token into the store's lock file (mode 0600, readable only by this user).
 */
import { startHost, type RunningHost } from '../host/server';
import type { Runtime } from '../runtime/openRuntime';

export async function publishEndpoint(runtime: Runtime): Promise<RunningHost | null> {
  if (runtime.access.mode !== 'owner') return null;
  const host = await startHost({ dispatch: runtime.dispatch, rendererDir: null, readAsset: runtime.readAsset });
  await runtime.publishEndpoint(host.port, host.token);
  return host;
}
