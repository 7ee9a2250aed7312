/**
 * A TCP relay in front of a test hub, for what a desk sees of the network: it records each HTTP
 * request line that passes (to count what a sync asked for) and can go down and come back on the
 * same port (a hub restarted, a cable pulled). Bytes pass through unchanged; nothing is answered here.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface HubProxy {
  /** The hub's database URL as seen through the relay. */
  dbUrl: string;
  /** "METHOD path" of every request seen, in order. */
  requests: string[];
  /** Bytes sent from desks to the hub (request lines, headers and bodies) since the count was last reset. */
  bytesToHub: { count: number };
  /** Refuses connections and cuts open ones, as a hub that went away. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|PUT|DELETE|HEAD|COPY) (\S+) HTTP\/1\.[01]\r\n/g;

export async function startHubProxy(targetDbUrl: string): Promise<HubProxy> {
  const target = new URL(targetDbUrl);
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  const bytesToHub = { count: 0 };
  let server: Server;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
        sockets.add(client).add(upstream);
        client.on('data', (chunk: Buffer) => {
          bytesToHub.count += chunk.length;
          for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) requests.push(`${m[1]} ${m[2]}`);
        });
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      server.close(() => resolve());
    });

  await listen();
  return {
    dbUrl: `http://127.0.0.1:${port}${target.pathname}`,
    requests,
    bytesToHub,
    down: stop,
    up: listen,
    close: stop,
  };
}
