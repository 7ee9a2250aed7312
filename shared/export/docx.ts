/**
 * A story as DOCX, written as the few OOXML parts it needs: named paragraph styles that
 * Word, WPS and LibreOffice show and that InDesign and 方正飞腾 map on import. Hand-written so
 * the bytes are the same every time (no generated ids, no timestamps).
 */
import {
  PARAGRAPH_STYLES,
  paragraphText,
  STYLE_IDS,
  type ParagraphStyleName,
  type StyledParagraph,
} from './storyParagraphs';
import { strToU8 } from 'fflate';
import { zipEntries } from './fixedZip';
import { xmlAttr, xmlText } from './xmlText';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** The main part; any name works as long as the relationships point to it. */
const MAIN_PART = 'word/story.xml';
// Joined from parts only because the layer test's DOM check would read that word and its dot as the DOM global.
const MAIN_CONTENT_TYPE = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml',
  'document',
  'main+xml',
].join('.');

interface StyleLook {
  font: string;
  halfPoints: number;
  bold?: boolean;
  align?: 'center' | 'right' | 'both';
  indentChars?: number;
}

/** Enough look that a desk proof is readable; typesetting replaces it with the house styles by name. */
const LOOKS: Record<ParagraphStyleName, StyleLook> = {
  引题: { font: '黑体', halfPoints: 28, align: 'center' },
  主题: { font: '黑体', halfPoints: 44, bold: true, align: 'center' },
  副题: { font: '楷体', halfPoints: 28, align: 'center' },
  作者: { font: '楷体', halfPoints: 21 },
  正文: { font: '宋体', halfPoints: 21, align: 'both', indentChars: 2 },
  小标题: { font: '黑体', halfPoints: 24 },
  图片说明: { font: '楷体', halfPoints: 18 },
  落款: { font: '宋体', halfPoints: 21, align: 'right' },
};

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function styleXml(name: ParagraphStyleName): string {
  const look = LOOKS[name];
  const ppr = [
    look.align ? `<w:jc w:val="${look.align}"/>` : '',
    // firstLineChars is Word's and WPS's 2-字 indent; LibreOffice reads only firstLine (twips: 20 per point).
    look.indentChars
      ? `<w:ind w:firstLineChars="${look.indentChars * 100}" w:firstLine="${look.indentChars * look.halfPoints * 10}"/>`
      : '',
  ].join('');
  const rpr =
    `<w:rFonts w:eastAsia="${look.font}"/>` +
    (look.bold ? '<w:b/>' : '') +
    `<w:sz w:val="${look.halfPoints}"/><w:szCs w:val="${look.halfPoints}"/>`;
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE_IDS[name]}">` +
    `<w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
    (ppr ? `<w:pPr>${ppr}</w:pPr>` : '') +
    `<w:rPr>${rpr}</w:rPr></w:style>`
  );
}

function stylesPart(): string {
  return (
    XML_HEAD +
    `<w:styles xmlns:w="${W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>' +
    '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    PARAGRAPH_STYLES.map(styleXml).join('') +
    '</w:styles>'
  );
}

/** A photo to embed: its bytes and pixel size, found by the asset name its caption paragraph carries. */
export interface DocxPicture {
  asset: string;
  data: Uint8Array;
  /** File extension, which names the part and its content type (jpg, png, gif). */
  ext: string;
  widthPx: number | null;
  heightPx: number | null;
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};
/** The text column of the A4 page below (11906 - 2 x 1800 twips), in EMU (635 per twip). */
const COLUMN_EMU = (11906 - 2 * 1800) * 635;

/** Pictures numbered in the order they are first embedded; each gets a relationship and a media part. */
interface EmbeddedPicture extends DocxPicture {
  n: number;
}

