/**
 * The story's side panels (修订 and 校对) in one column: with more than one open they become tabs, so the
 * editor keeps its width (≥ 640 px at 1440 × 900) instead of each panel taking a column of its own. Panels
 * not shown stay mounted (hidden), so a tab switch keeps their state.
 */
import { useId, type ReactNode } from 'react';

export interface SidePanel {
  key: string;
  label: string;
  node: ReactNode;
}

interface Props {
  /** The open panels, in tab order. */
  panels: SidePanel[];
  active: string | null;
  onActivate: (key: string) => void;
  label: string;
}

export function SidePanels({ panels, active, onActivate, label }: Props) {
  const id = useId();
  if (panels.length === 0) return null;
  const shown = panels.some((p) => p.key === active) ? active : panels[0]!.key;
  const tabbed = panels.length > 1;
  return (
    <div className="story-side" data-testid="story-side">
      {tabbed && (
        <div
          className="story-side-tabs"
          role="tablist"
          aria-label={label}
          onKeyDown={(e) => {
            // Arrow keys move between tabs, as in any tab list.
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            e.preventDefault();
            const at = panels.findIndex((p) => p.key === shown);
            const next = panels[(at + (e.key === 'ArrowRight' ? 1 : panels.length - 1)) % panels.length]!;
            onActivate(next.key);
            document.getElementById(`${id}-tab-${next.key}`)?.focus();
          }}
        >
          {panels.map((p) => (
            <button
              key={p.key}
              type="button"
              role="tab"
              id={`${id}-tab-${p.key}`}
              aria-selected={p.key === shown}
              aria-controls={`${id}-panel-${p.key}`}
              tabIndex={p.key === shown ? 0 : -1}
              className={`story-side-tab${p.key === shown ? ' is-active' : ''}`}
              data-testid={`side-tab-${p.key}`}
              onClick={() => onActivate(p.key)}
            >
              {p.label}
            </button>
          ))}
        </div>
      )}
      {panels.map((p) => (
        <div
          key={p.key}
          className="story-side-panel"
          id={`${id}-panel-${p.key}`}
          {...(tabbed && { role: 'tabpanel', 'aria-labelledby': `${id}-tab-${p.key}` })}
          hidden={p.key !== shown}
        >
          {p.node}
        </div>
      ))}
    </div>
  );
}
