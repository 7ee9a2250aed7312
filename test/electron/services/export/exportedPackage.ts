/** Exports the fixture issue from a temp store and opens the zip, for the proof tests. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { ExportFormat } from '../../../../shared/export/manifest';
import type { ExportResult } from '../../../../shared/export/exportRequest';
import { openTempStore, type TempStore } from '../tempStore';
import { ISSUE_DATE, makeFinishedIssue } from './exportFixture';

export interface ExportedPackage {
  store: TempStore;
  ids: string[];
  zipPath: string;
  zipBytes: Uint8Array;
  files: Record<string, Uint8Array>;
  manifest: {
    draft: boolean;
    problems: { code: string }[];
    warnings: { articleId: string; message: string }[];
    pages: {
      label: string;
      proof: { file: string; page: number } | null;
      slots: { id: string; articleId: string | null }[];
    }[];
    stories: {
      id: string;
      revision: number;
      headline: string;
      page: string;
      files: Record<string, string>;
      photos: { file: string; caption: string; credit: string | null }[];
    }[];
    files: Record<string, string>;
  };
}

export const TEXT_FORMATS: ExportFormat[] = ['nitf', 'docx', 'icml', 'txt', 'json'];

export async function exportTo(store: TempStore, name: string, formats: ExportFormat[], force = false) {
  const zipPath = join(store.dir, 'out', name);
  const res = await store.client.call('export.issue', { date: ISSUE_DATE, out: zipPath, formats, force });
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return { zipPath, result: res.value as ExportResult };
}

export async function openPackage(zipPath: string): Promise<Pick<ExportedPackage, 'zipBytes' | 'files' | 'manifest'>> {
  const zipBytes = new Uint8Array(await readFile(zipPath));
  const files = unzipSync(zipBytes);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as ExportedPackage['manifest'];
  return { zipBytes, files, manifest };
}

export async function exportFixtureIssue(formats: ExportFormat[] = TEXT_FORMATS): Promise<ExportedPackage> {
  const store = await openTempStore();
  const { ids } = await makeFinishedIssue(store.services);
  const { zipPath, result } = await exportTo(store, 'issue.zip', formats);
  if (result.status !== 'exported') throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return { store, ids, zipPath, ...(await openPackage(zipPath)) };
}
