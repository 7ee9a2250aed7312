/** The types the copy parser hands out; the public shape is inferred from ParsedCopySchema. */
import type { ParsedCopy } from '../../model/parsedCopy';
import type { BylineRole } from '../../model/people';

export interface ParseCopyOptions {
  /** The paper's own name as its bylines print it (a setting, e.g. 株洲日报). */
  paperName: string;
}

export type CopyKind = ParsedCopy['kind'];
export type CopyPhoto = ParsedCopy['photos'][number];

export type { ParsedCopy };

export interface ReporterByline {
  role: BylineRole;
  /** The role as printed; `role` keeps it too (见习记者 is stored as 见习记者, and flagged if the paper does not print it). */
  printedRole: string;
  name: string;
}

export type CopyBodyItem = { type: 'paragraph' | 'subhead'; text: string } | ({ type: 'photo' } & CopyPhoto);

/** Everything parseCopy finds, including what the expected shape leaves out. */
export interface ParsedCopyDetail extends ParsedCopy {
  reporterBylines: ReporterByline[];
  /** Paragraphs, subheads and photos in reading order. */
  body: CopyBodyItem[];
  /** The byline prefixes and datelines taken out of the copy, verbatim. */
  removed: string[];
}
