/**
 * What prints the export's proof: a document loaded once, measured (every slot's fit from the layout
 * it prints), then printed from that same layout. Headless Chromium outside the app, a hidden window in it.
 */
import { z } from 'zod';
import type { MeasureOptions, SlotFit } from '../../../shared/proof/layout/measureSlots';

export interface ProofSession {
  /** Runs the copy-fit measurement in the loaded document; slots set tighter stay so for print(). */
  measure(options: MeasureOptions): Promise<SlotFit[]>;
  /** The document as laid out now, as PDF (one printed page per plan page). */
  print(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ProofPrinter {
  /** Loads the proof document (standalone HTML) and waits for its fonts and photos. */
  open(html: string): Promise<ProofSession>;
  /** What prints, e.g. "Chromium 147.0.7727.15": the same inputs give the same bytes only with the same engine. */
  engine(): Promise<string>;
}

const SlotFitSchema = z.object({
  page: z.string(),
  slotId: z.string(),
  articleId: z.string().nullable(),
  capacityLines: z.number(),
  usedLines: z.number(),
  oversetLines: z.number(),
  oversetChars: z.number(),
  oversetText: z.string(),
  emptyLines: z.number(),
  looseOversetLines: z.number(),
  tightened: z.boolean(),
});

/** What the page's script returned, checked: it comes back from another process as plain JSON. */
export function parseSlotFits(value: unknown): SlotFit[] {
  return z.array(SlotFitSchema).parse(value);
}
