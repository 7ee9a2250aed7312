/** The files of one story in every requested format, with the story named in any failure. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { buildDocx, type DocxPicture } from '../../../shared/export/docx';
import type { ExportIssueInfo, ExportStory } from '../../../shared/export/exportStory';
import type { ZipEntry } from '../../../shared/export/fixedZip';
import { buildIcml } from '../../../shared/export/icml';
import { buildTrackedDocx } from '../../../shared/export/trackedDocx';
import type { ExportFormat } from '../../../shared/export/manifest';
import { buildNitf } from '../../../shared/export/nitf';
import { buildPlainText } from '../../../shared/export/plainText';
import { storyParagraphs } from '../../../shared/export/storyParagraphs';
import { NewsdeskError } from '../../../shared/ipc/errors';
import { encodeGb18030, namesOutsideGbk } from './gb18030Text';

export interface StoryOutput {
  entries: ZipEntry[];
  files: Partial<Record<ExportFormat, string>>;
  warnings: string[];
}

const utf8 = new TextEncoder();

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
        throw new Error(`第 ${photo.order} 张图片 ${photo.asset} 读不到（${e.code ?? e.message}）`);
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
    throw new NewsdeskError('io', `导出《${a.headline || a.id}》（${a.id}，${story.pageLabel}）失败：${why}`);
  }
  const warnings = want.has('txt') ? namesOutsideGbk(a) : [];
  // A photo block still waiting for its picture is not a gate problem, but typesetting should know.
  for (const photo of story.photos) if (!photo.asset) warnings.push(`第 ${photo.order} 张图片还没有图片文件`);
  return { entries, files, warnings };
}
