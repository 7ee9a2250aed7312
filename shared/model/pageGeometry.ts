/** Page geometry of the paper (type area, columns, body type) from which slot capacities are computed. */
import { z } from 'zod';

export const PageGeometrySchema = z.object({
  /** Trimmed page size; 对开 broadsheet is about 390 × 540 mm. */
  pageWidthMm: z.number().min(100).max(1000),
  pageHeightMm: z.number().min(100).max(1500),
  /** The type area (版心): where slots live, measured from the page's top-left corner. */
  typeLeftMm: z.number().min(0).max(200),
  typeTopMm: z.number().min(0).max(300),
  typeWidthMm: z.number().min(50).max(1000),
  typeHeightMm: z.number().min(50).max(1500),
  columns: z.number().int().min(1).max(20),
  gutterMm: z.number().min(0).max(30),
  /** Body type size and leading in points (小五 = 9pt). */
  bodySizePt: z.number().min(5).max(20),
  leadingPt: z.number().min(5).max(40),
});
export type PageGeometry = z.infer<typeof PageGeometrySchema>;

/** A Chinese city daily's broadsheet: 350 × 490 mm type area, 8 columns, 小五 body on 13.5 pt. */
export const BROADSHEET_GEOMETRY: PageGeometry = {
  pageWidthMm: 390,
  pageHeightMm: 540,
  typeLeftMm: 20,
  typeTopMm: 28,
  typeWidthMm: 350,
  typeHeightMm: 490,
  columns: 8,
  gutterMm: 5,
  bodySizePt: 9,
  leadingPt: 13.5,
};

export const MM_PER_PT = 25.4 / 72;
