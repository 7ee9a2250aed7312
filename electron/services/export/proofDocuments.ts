/**
 * Proof documents as the app's own protocol serves them to the proof printer (app://proof/<id>/),
 * so the app never loads a file: URL and the GrantFileProtocolExtraPrivileges fuse can stay off.
 * A document's file: font URLs become app://proof/<id>/fonts/<n>, served from the files they named.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROOF_ORIGIN = 'app://proof';

/** The proof holds no script; its styles are inline; its photos are data: URLs; its fonts come from here. */
export const PROOF_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'self'; script-src 'none'; " +
  "base-uri 'none'; form-action 'none'";

const FONT_TYPES: Record<string, string> = { '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

interface Staged {
  html: string;
  fonts: string[];
}

export interface ProofResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export class ProofDocuments {
  private readonly docs = new Map<string, Staged>();

  /** Holds a proof until `release`; its URL is on the proof origin, not the app's. */
  stage(html: string): { url: string; release(): void } {
    const id = randomBytes(16).toString('hex');
    const fonts: string[] = [];
    const rewritten = html.replace(/url\((['"]?)(file:\/\/\/[^)'"]+)\1\)/g, (_all, _quote: string, url: string) => {
      fonts.push(fileURLToPath(url));
      return `url(${PROOF_ORIGIN}/${id}/fonts/${fonts.length - 1}${extname(fileURLToPath(url))})`;
    });
    this.docs.set(id, { html: rewritten, fonts });
    return { url: `${PROOF_ORIGIN}/${id}/index.html`, release: () => this.docs.delete(id) };
  }

  async serve(pathname: string): Promise<ProofResponse> {
    const notFound: ProofResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    const page = /^\/([0-9a-f]{32})\/index\.html$/.exec(pathname);
    if (page) {
      const doc = this.docs.get(page[1]!);
      if (!doc) return notFound;
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PROOF_CSP },
        body: doc.html,
      };
    }
    const font = /^\/([0-9a-f]{32})\/fonts\/(\d{1,5})(\.[a-z0-9]+)$/.exec(pathname);
    const file = font ? this.docs.get(font[1]!)?.fonts[Number(font[2])] : undefined;
    const type = file && extname(file) === font![3] ? FONT_TYPES[extname(file)] : undefined;
    if (!file || !type) return notFound;
    try {
      return { status: 200, headers: { 'content-type': type }, body: await readFile(file) };
    } catch {
      return notFound;
    }
  }
}
