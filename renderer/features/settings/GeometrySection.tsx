/** The paper's page geometry in settings: columns, lines, body type and leading, margins and gutter, with a live page. */
import { MM_PER_PT, PageGeometrySchema, type PageGeometry } from '../../../shared/model/pageGeometry';
import { pageGrid } from '../../../shared/rules/pageplan/pageGrid';
import { MASTHEAD_LINES } from '../../../shared/rules/pageplan/pageTemplates';
import { useT, type MessageKey } from '../../i18n/i18n';

interface Props {
  value: PageGeometry;
  onChange: (g: PageGeometry) => void;
}

/** Why the geometry cannot be saved, or null: the schema's limits and a type area inside the page. */
export function geometryProblem(g: PageGeometry): string | null {
  const parsed = PageGeometrySchema.safeParse(g);
  if (!parsed.success) return parsed.error.issues.map((i) => i.path.join('.')).join(', ');
  if (g.typeLeftMm + g.typeWidthMm > g.pageWidthMm || g.typeTopMm + g.typeHeightMm > g.pageHeightMm) return 'page';
  if (g.leadingPt < g.bodySizePt) return 'leading';
  if ((g.typeWidthMm - (g.columns - 1) * g.gutterMm) / g.columns < g.bodySizePt * MM_PER_PT * 4) return 'columns';
  return null;
}

/** A problem code in words: the type area, the leading or the columns; else the fields the schema refused. */
export function problemWords(t: ReturnType<typeof useT>, problem: string): string {
  if (problem === 'page') return t('settings.geo.bad.page');
  if (problem === 'leading') return t('settings.geo.bad.leading');
  if (problem === 'columns') return t('settings.geo.bad.columns');
  return problem;
}

type Field = { key: keyof PageGeometry; label: MessageKey; step: number };
const FIELDS: Field[] = [
  { key: 'columns', label: 'settings.geo.columns', step: 1 },
  { key: 'bodySizePt', label: 'settings.geo.bodySize', step: 0.5 },
  { key: 'leadingPt', label: 'settings.geo.leading', step: 0.5 },
  { key: 'gutterMm', label: 'settings.geo.gutter', step: 0.5 },
  { key: 'typeLeftMm', label: 'settings.geo.marginLeft', step: 1 },
  { key: 'typeTopMm', label: 'settings.geo.marginTop', step: 1 },
  { key: 'typeWidthMm', label: 'settings.geo.typeWidth', step: 1 },
  { key: 'pageWidthMm', label: 'settings.geo.pageWidth', step: 1 },
  { key: 'pageHeightMm', label: 'settings.geo.pageHeight', step: 1 },
];

export function GeometrySection({ value, onChange }: Props) {
  const t = useT();
  const problem = geometryProblem(value);
  const grid = pageGrid(value);
  // Lines are typed; the type area's height follows them at the leading.
  const setLines = (lines: number) => onChange({ ...value, typeHeightMm: lines * value.leadingPt * MM_PER_PT });
  const set = (key: keyof PageGeometry, n: number) => {
    if (!Number.isFinite(n)) return;
    const next = { ...value, [key]: n };
    // Keeping the lines when the leading changes: the type area grows or shrinks with it.
    if (key === 'leadingPt') next.typeHeightMm = grid.linesPerColumn * n * MM_PER_PT;
    onChange(next);
  };
  return (
    <details className="settings-geometry" data-testid="settings-geometry">
      <summary>{t('settings.geo.title')}</summary>
      <div className="geo-body">
        <div className="geo-fields">
          {FIELDS.slice(0, 1).map((f) => (
            <NumberField key={f.key} f={f} value={value[f.key]} onChange={(n) => set(f.key, n)} />
          ))}
          <label className="geo-field">
            <span>{t('settings.geo.lines')}</span>
            <input
              type="number"
              min={20}
              max={400}
              value={grid.linesPerColumn}
              data-testid="geo-lines"
              onChange={(e) => setLines(Number(e.currentTarget.value))}
            />
          </label>
          {FIELDS.slice(1).map((f) => (
            <NumberField key={f.key} f={f} value={value[f.key]} onChange={(n) => set(f.key, n)} />
          ))}
          <p className="muted hint" data-testid="geo-derived">
            {t('settings.geo.derived', {
              chars: grid.charsPerLine,
              lines: grid.linesPerColumn,
              width: grid.columnWidthMm.toFixed(1),
            })}
          </p>
          {problem && (
            <p className="fp-error" data-testid="geo-problem">
              {t('settings.geo.problem', { what: problemWords(t, problem) })}
            </p>
          )}
          <p className="muted hint">{t('settings.geo.hint')}</p>
        </div>
        <PagePreview g={value} />
      </div>
    </details>
  );
}

function NumberField({ f, value, onChange }: { f: Field; value: number; onChange: (n: number) => void }) {
  const t = useT();
  return (
    <label className="geo-field">
      <span>{t(f.label)}</span>
      <input
        type="number"
        step={f.step}
        value={value}
        data-testid={`geo-${f.key}`}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
    </label>
  );
}

/** One page at scale: the type area, its columns and gutters, a rule every ten lines and the masthead band. */
function PagePreview({ g }: { g: PageGeometry }) {
  const grid = pageGrid(g);
  const tenLines = Array.from({ length: Math.floor(grid.linesPerColumn / 10) }, (_, i) => (i + 1) * 10);
  return (
    <svg
      className="geo-preview"
      viewBox={`0 0 ${g.pageWidthMm} ${g.pageHeightMm}`}
      data-testid="geo-preview"
      data-columns={g.columns}
      data-lines={grid.linesPerColumn}
      style={{ height: (170 * g.pageHeightMm) / g.pageWidthMm }}
      role="img"
    >
      <rect width={g.pageWidthMm} height={g.pageHeightMm} fill="#fff" stroke="#999" strokeWidth={1} />
      <rect
        x={g.typeLeftMm}
        y={g.typeTopMm}
        width={g.typeWidthMm}
        height={grid.linesPerColumn * grid.leadingMm}
        fill="none"
        stroke="#2b6cb0"
        strokeWidth={1}
      />
      <rect
        x={g.typeLeftMm}
        y={g.typeTopMm}
        width={g.typeWidthMm}
        height={MASTHEAD_LINES * grid.leadingMm}
        fill="rgba(179,38,30,0.15)"
      />
      {Array.from({ length: g.columns }, (_, i) => (
        <rect
          key={i}
          x={g.typeLeftMm + i * (grid.columnWidthMm + g.gutterMm)}
          y={g.typeTopMm}
          width={grid.columnWidthMm}
          height={grid.linesPerColumn * grid.leadingMm}
          fill="rgba(43,108,176,0.08)"
        />
      ))}
      {tenLines.map((l) => (
        <line
          key={l}
          x1={g.typeLeftMm}
          x2={g.typeLeftMm + g.typeWidthMm}
          y1={g.typeTopMm + l * grid.leadingMm}
          y2={g.typeTopMm + l * grid.leadingMm}
          stroke="rgba(43,108,176,0.35)"
          strokeWidth={0.4}
        />
      ))}
    </svg>
  );
}
