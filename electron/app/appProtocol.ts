/**
 * Our own origins: app://newsdesk serves the built renderer (with the CSP header), app://proof the
 * proof documents being printed, and newsdesk-asset://store photos from the data folder. Nothing
 * remote and no file: URL is ever loaded.
 */
import { net, protocol } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { safeDecode } from '../host/hostAuth';
import { CONTENT_SECURITY_POLICY, rendererFile } from '../host/staticFiles';
import { APP_ORIGIN } from '../ipc/senderPolicy';
import { ProofDocuments } from '../services/export/proofDocuments';

/** Proofs the printer is laying out, on their own origin (app://proof), never as file: URLs. */
export const proofDocuments = new ProofDocuments();

export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: 'newsdesk-asset', privileges: { standard: true, secure: true } },
  ]);
}

export function handleProtocols(
  rendererDir: string,
  readAsset: (asset: string) => Promise<{ bytes: Buffer; type: string }>,
): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host === 'proof') {
      const proof = await proofDocuments.serve(url.pathname);
      return new Response(typeof proof.body === 'string' ? proof.body : new Uint8Array(proof.body), {
        status: proof.status,
        headers: proof.headers,
      });
    }
    if (url.host !== 'newsdesk') return new Response('not found', { status: 404 });
    // Source maps stay out of the running app, like out of the package (electron-builder.yml).
    const found = rendererFile(rendererDir, url.pathname);
    if ('status' in found) return new Response('not served', { status: found.status });
    const res = await net.fetch(pathToFileURL(found.file).toString());
    const headers = new Headers(res.headers);
    headers.set(
      'content-security-policy',
      CONTENT_SECURITY_POLICY.replace("img-src 'self'", "img-src 'self' newsdesk-asset:"),
    );
    return new Response(res.body, { status: res.status, headers });
  });
  protocol.handle('newsdesk-asset', async (request) => {
    const name = safeDecode(new URL(request.url).pathname.slice(1));
    try {
      if (name === null) throw new Error('bad path encoding');
      const { bytes, type } = await readAsset(name);
      return new Response(new Uint8Array(bytes), { headers: { 'content-type': type } });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}

export const rendererIndexUrl = `${APP_ORIGIN}/index.html`;
export const rendererDirFrom = (appRoot: string) => join(appRoot, 'dist', 'renderer');
