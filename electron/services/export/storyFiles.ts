/** The files of one story in every requested format, with the story named in any failure. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { buildDocx, type DocxPicture } from '../../../shared/export/docx';
import type { ExportIssueInfo, ExportStory } from '../../../shared/export/exportStory';
import type { ZipEntry } from '../../../shared/export/fixedZip';
import { buildIcml } from '../../../shared/export/icml';
import { buildTrackedDocx } from '../../../shared/export/trackedDocx';
import type { ExportFormat, TextWarning } from '../../../shared/export/manifest';
import { buildNitf } from '../../../shared/export/nitf';
import { buildPlainText } from '../../../shared/export/plainText';
import { storyParagraphs } from '../../../shared/export/storyParagraphs';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { encodeGb18030, namesOutsideGbk } from './gb18030Text';

export interface StoryOutput {
  entries: ZipEntry[];
  files: Partial<Record<ExportFormat, string>>;
  warnings: StoryWarning[];
}

export type StoryWarning = Pick<TextWarning, 'message' | 'detail'>;

const utf8 = new TextEncoder();

/** A photo's file could not be read: the failure names the photo, so the editor knows which to re-insert. */
class PhotoReadError extends Error {
  constructor(
    readonly order: number,
    message: string,
  ) {
    super(message);
  }
}

/** Pixel size for the DOCX frame; null when the file does not say (the writer then assumes 4:3). */
function pixelSize(bytes: Uint8Array): { widthPx: number | null; heightPx: number | null } {
  try {
    const { width, height } = imageSize(bytes);
    return { widthPx: width ?? null, heightPx: height ?? null };
  } catch {
    return { widthPx: null, heightPx: null };
  }
}

export async function storyFiles(
  story: ExportStory,
  issue: ExportIssueInfo,
  formats: readonly ExportFormat[],
  assetsDir: string,
  docxTrackedChanges = false,
): Promise<StoryOutput> {
  const a = story.article;
  const want = new Set(formats);
  const entries: ZipEntry[] = [];
  const files: StoryOutput['files'] = {};
  const add = (format: ExportFormat, path: string, data: Uint8Array) => {
    entries.push({ path, data });
    files[format] = path;
  };
  try {
    // Each photo is read once: it goes into photos/ and, inline under its caption, into the DOCX.
    const photoBytes = new Map<string, Uint8Array>();
    for (const photo of story.photos) {
      if (!photo.file || !photo.asset || photoBytes.has(photo.asset)) continue;
      const bytes = await readFile(join(assetsDir, photo.asset)).catch((e: NodeJS.ErrnoException) => {
        throw new PhotoReadError(
          photo.order,
          `第 ${photo.order} 张图片 ${photo.asset} 读不到（${e.code ?? e.message}）`,
        );
      });
      photoBytes.set(photo.asset, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const paragraphs = storyParagraphs(a, issue.paperName);
    if (want.has('nitf')) add('nitf', `nitf/${story.stem}.xml`, utf8.encode(buildNitf(story, issue)));
    if (want.has('docx')) {
      const pictures: DocxPicture[] = [...photoBytes].map(([asset, data]) => ({
        asset,
        data,
        ext: (asset.split('.').pop() ?? '').toLowerCase(),
        ...pixelSize(data),
      }));
      add(
        'docx',
        `docx/${story.stem}.docx`,
        docxTrackedChanges
          ? buildTrackedDocx(a, issue.paperName, pictures)
          : buildDocx(storyParagraphs(a, issue.paperName, { everyPhoto: true }), a.headline, a.id, pictures),
      );
    }
    if (want.has('icml')) add('icml', `icml/${story.stem}.icml`, utf8.encode(buildIcml(paragraphs, a.headline)));
    if (want.has('txt')) add('txt', `txt/${story.stem}.txt`, encodeGb18030(buildPlainText(paragraphs)));
    if (want.has('json')) add('json', `json/${story.stem}.json`, utf8.encode(`${JSON.stringify(a, null, 2)}\n`));
    for (const photo of story.photos) {
      if (!photo.file || !photo.asset) continue;
      entries.push({ path: photo.file, data: photoBytes.get(photo.asset)!, store: true });
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const at = { articleId: a.id, headline: a.headline, page: story.pageLabel };
    throw new NewsdeskError('io', `导出《${a.headline || a.id}》（${a.id}，${story.pageLabel}）失败：${why}`, {
      exportFailure: e instanceof PhotoReadError ? { step: 'photo', photo: e.order, ...at } : { step: 'story', ...at },
    });
  }
  const warnings: StoryWarning[] = want.has('txt')
    ? namesOutsideGbk(a).map(({ name, chars, message }) => ({
        message,
        detail: { code: 'name_outside_gbk', name, chars },
      }))
    : [];
  // A photo block still waiting for its picture is not a gate problem, but typesetting should know.
  for (const photo of story.photos)
    if (!photo.asset)
      warnings.push({
        message: `第 ${photo.order} 张图片还没有图片文件`,
        detail: { code: 'photo_without_file', photo: photo.order },
      });
  return { entries, files, warnings };
}
