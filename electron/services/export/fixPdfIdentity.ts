/**
 * Makes a printed proof reproducible: Chromium stamps the clock into the PDF's CreationDate and ModDate,
 * so two exports of the same issue differed. Both dates become the issue's date (midnight UTC) and the
 * trailer gets an /ID drawn from the issue and the page content, as PDF 1.4+ readers expect one.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib';
import type { ExportIssueInfo } from '../../../shared/export/exportStory';

export async function fixPdfIdentity(
  pdf: Uint8Array,
  issue: Pick<ExportIssueInfo, 'id' | 'date' | 'revision'>,
): Promise<Uint8Array> {
  // updateMetadata: false keeps Chromium's Creator and Producer and stops pdf-lib stamping its own clock.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const day = new Date(`${issue.date}T00:00:00Z`);
  doc.setCreationDate(day);
  doc.setModificationDate(day);
  // Chromium's bytes without its two clock stamps: the same pages of the same issue give the same ID.
  const printed = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    .toString('latin1')
    .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, '');
  const id = createHash('sha256')
    .update(`${issue.id}\n${issue.revision}\n`)
    .update(printed, 'latin1')
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
  const idEntry = PDFHexString.of(id);
  doc.context.trailerInfo.ID = doc.context.obj([idEntry, idEntry]) as PDFArray;
  return doc.save({ useObjectStreams: false });
}

/** The /ID pair of a PDF's trailer, for tests and checks. */
export async function pdfTrailerId(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const id = doc.context.trailerInfo.ID;
  if (!(id instanceof PDFArray)) return [];
  return id.asArray().map((x) => (x instanceof PDFHexString ? x.asString() : String(x)));
}
