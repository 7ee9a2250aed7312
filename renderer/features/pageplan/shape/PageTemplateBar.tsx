/** One page as a layout template (版式模板): save the chosen page's slots by name, or lay a saved one onto it. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Issue } from '../../../../shared/model/issue';
import type { PageGrid } from '../../../../shared/rules/pageplan/pageGrid';
import { applyPageLayout, type PageLayout } from '../../../../shared/rules/pageplan/pageLayouts';
import { api } from '../../../api/transport';
import { useT } from '../../../i18n/i18n';
import { refusalText } from './refusalText';
import { TemplateNameForm } from './TemplateNameForm';

interface Props {
  date: string;
  issue: Issue;
  grid: PageGrid;
  /** The page of the focused slot: the bar follows it until another page is chosen here. */
  focusedPage: string | null;
  /** Applies a layout to a page as one plan edit and one undo step; false when main refused it. */
  onApply: (name: string, page: string) => Promise<boolean>;
  /** Plan edits are still being saved: the page is saved as a template from the saved plan, so it waits. */
  saving: boolean;
}

type Listed = { name: string; layout: PageLayout };

export function PageTemplateBar({ date, issue, grid, focusedPage, onApply, saving }: Props) {
  const t = useT();
  const [page, setPage] = useState(focusedPage ?? issue.pages[0]?.label ?? '');
  const [list, setList] = useState<Listed[]>([]);
  const [chosen, setChosen] = useState('');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (focusedPage) setPage(focusedPage);
  }, [focusedPage]);
  const load = useCallback(
    () =>
      void api.call('pageplan.pageTemplates', {}).then((r) => {
        if (!r.ok) return;
        setList(r.value);
        setChosen((c) => (r.value.some((l) => l.name === c) ? c : (r.value[0]?.name ?? '')));
      }),
    [],
  );
  useEffect(load, [load]);

  // The same rule main applies, run here first: the reason shows before the click, in the reader's language
  // (main refuses too, should the plan have changed in between).
  const layout = list.find((l) => l.name === chosen)?.layout;
  const check = useMemo(
    () => (layout ? applyPageLayout(issue, grid, page, layout) : null),
    [layout, issue, grid, page],
  );
  const why =
    check && !check.ok
      ? check.kind === 'story'
        ? t('plan.pageTemplate.placedHint', { page })
        : refusalText(t, check)
      : null;

  const save = async (name: string) => {
    const r = await api.call('pageplan.savePageTemplate', { name, date, page });
    if (r.ok) {
      setSaid({ ok: true, text: t('plan.pageTemplate.saved', { page, name: r.value.name }) });
      setChosen(r.value.name);
      load();
    } else setSaid({ ok: false, text: r.error.message });
    return r.ok;
  };

  return (
    <div className="fp-page-template" data-testid="fp-page-template">
      <label>
        {t('plan.pageTemplate.page')}
        <select value={page} onChange={(e) => setPage(e.currentTarget.value)} data-testid="fp-page-template-page">
          {issue.pages.map((p) => (
            <option key={p.label} value={p.label}>
              {p.label} {p.section}
            </option>
          ))}
        </select>
      </label>
      <TemplateNameForm
        testId="fp-page-template"
        openLabel={t('plan.pageTemplate.saveAs')}
        placeholder={t('plan.pageTemplate.name')}
        saveLabel={t('plan.pageTemplate.save')}
        saving={saving}
        onSave={save}
      />
      <label>
        {t('plan.pageTemplate.pick')}
        <select
          value={chosen}
          onChange={(e) => setChosen(e.currentTarget.value)}
          onFocus={load}
          disabled={list.length === 0}
          data-testid="fp-page-template-pick"
        >
          {list.length === 0 && <option value="">{t('plan.pageTemplate.none')}</option>}
          {list.map((l) => (
            <option key={l.name} value={l.name}>
              {t('plan.pageTemplate.option', {
                name: l.name,
                slots: l.layout.slots.length,
                masthead: l.layout.masthead ? t('plan.pageTemplate.masthead') : '',
              })}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn"
        disabled={!check?.ok}
        title={why ?? undefined}
        onClick={() => void onApply(chosen, page).then((done) => done && setSaid(null))}
        data-testid="fp-page-template-apply"
      >
        {t('plan.pageTemplate.apply', { page })}
      </button>
      {why && (
        <span className="fp-error" data-testid="fp-page-template-why">
          {why}
        </span>
      )}
      {said && (
        <span className={said.ok ? 'muted' : 'fp-error'} data-testid="fp-page-template-said">
          {said.text}
        </span>
      )}
    </div>
  );
}
