/** 版面总览: every page of the day's issue, each slot's story and fit; placing by drag and drop or keyboard. */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FlatplanRow } from '../../../shared/model/flatplan';
import { bandOf, pageGrid, slotRegion } from '../../../shared/rules/pageplan/pageGrid';
import { MASTHEAD_LINES } from '../../../shared/rules/pageplan/pageTemplates';
import { applySlotEdit } from '../../../shared/rules/pageplan/slotEdits';
import { api } from '../../api/transport';
import { useSettings } from '../../common/settingsContext';
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';
import { useStoryPool } from './useStoryPool';
import type { Picked } from './dragData';
import { NewIssueForm } from './NewIssueForm';
import { SlotCard } from './SlotCard';
import { StoryPanel } from './StoryPanel';
import { usePlan } from './usePlan';
import { useMeasureFlatplan } from './useMeasureFlatplan';
import { arrowRow } from './arrowTarget';
import { matchesPool, type PoolStatus } from './poolFilter';
import type { SlotEdit } from '../../../shared/model/slotEdit';
import { ShapeSheet } from './shape/ShapeSheet';
import { SlotToolbar, type ShapeUndo } from './shape/SlotToolbar';
import { SaveTemplate } from './shape/SaveTemplate';
import { PageTemplateBar } from './shape/PageTemplateBar';
import { usePageZoom } from './zoom/usePageZoom';
import { ZoomControl } from './zoom/ZoomControl';

interface Props {
  date: string | null;
  onDate: (date: string) => void;
  onProof: (date: string, page: string) => void;
  /** The export feature's panel for the issue shown (null before a plan loads), handed down by app/. */
  exportPanel: (date: string | null) => ReactNode;
  /** The sync feature's banners for the day's plan (a conflict between desks, a refusal by the hub), from app/. */
  planBanners: (date: string | null) => ReactNode;
}

const hasProblem = (r: FlatplanRow) => r.problems.some((p) => p !== 'empty');

// What an edit is about, so a refusal stays until a later edit on the same slot or page settles it.
const slotSubject = (page: string, slotId: string) => `slot:${page}/${slotId}`;
const shapeSubject = (edit: SlotEdit) => ('slotId' in edit ? slotSubject(edit.page, edit.slotId) : `page:${edit.page}`);

