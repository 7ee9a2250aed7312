/** What one export hands to the packaging thread: plain data only, so it crosses to a worker as is. */
import type { ExportIssueInfo, ExportStory } from '../../../shared/export/exportStory';
import type { ExportWarning } from '../../../shared/export/exportWarning';
import type { ExportFormat, ManifestPage } from '../../../shared/export/manifest';
import type { GateProblem } from '../../../shared/rules/exportGate';
import type { IssueContent } from '../../../shared/model/issue';
import type { PageGeometry } from '../../../shared/model/pageGeometry';

export interface PackageJob {
  issue: ExportIssueInfo;
  pages: ManifestPage[];
  /** The plan as the proof renderer takes it (slot regions, jumps). */
  plan: IssueContent;
  geometry: PageGeometry;
  stories: ExportStory[];
  formats: ExportFormat[];
  /** DOCX files carry pending suggestions as Word tracked changes. */
  docxTrackedChanges: boolean;
  forced: boolean;
  problems: GateProblem[];
  assetsDir: string;
  /** Where the zip goes; written to a temp file beside it and renamed. */
  target: string;
  generator: string;
}

export interface PackageResult {
  path: string;
  bytes: number;
  files: number;
  warnings: number;
  /** Each warning, for the caller's dialog (the manifest holds them too). */
  warningList: ExportWarning[];
}

export type ExportPhase = 'stories' | 'proofs' | 'zip' | 'done';

export interface ExportProgress {
  phase: ExportPhase;
  done: number;
  total: number;
  message: string;
}
