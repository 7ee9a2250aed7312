/** What one export hands to the packaging thread: plain data only, so it crosses to a worker as is. */
import type { ExportIssueInfo, ExportStory } from '../../../shared/export/exportStory';
import type { ExportFormat, ManifestPage } from '../../../shared/export/manifest';
import type { GateProblem } from '../../../shared/rules/exportGate';

export interface PackageJob {
  issue: ExportIssueInfo;
  pages: ManifestPage[];
  stories: ExportStory[];
  formats: ExportFormat[];
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
}

export type ExportPhase = 'stories' | 'proofs' | 'zip' | 'done';

export interface ExportProgress {
  phase: ExportPhase;
  done: number;
  total: number;
  message: string;
}

/** A proof page to print: its label and the standalone HTML from the proof renderer. */
export interface ProofPage {
  label: string;
  html: string;
}
