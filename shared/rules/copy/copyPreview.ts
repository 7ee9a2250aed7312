/** The import preview of raw copy: its parsed structure, the reporters with their printed roles, and what a duplicate check compares. */
import type { CopyPreview } from '../../model/parsedCopy';
import { parseCopy, parsedCopyToContent } from '../parseCopy';
import { bodyTextOf } from './duplicateCopy';
import type { ParseCopyOptions } from './types';

export interface CopyPreviewParts {
  preview: CopyPreview;
  /** The headline and body text the story would be stored with, for the duplicate check against the store. */
  match: { headline: string; bodyText: string };
}

export function copyPreviewOf(text: string, options: ParseCopyOptions): CopyPreviewParts {
  const parsed = parseCopy(text, options);
  const content = parsedCopyToContent(parsed);
  return {
    preview: { ...parsed, bylines: content.bylines.map(({ role, name }) => ({ role, name })) },
    match: { headline: content.headline, bodyText: bodyTextOf(content.body) },
  };
}
