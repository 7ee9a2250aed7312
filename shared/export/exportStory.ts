/** One placed story as the writers see it: the article, where it sits, and its photos' file names. */
import type { Article } from '../model/article';
import type { PhotoCredit } from '../model/people';

export interface ExportPhoto {
  /** Path inside the package, e.g. photos/A01-01-a-xxxx-1.jpg; null when the photo block has no picture. */
  file: string | null;
  mimeType: string | null;
  /** The asset in the data folder the bytes come from. */
  asset: string | null;
  caption: string;
  credit: PhotoCredit | null;
  /** 1-based order of the photo within the story. */
  order: number;
}

export interface ExportStory {
  article: Article;
  pageLabel: string;
  section: string;
  slotId: string;
  /** Position of the slot on its page, 0-based, as the plan orders them. */
  slotIndex: number;
  /** File name stem shared by the story's files: page, slot position and id, so a listing sorts like the paper. */
  stem: string;
  photos: ExportPhoto[];
}

export interface ExportIssueInfo {
  id: string;
  date: string;
  number: number;
  revision: number;
  paperName: string;
}

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

export function storyStem(pageLabel: string, slotIndex: number, articleId: string): string {
  return `${pageLabel}-${String(slotIndex + 1).padStart(2, '0')}-${articleId}`;
}

/** Photos in body order, each named after the story and its place in it. */
export function storyPhotos(article: Article, stem: string): ExportPhoto[] {
  const photos: ExportPhoto[] = [];
  for (const block of article.body) {
    if (block.type !== 'photo') continue;
    const order = photos.length + 1;
    const ext = block.asset?.split('.').pop() ?? null;
    photos.push({
      file: block.asset && ext ? `photos/${stem}-${order}.${ext}` : null,
      mimeType: ext ? (MIME[ext] ?? null) : null,
      asset: block.asset,
      caption: block.caption,
      credit: block.credit,
      order,
    });
  }
  return photos;
}
