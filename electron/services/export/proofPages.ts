/** The proof HTML of every page, from the page plan's proof renderer, with the DRAFT mark when forced. */
import type { PackageJob, ProofPage } from './packageJob';

export function renderProofPages(job: PackageJob): ProofPage[] {
  void job;
  throw new Error('the page proof renderer is not merged yet');
}