export function FlatplanScreen({ date, onDate, onProof, exportPanel, planBanners }: Props) {
  const t = useT();
  const { settings } = useSettings();
  const grid = useMemo(() => pageGrid(settings.pageGeometry), [settings.pageGeometry]);
  const [issueDates, setIssueDates] = useState<string[] | null>(null);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [focus, setFocus] = useState(0);
  const [picked, setPicked] = useState<Picked | null>(null);
  const { plan, error, refusals, busy, run, undo, undoLast, reload, dismissRefusal } = usePlan(date);
  useMeasureFlatplan(plan, reload);
  const [poolStatus, setPoolStatus] = useState<PoolStatus>('approved');
  const [poolQuery, setPoolQuery] = useState('');
  const pool = useStoryPool(poolStatus, poolQuery.trim() !== '');
  const pagesArea = useRef<HTMLDivElement>(null);
  const zoom = usePageZoom(pagesArea, plan?.issue.pages.length ?? 0);
  // Shaping a page (draw, move, resize, split, merge, delete, target): one plan rule edit, one undo step.
  const shape = useCallback(
    (edit: SlotEdit, label: ShapeUndo) =>
      date
        ? run(
            t(label === 'move' ? 'plan.undo.slotMove' : `plan.undo.${label}`),
            (baseRevision) => api.call('pageplan.shape', { date, edit, baseRevision }),
            shapeSubject(edit),
            // The same rule main runs, so a second key press while this one saves starts where it left the slot.
            (content) => {
              const done = applySlotEdit(content, grid, edit);
              return done.ok ? done.plan : null;
            },
          )
        : Promise.resolve(false),
    [date, grid, run, t],
  );
  // A page layout template laid onto a page whose slots are empty: one plan edit, one undo step.
  const applyPageTemplate = useCallback(
    (name: string, page: string) =>
      date
        ? run(
            t('plan.undo.pageTemplate'),
            (baseRevision) => api.call('pageplan.applyPageTemplate', { name, date, page, baseRevision }),
            `page:${page}`,
          )
        : Promise.resolve(false),
    [date, run, t],
  );

  useEffect(() => {
    void api.call('issues.list', {}).then((r) => {
      if (!r.ok) return;
      setIssueDates(r.value.map((i) => i.date));
      if (!date && r.value[0]) onDate(r.value[0].date);
    });
  }, [date, onDate, plan?.issue.id]);

  const rows = plan?.rows ?? [];
  // The pool holds unplaced stories; one placed a moment ago leaves it at the next reload.
  const waiting = useMemo(
    () => (pool.items ?? []).filter((s) => !s.placement && matchesPool(s, poolQuery)),
    [pool.items, poolQuery],
  );
  const slotIndex = (page: string, slotId: string) => rows.findIndex((r) => r.page === page && r.slotId === slotId);

  const dropOn = useCallback(
    async (row: FlatplanRow, what: Picked, jump = false) => {
      if (!date) return;
      setPicked(null);
      if (what.kind === 'story') {
        // A story already in this issue's plan gets its second part (转版) instead of moving.
        const jump = rows.some((r) => r.articleId === what.articleId);
        await run(
          t('plan.undo.place'),
          (baseRevision) =>
            api.call('pageplan.place', {
              articleId: what.articleId,
              date,
              page: row.page,
              slotId: row.slotId,
              jump,
              baseRevision,
            }),
          slotSubject(row.page, row.slotId),
        );
      } else if (jump && what.page !== row.page) {
        const source = rows.find((r) => r.page === what.page && r.slotId === what.slotId);
        if (!source?.articleId) return;
        const articleId = source.articleId;
        await run(
          t('plan.undo.jump'),
          (baseRevision) =>
            api.call('pageplan.place', {
              articleId,
              date,
              page: row.page,
              slotId: row.slotId,
              jump: true,
              baseRevision,
            }),
          slotSubject(row.page, row.slotId),
        );
      } else if (what.page !== row.page || what.slotId !== row.slotId) {
        await run(
          t('plan.undo.move'),
          (baseRevision) =>
            api.call('pageplan.move', {
              date,
              from: { page: what.page, slotId: what.slotId },
              to: { page: row.page, slotId: row.slotId },
              baseRevision,
            }),
          slotSubject(what.page, what.slotId),
        );
      }
    },
    [date, rows, run, t],
  );

  const unplace = useCallback(
    async (row: FlatplanRow) => {
      if (!row.articleId) return;
      const articleId = row.articleId;
      await run(
        t('plan.undo.unplace'),
        (baseRevision) => api.call('pageplan.unplace', { articleId, baseRevision }),
        slotSubject(row.page, row.slotId),
      );
    },
    [run, t],
  );

  const onSlotKey = (e: KeyboardEvent, row: FlatplanRow, index: number) => {
    const move = (to: number) => {
      e.preventDefault();
      const next = Math.max(0, Math.min(rows.length - 1, to));
      setFocus(next);
      const target = rows[next];
      if (target)
        document
          .querySelector<HTMLElement>(
            `[data-testid="fp-slot"][data-page="${target.page}"][data-slot="${target.slotId}"]`,
          )
          ?.focus();
    };
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      // By position on the page as drawn, not by order in the plan.
      const shown = shownPages.map((page) => ({
        label: page.label,
        slots: page.slots.map((slot) => ({
          id: slot.id,
          region: slotRegion(slot, grid, bandOf({ pages }, page, slot.id)),
        })),
      }));
      move(arrowRow(shown, grid.geometry.columns, slotIndex, index, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (picked) void dropOn(row, picked);
      else onProof(date!, row.page);
    } else if (e.key === ' ') {
      e.preventDefault();
      if (row.articleId) setPicked({ kind: 'slot', page: row.page, slotId: row.slotId });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      void unplace(row);
    } else if (e.key === 'Escape') setPicked(null);
  };

  const onScreenKey = (e: KeyboardEvent) => {
    const typing = (e.target as HTMLElement).closest('input, select, textarea');
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // The zoom and the proof, one key each.
      if (e.key === '-' || e.key === '+' || e.key === '=') {
        e.preventDefault();
        if (e.key === '-') zoom.zoomOut();
        else zoom.zoomIn();
        return;
      }
      if ((e.key === 'p' || e.key === 'P') && date) {
        const page = rows[focus]?.page ?? plan?.issue.pages[0]?.label;
        if (page) {
          e.preventDefault();
          onProof(date, page);
        }
        return;
      }
    }
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && undo.length > 0) {
      e.preventDefault();
      void undoLast();
    }
  };

  const pages = plan?.issue.pages ?? [];
  const shownPages = problemsOnly ? pages.filter((p) => rows.some((r) => r.page === p.label && hasProblem(r))) : pages;
  const problemCount = rows.filter(hasProblem).length;

  return (
    <div className="flatplan" data-testid="flatplan" data-saving={busy ? 'yes' : 'no'} onKeyDown={onScreenKey}>
      <div className="fp-bar-top">
        <label className="fp-date">
          {t('plan.issue')}
          <select value={date ?? ''} onChange={(e) => onDate(e.currentTarget.value)} data-testid="fp-date">
            {!date && <option value="">—</option>}
            {(issueDates ?? []).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        {plan && (
          <span className="fp-meta" data-testid="fp-meta">
            {t('plan.meta', { number: plan.issue.number, pages: pages.length, revision: plan.issue.revision })}
          </span>
        )}
        <label className="check">
          <input
            type="checkbox"
            checked={problemsOnly}
            onChange={(e) => setProblemsOnly(e.currentTarget.checked)}
            data-testid="fp-problems-only"
          />
          {t('plan.problemsOnly', { n: problemCount })}
        </label>
        <button
          type="button"
          className="btn"
          disabled={undo.length === 0}
          onClick={() => void undoLast()}
          data-testid="fp-undo"
        >
          {t('plan.undo', { what: undo.at(-1)?.label ?? '' })}
        </button>
        <ZoomControl zoom={zoom.zoom} onZoom={zoom.setZoom} />
        {plan && date && <SaveTemplate date={date} saving={busy} />}
        <span className="spacer" />
        <span className="muted hint">{picked ? t('plan.pickedHint') : t('plan.keyboardHint')}</span>
        {exportPanel(plan ? date : null)}
      </div>
      {plan && date && (
        <PageTemplateBar
          date={date}
          issue={plan.issue}
          grid={grid}
          focusedPage={rows[focus]?.page ?? null}
          onApply={applyPageTemplate}
          saving={busy}
        />
      )}
      <NewIssueForm issueDates={issueDates ?? []} onCreated={onDate} />
      {planBanners(plan ? date : null)}
      {error && (
        <div className="banner banner-error" data-testid="fp-load-error">
          {errorText(t, error)}
        </div>
      )}
      {refusals.map((r) => (
        <div
          key={r.subject}
          className="banner banner-error"
          data-testid="fp-error"
          data-subject={r.subject}
          onClick={() => dismissRefusal(r.subject)}
        >
          {errorText(t, r.error)}
        </div>
      ))}
      {plan && rows[focus] && <SlotToolbar plan={plan.issue} grid={grid} row={rows[focus]} onEdit={shape} />}
      <div className="fp-main">
        <div
          className={`fp-pages fp-zoomed${zoom.thumbnails ? ' is-thumbs' : ''}`}
          role="region"
          aria-label={t('plan.title')}
          ref={pagesArea}
          style={zoom.style}
          data-zoom={zoom.zoom}
        >
          {!plan && !error && <div className="empty">{date ? t('app.loading') : t('plan.noIssue')}</div>}
          {shownPages.map((page) => (
            <section
              key={page.label}
              className="fp-page"
              data-testid="fp-page"
              data-page={page.label}
              aria-label={`${page.label} ${page.section}`}
            >
              <header>
                <button
                  type="button"
                  className="link-btn"
                  onClick={() => onProof(date!, page.label)}
                  data-testid="fp-open-proof"
                >
                  {page.label}
                </button>
                <span>{page.section}</span>
              </header>
              <ShapeSheet
                plan={plan!.issue}
                page={page}
                grid={grid}
                rows={rows.filter((r) => r.page === page.label)}
                selected={rows[focus]?.page === page.label ? rows[focus].slotId : null}
                onEdit={shape}
              >
                {page === pages[0] && (
                  <div className="fp-masthead" style={{ height: `${(MASTHEAD_LINES / grid.linesPerColumn) * 100}%` }}>
                    {settings.paperName}
                  </div>
                )}
                {page.slots.map((slot) => {
                  const index = slotIndex(page.label, slot.id);
                  const row = rows[index];
                  if (!row) return null;
                  return (
                    <SlotCard
                      key={slot.id}
                      row={row}
                      region={slotRegion(slot, grid, bandOf({ pages }, page, slot.id))}
                      columns={grid.geometry.columns}
                      linesPerColumn={grid.linesPerColumn}
                      focused={index === focus}
                      dimmed={problemsOnly && !hasProblem(row)}
                      picked={picked?.kind === 'slot' && picked.page === row.page && picked.slotId === row.slotId}
                      onFocus={() => setFocus(index)}
                      onDrop={(what, jump) => void dropOn(row, what, jump)}
                      onKeyDown={(e) => onSlotKey(e, row, index)}
                      onOpen={() => onProof(date!, row.page)}
                    />
                  );
                })}
              </ShapeSheet>
            </section>
          ))}
        </div>
        <StoryPanel
          stories={waiting}
          total={pool.total}
          onMore={pool.more}
          pickedId={picked?.kind === 'story' ? picked.articleId : null}
          status={poolStatus}
          onStatus={setPoolStatus}
          query={poolQuery}
          onQuery={setPoolQuery}
          onPick={(id) => {
            setPicked({ kind: 'story', articleId: id });
            const row = rows[focus];
            if (row)
              document
                .querySelector<HTMLElement>(
                  `[data-testid="fp-slot"][data-page="${row.page}"][data-slot="${row.slotId}"]`,
                )
                ?.focus();
          }}
        />
      </div>
    </div>
  );
}