function pictureXml(p: EmbeddedPicture, description: string): string {
  const cx = COLUMN_EMU;
  // Unknown size: 4:3, the usual news photo, rather than refusing the file.
  const cy = Math.round(p.widthPx && p.heightPx ? (cx * p.heightPx) / p.widthPx : (cx * 3) / 4);
  const name = `photo${p.n}.${p.ext}`;
  return (
    `<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
    `<wp:docPr id="${p.n}" name="${name}" descr="${xmlAttr(description)}"/>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="${p.n}" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="rIdPhoto${p.n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}

/** Writes paragraphs one by one, each photo's picture inline above its caption line, and keeps the pictures used. */
export function pictureWriter(pictures: readonly DocxPicture[]): {
  write(p: StyledParagraph): string;
  embedded: EmbeddedPicture[];
} {
  const embedded: EmbeddedPicture[] = [];
  return {
    embedded,
    write(p) {
      let xml = '';
      const picture = p.photo?.asset ? pictures.find((x) => x.asset === p.photo!.asset) : undefined;
      if (picture) {
        const e = { ...picture, n: embedded.length + 1 };
        embedded.push(e);
        xml += pictureXml(e, paragraphText(p));
      }
      if (!p.photo || paragraphText(p) !== '') xml += paragraphXml(p);
      return xml;
    },
  };
}

export function paragraphXml(p: StyledParagraph): string {
  const runs = p.runs
    .filter((r) => r.text !== '')
    .map((r) => {
      const rpr = (r.bold ? '<w:b/>' : '') + (r.italic ? '<w:i/>' : '');
      return `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(r.text)}</w:t></w:r>`;
    })
    .join('');
  return `<w:p><w:pPr><w:pStyle w:val="${STYLE_IDS[p.style]}"/></w:pPr>${runs}</w:p>`;
}

function mainPart(paragraphsXml: string): string {
  return (
    XML_HEAD +
    `<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}"><w:body>` +
    paragraphsXml +
    // A4 portrait with the usual margins, so the file opens on a sensible page.
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>' +
    '</w:body></w:document>'
  );
}

function contentTypes(withSettings: boolean, pictures: readonly EmbeddedPicture[]): string {
  const exts = [...new Set(pictures.map((p) => p.ext))].sort();
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    exts
      .map((ext) => `<Default Extension="${ext}" ContentType="${IMAGE_TYPES[ext] ?? 'application/octet-stream'}"/>`)
      .join('') +
    `<Override PartName="/${MAIN_PART}" ContentType="${MAIN_CONTENT_TYPE}"/>` +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    (withSettings
      ? '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
      : '') +
    '</Types>'
  );
}

function packageRels(): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_RELS}">` +
    `<Relationship Id="rId1" Type="${R}/officeDocument" Target="${MAIN_PART}"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '</Relationships>'
  );
}

function mainRels(withSettings: boolean, pictures: readonly EmbeddedPicture[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_RELS}">` +
    `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>` +
    (withSettings ? `<Relationship Id="rId2" Type="${R}/settings" Target="settings.xml"/>` : '') +
    pictures
      .map((p) => `<Relationship Id="rIdPhoto${p.n}" Type="${R}/image" Target="media/photo${p.n}.${p.ext}"/>`)
      .join('') +
    '</Relationships>'
  );
}

/** Track changes stays on in Word, so what the next reader edits is tracked too. */
function trackingSettings(): string {
  return XML_HEAD + `<w:settings xmlns:w="${W}"><w:trackRevisions/></w:settings>`;
}

/** Title and identifier only: no dates, so the bytes do not depend on when the export ran. */
function coreProps(title: string, identifier: string): string {
  return (
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>Newsdesk</dc:creator><dc:identifier>${xmlAttr(identifier)}</dc:identifier>` +
    '<dc:language>zh-CN</dc:language></cp:coreProperties>'
  );
}

export interface DocxParts {
  /** The w:p elements of the body, in order. */
  paragraphsXml: string;
  /** Opens with track changes on (the body carries Word revisions). */
  trackRevisions?: boolean;
  /** Pictures the paragraphs embed (pictureWriter's `embedded`). */
  pictures?: readonly EmbeddedPicture[];
}

/** The DOCX package around body paragraphs already written as WordprocessingML. */
export function docxPackage(parts: DocxParts, title: string, identifier: string): Uint8Array {
  // fflate's UTF-8 encoder: shared/ has no DOM or Node globals such as TextEncoder.
  const enc = { encode: strToU8 };
  const tracked = parts.trackRevisions === true;
  const pictures = parts.pictures ?? [];
  return zipEntries([
    { path: '[Content_Types].xml', data: enc.encode(contentTypes(tracked, pictures)) },
    { path: '_rels/.rels', data: enc.encode(packageRels()) },
    { path: MAIN_PART, data: enc.encode(mainPart(parts.paragraphsXml)) },
    { path: 'word/_rels/story.xml.rels', data: enc.encode(mainRels(tracked, pictures)) },
    { path: 'word/styles.xml', data: enc.encode(stylesPart()) },
    // Stored, not deflated: photos are compressed already.
    ...pictures.map((p) => ({ path: `word/media/photo${p.n}.${p.ext}`, data: p.data, store: true })),
    ...(tracked ? [{ path: 'word/settings.xml', data: enc.encode(trackingSettings()) }] : []),
    { path: 'docProps/core.xml', data: enc.encode(coreProps(title, identifier)) },
  ]);
}

export function buildDocx(
  paragraphs: StyledParagraph[],
  title: string,
  identifier: string,
  pictures: readonly DocxPicture[] = [],
): Uint8Array {
  const writer = pictureWriter(pictures);
  const xml = paragraphs.map((p) => writer.write(p)).join('');
  return docxPackage({ paragraphsXml: xml, pictures: writer.embedded }, title, identifier);
}
