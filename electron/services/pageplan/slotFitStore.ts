/**
 * Measured slot fits, kept so every screen shows the layout's figure without laying the page out again:
 * keyed by the hash of what the fit depends on (slotFitKey), written by the export's Chromium pass and
 * the app's live proof, read by the flatplan, the story's copy-fit bar and the gate. Small (one entry
 * per placed story and version), held in memory and written atomically to layout-fits.json.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SlotLineFit } from '../../../shared/rules/pageplan/slotLines';
import { writeFileAtomic } from '../atomicFile';

const StoredFitSchema = z.object({
  capacityLines: z.number().int().min(0),
  usedLines: z.number().int().min(0),
  oversetLines: z.number().int().min(0),
  looseOversetLines: z.number().int().min(0),
  tightened: z.boolean(),
});
type StoredFit = z.infer<typeof StoredFitSchema>;
const FileSchema = z.object({ version: z.literal(1), fits: z.array(z.tuple([z.string(), StoredFitSchema])) });

/** Old versions of stories fall out first; a 16-page issue places about 80. */
const MAX_ENTRIES = 4000;

export function slotFitKey(material: string): string {
  return createHash('sha256').update(material).digest('hex');
}

export class SlotFitStore {
  private fits: Map<string, StoredFit> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly readOnly = false,
  ) {
    this.file = join(dataDir, 'layout-fits.json');
  }

  private async load(): Promise<Map<string, StoredFit>> {
    if (this.fits) return this.fits;
    let entries: [string, StoredFit][] = [];
    try {
      const parsed = FileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      // A damaged or older cache only costs a measurement: the figures are estimated until the next one.
      if (parsed.success) entries = parsed.data.fits;
    } catch {
      entries = [];
    }
    this.fits ??= new Map(entries);
    return this.fits;
  }

  async get(material: string | null): Promise<SlotLineFit | null> {
    if (!material) return null;
    const fit = (await this.load()).get(slotFitKey(material));
    return fit ? { ...fit, measured: true } : null;
  }

  async put(entries: readonly { material: string; fit: SlotLineFit }[]): Promise<void> {
    const fits = await this.load();
    for (const { material, fit } of entries) {
      const key = slotFitKey(material);
      fits.delete(key);
      fits.set(key, {
        capacityLines: fit.capacityLines,
        usedLines: fit.usedLines,
        oversetLines: fit.oversetLines,
        looseOversetLines: fit.looseOversetLines,
        tightened: fit.tightened,
      });
    }
    for (const key of fits.keys()) {
      if (fits.size <= MAX_ENTRIES) break;
      fits.delete(key);
    }
    if (this.readOnly) return;
    const data = JSON.stringify({ version: 1, fits: [...fits] });
    // Writes one after another, each of the whole map, so the file never goes back to an older state.
    // A cache that cannot be written (full disk) only costs a measurement later, never the export.
    this.writing = this.writing.then(() => writeFileAtomic(this.file, data)).catch(() => undefined);
    await this.writing;
  }
}
