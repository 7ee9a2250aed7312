/**
 * A story as DOCX with its pending suggestions (留痕) as Word's own tracked changes (w:ins, w:del
 * with author and date), so a change history can leave Newsdesk intact and be decided in Word.
 */
import type { Article } from '../model/article';
import { blockText, type Block } from '../model/document';
import { formatPhotoCredit } from '../model/people';
import { docxPackage, paragraphXml, pictureWriter, type DocxPicture } from './docx';
import { changeLookup, docxTrackedParagraph, revisionCounter } from './docxTrackedRuns';
import { captionLine, STYLE_IDS, storyParagraphs, type ParagraphStyleName } from './storyParagraphs';

function hasBoundary(block: Block | undefined): boolean {
  return !!block && block.type !== 'photo' && (block.split !== undefined || block.join !== undefined);
}

/**
 * The plain writer leaves blank paragraphs out; here one stays when a suggested break touches it,
 * since dropping it would fold two breaks into one and Word would then decide the wrong break.
 */
function skipped(block: Block, next: Block | undefined): boolean {
  return blockText(block).trim() === '' && !hasBoundary(block) && !hasBoundary(next);
}

export function buildTrackedDocx(
  article: Article,
  paperName: string,
  pictures: readonly DocxPicture[] = [],
): Uint8Array {
  const lookup = changeLookup(article.changes);
  const photos = pictureWriter(pictures);
  const ids = revisionCounter();
  // Headline fields and byline carry no suggestions: written exactly as the plain DOCX writes them.
  let xml = storyParagraphs({ ...article, body: [] }, paperName)
    .map(paragraphXml)
    .join('');
  const body = article.body;
  body.forEach((block, i) => {
    const next = body[i + 1];
    if (block.type === 'photo') {
      const line = captionLine(block.caption, block.credit ? formatPhotoCredit(block.credit) : null);
      xml += photos.write({ style: '图片说明', runs: [{ text: line }], photo: { asset: block.asset } });
      return;
    }
    if (skipped(block, next)) return;
    const style: ParagraphStyleName =
      block.type === 'subhead' ? '小标题' : block.type === 'signature' ? '落款' : '正文';
    xml += docxTrackedParagraph(block, next, lookup, ids, STYLE_IDS[style]);
  });
  return docxPackage(
    { paragraphsXml: xml, trackRevisions: true, pictures: photos.embedded },
    article.headline,
    article.id,
  );
}
