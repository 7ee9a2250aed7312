/** Turns parsed copy into the article an import creates. */
import type { ArticleContent } from '../../model/article';
import type { Block, StoryDocument } from '../../model/document';
import { emptyDocument, paragraph } from '../../model/document';
import type { Byline, Correspondent } from '../../model/people';
import { parseCredit } from '../parseCredit';
import type { CopyBodyItem, CopyPhoto, ParsedCopy, ParsedCopyDetail } from './types';

/** Limits of ArticleContentSchema, so an import always validates. */
const MAX_PEOPLE = 20;
const MAX_HEADLINE = 200;
const MAX_SOURCE = 40;
const MAX_NAME = 40;

/** 3 lines: kicker/headline/subheadline; 2: kicker/headline; 1: headline. Extra lines join the subheadline. */
export function headlineFields(lines: readonly string[]): Pick<ArticleContent, 'kicker' | 'headline' | 'subheadline'> {
  const clip = (s: string) => s.slice(0, MAX_HEADLINE);
  if (lines.length === 0) return { kicker: '', headline: '', subheadline: '' };
  if (lines.length === 1) return { kicker: '', headline: clip(lines[0]!), subheadline: '' };
  return { kicker: clip(lines[0]!), headline: clip(lines[1]!), subheadline: clip(lines.slice(2).join(' ')) };
}

function photoBlock(photo: CopyPhoto): Block {
  const credit = parseCredit(photo.credit);
  // A credit we cannot structure stays visible in the caption rather than being lost.
  const caption = credit ? photo.caption : [photo.caption, photo.credit].filter(Boolean).join(' ');
  return { type: 'photo', asset: null, caption: caption.slice(0, 2000), credit, children: [{ text: '' }] };
}

function itemBlock(item: CopyBodyItem): Block {
  if (item.type === 'photo') return photoBlock(item);
  if (item.type === 'subhead') return { type: 'subhead', children: [{ text: item.text }] };
  return paragraph(item.text);
}

/** detail, when known, carries reporters' roles and where each photo sat. */
export function copyToContent(parsed: ParsedCopy, detail?: ParsedCopyDetail): ArticleContent {
  const items: CopyBodyItem[] = detail?.body ?? [
    ...parsed.paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    ...parsed.photos.map((p) => ({ type: 'photo' as const, ...p })),
  ];
  const blocks: StoryDocument = [
    ...items.map(itemBlock),
    ...parsed.signature.map((text): Block => ({ type: 'signature', children: [{ text }] })),
  ];
  // Without the detail the role is unknown; 记者 is the role every newsroom prints.
  const bylines: Byline[] = (
    detail?.reporterBylines ?? parsed.reporters.map((name) => ({ role: '记者' as const, name }))
  )
    .map(({ role, name }) => ({ role, name: name.slice(0, MAX_NAME) }))
    .slice(0, MAX_PEOPLE);
  const correspondents: Correspondent[] = parsed.correspondents
    .map((name) => ({ name: name.slice(0, MAX_NAME) }))
    .slice(0, MAX_PEOPLE);
  return {
    kind: parsed.kind,
    ...headlineFields(parsed.headlineLines),
    source: (parsed.source ?? '').slice(0, MAX_SOURCE),
    bylines,
    correspondents,
    body: blocks.length > 0 ? blocks : emptyDocument(),
    deskNote: '',
  };
}
