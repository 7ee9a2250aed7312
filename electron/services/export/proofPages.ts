/** The proof HTML of every page from the page plan's proof renderer, photos inlined, DRAFT-marked when forced. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProofArticle } from '../../../shared/proof/proofStory';
import { renderPageProof } from '../../../shared/proof/renderPageProof';
import type { PackageJob, ProofPage } from './packageJob';

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

export function renderProofPages(job: PackageJob): ProofPage[] {
  const stories = new Map<string, ProofArticle>(job.stories.map((s) => [s.article.id, s.article]));
  const inlined = new Map<string, string>();
  // Photos go in as data: URLs so the page needs nothing but its fonts from outside.
  const assetUrl = (asset: string) => {
    let url = inlined.get(asset);
    if (url === undefined) {
      const ext = asset.split('.').pop() ?? '';
      url = `data:${MIME[ext] ?? 'application/octet-stream'};base64,${readFileSync(join(job.assetsDir, asset)).toString('base64')}`;
      inlined.set(asset, url);
    }
    return url;
  };
  return job.plan.pages.map((page) => ({
    label: page.label,
    html: renderPageProof({
      plan: job.plan,
      pageLabel: page.label,
      stories,
      geometry: job.geometry,
      paperName: job.issue.paperName,
      assetUrl,
      draft: job.forced,
    }).html,
  }));
}
