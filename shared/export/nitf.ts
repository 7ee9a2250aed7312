/** A story as NITF 3.6 (IPTC), valid against the schema: headlines, credits, body, photos, where it runs. */
import type { ArticleStatus } from '../model/status';
import type { FormattedText } from '../model/document';
import { formatPhotoCredit } from '../model/people';
import type { ExportIssueInfo, ExportStory } from './exportStory';
import { xmlAttr, xmlText } from './xmlText';

const NS = 'http://iptc.org/std/NITF/2006-10-18/';

/** A story that is not yet released for print is withheld; the rest may be used. */
function managementStatus(status: ArticleStatus): string {
  return status === 'approved' || status === 'placed' ? 'usable' : 'withheld';
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function enriched(children: FormattedText[]): string {
  return children
    .map((leaf) => {
      const text = xmlText(leaf.text);
      if (!text) return '';
      const cls = [leaf.bold ? 'bold' : '', leaf.italic ? 'italic' : ''].filter(Boolean).join(' ');
      return cls ? `<em class="${cls}">${text}</em>` : text;
    })
    .join('');
}

function bylines(story: ExportStory, paperName: string): string[] {
  const a = story.article;
  const agency = a.source || paperName;
  const out = a.bylines.map(
    (b) =>
      `<byline class="reporter"><byttl>${xmlText(b.role === '其他' ? agency : agency + b.role)}</byttl> ` +
      `<person>${xmlText(b.name)}</person></byline>`,
  );
  for (const c of a.correspondents)
    out.push(`<byline class="correspondent"><byttl>通讯员</byttl> <person>${xmlText(c.name)}</person></byline>`);
  return out;
}

function bodyContent(story: ExportStory): string[] {
  const out: string[] = [];
  let photo = 0;
  for (const block of story.article.body) {
    if (block.type === 'photo') {
      const p = story.photos[photo++];
      if (!p) continue;
      const ref = p.file
        ? `<media-reference source="../${xmlAttr(p.file)}"${p.mimeType ? ` mime-type="${xmlAttr(p.mimeType)}"` : ''}/>`
        : '<media-reference/>';
      const caption = p.caption.trim() ? `<media-caption>${xmlText(p.caption.trim())}</media-caption>` : '';
      const producer = p.credit ? `<media-producer>${xmlText(formatPhotoCredit(p.credit))}</media-producer>` : '';
      out.push(`<media media-type="image" class="photo-${p.order}">${ref}${caption}${producer}</media>`);
      continue;
    }
    const text = enriched(block.children);
    if (!text.trim()) continue;
    if (block.type === 'subhead') out.push(`<hl2 class="subhead">${text}</hl2>`);
    else if (block.type === 'signature') out.push(`<p class="signature">${text}</p>`);
    else if (block.type === 'quote') out.push(`<p class="quote">${text}</p>`);
    else out.push(`<p>${text}</p>`);
  }
  return out;
}

export function buildNitf(story: ExportStory, issue: ExportIssueInfo): string {
  const a = story.article;
  const date = compactDate(issue.date);
  const hedline = [
    `<hl1>${xmlText(a.headline)}</hl1>`,
    a.subheadline ? `<hl2 class="subheadline">${xmlText(a.subheadline)}</hl2>` : '',
    // 引题 has no NITF element of its own; it is kept as a marked hl2 so nothing is lost.
    a.kicker ? `<hl2 class="kicker">${xmlText(a.kicker)}</hl2>` : '',
  ].join('');
  const distributor = a.source ? `<distributor><org>${xmlText(a.source)}</org></distributor>` : '';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<nitf xmlns="${NS}" version="-//IPTC//DTD NITF 3.6//EN" baselang="zh-CN">`,
    '<head>',
    `<title>${xmlText(a.headline)}</title>`,
    `<meta name="newsdesk-kind" content="${xmlAttr(a.kind)}"/>`,
    `<meta name="newsdesk-status" content="${xmlAttr(a.status)}"/>`,
    `<docdata management-status="${managementStatus(a.status)}">`,
    `<doc-id regsrc="Newsdesk" id-string="${xmlAttr(a.id)}"/>`,
    `<date.issue norm="${date}"/>`,
    `<du-key key="${xmlAttr(a.id)}" version="${a.revision}"/>`,
    '</docdata>',
    `<pubdata type="print" name="${xmlAttr(issue.paperName)}" date.publication="${date}" number="${issue.number}"` +
      ` position.section="${xmlAttr(story.section)}" position.sequence="${xmlAttr(story.pageLabel)}"` +
      ` ex-ref="${xmlAttr(`${story.pageLabel}/${story.slotId}`)}"/>`,
    '</head>',
    '<body>',
    '<body.head>',
    `<hedline>${hedline}</hedline>`,
    ...bylines(story, issue.paperName),
    distributor,
    '</body.head>',
    '<body.content>',
    ...bodyContent(story),
    '</body.content>',
    '</body>',
    '</nitf>',
    '',
  ];
  return lines.filter((l) => l !== '').join('\n') + '\n';
}
