/**
 * The issue's proof as one printable document: every page from the page plan's proof renderer, one
 * PDF page each, photos inlined, the bundled CJK faces declared, DRAFT-marked when forced. One
 * document rather than one per page because fonts then load, lay out and embed once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { ProofArticle } from '../../../shared/proof/proofStory';
import { renderPageProof } from '../../../shared/proof/renderPageProof';
import { proofFontCss } from '../pageplan/proofFontCss';
import type { PackageJob } from './packageJob';

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function renderProofDocument(job: PackageJob): Promise<string> {
  const stories = new Map<string, ProofArticle>(job.stories.map((s) => [s.article.id, s.article]));
  // Photos go in as data: URLs so the document needs nothing from outside but its fonts.
  const inlined = new Map<string, string>();
  for (const story of job.stories)
    for (const photo of story.photos) {
      if (!photo.asset || inlined.has(photo.asset)) continue;
      const ext = photo.asset.split('.').pop() ?? '';
      const bytes = await readFile(join(job.assetsDir, photo.asset)).catch((e: NodeJS.ErrnoException) => {
        const a = story.article;
        throw new NewsdeskError(
          'io',
          `导出《${a.headline || a.id}》（${a.id}，${story.pageLabel}）失败：第 ${photo.order} 张图片 ${photo.asset} 读不到（${e.code ?? e.message}）`,
          {
            exportFailure: {
              step: 'photo',
              photo: photo.order,
              articleId: a.id,
              headline: a.headline,
              page: story.pageLabel,
            },
          },
        );
      });
      inlined.set(photo.asset, `data:${MIME[ext] ?? 'application/octet-stream'};base64,${bytes.toString('base64')}`);
    }
  const assetUrl = (asset: string) => inlined.get(asset) ?? '';
  const proofs = job.plan.pages.map((page) =>
    renderPageProof({
      plan: job.plan,
      pageLabel: page.label,
      stories,
      geometry: job.geometry,
      paperName: job.issue.paperName,
      assetUrl,
      draft: job.forced,
    }),
  );
  const g = job.geometry;
  const title = escapeText(`${job.issue.paperName} ${job.issue.date}`);
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>${proofFontCss()}\n` +
    `@page{size:${g.pageWidthMm}mm ${g.pageHeightMm}mm;margin:0}\nhtml,body{margin:0;padding:0}\n` +
    `${proofs.map((p) => p.css).join('\n')}\n.np-page{break-after:page}</style></head>` +
    `<body class="np-root">${proofs.map((p) => p.markup).join('')}</body></html>`
  );
}
