/**
 * The copy desk's check panel: credit problems first, then findings grouped by rule, each naming
 * its source (GB/T 15835 clause, 本报用语规范 entry, OpenCC), to accept, ignore (remembered for the
 * story) or, for a name or title, keep as written in this story.
 */
import { findingCountText } from '../../i18n/findingCount';
import { memo, useMemo } from 'react';
import { Transforms } from 'slate';
import { ReactEditor } from 'slate-react';
import { LINT_RULES, sourceOf, type LintRule } from '../../../shared/rules/punctuation';
import type { StoryEditor } from '../../editor/customTypes';
import { useT, type Translate } from '../../i18n/i18n';
import { pointInBlock } from './applyLintFix';
import './copydesk.css';
import type { LintItem } from './lintItems';
import { useLint } from './useLint';
import { useHouseRules } from './useHouseRules';
import type { LintPanelProps } from '../../common/storyPanels';

type Props = LintPanelProps;

/** A story with hundreds of one kind of slip lists the first ones; accept-all still fixes every one. */
const SHOWN_PER_RULE = 100;

function whereLabel(item: LintItem, t: Translate): string {
  const { location } = item.finding;
  if (location.field === 'body') return t('lint.where.body', { n: location.block + 1 });
  if (location.field === 'caption') return t('lint.where.caption', { n: location.block + 1 });
  return t(`story.${location.field}`);
}

/** Shows a body finding in the editor: selects it, and slate-react scrolls the selection into view. */
function reveal(editor: StoryEditor, item: LintItem) {
  const { location, start, end } = item.finding;
  if (location.field !== 'body') return;
  try {
    const anchor = pointInBlock(editor, location.block, start, 'start');
    const focus = pointInBlock(editor, location.block, end, 'end');
    ReactEditor.focus(editor);
    Transforms.select(editor, { anchor, focus });
  } catch {
    // The text changed under a stale finding; the next lint shows where it is now.
  }
}

/** Findings a name or a quoted title can cause: the found words may be kept as written in this story. */
const KEEPABLE: ReadonlySet<LintRule> = new Set(['traditional-character', 'stylebook']);

export const LintPanel = memo(function LintPanel({ articleId, editor, fields, setField, readOnly, onClose }: Props) {
  const t = useT();
  const rules = useHouseRules(articleId);
  const lint = useLint({ editor, fields, setField, rules });
  const groups = useMemo(() => {
    const by = new Map<LintRule, LintItem[]>();
    for (const item of lint.items) by.set(item.finding.rule, [...(by.get(item.finding.rule) ?? []), item]);
    return LINT_RULES.flatMap((rule) => (by.has(rule) ? [{ rule, items: by.get(rule)! }] : []));
  }, [lint.items]);
  const { accept, acceptRule, ignore } = lint;
  const { keepWord } = rules;
  /**
   * The rows are built only when the findings change: the story screen re-renders the panel on every
   * keystroke (its counts move), and re-rendering hundreds of rows each time slowed typing down.
   */
  const list = useMemo(
    () =>
      groups.map(({ rule, items }) => {
        const fixable = items.filter((i) => i.finding.fix).length;
        return (
          <section key={rule} className="lint-group" data-testid="lint-group" data-rule={rule}>
            <div className="lint-group-head">
              <span className="lint-section-title">
                {t(`lint.rule.${rule}`)} <span className="lint-badge">{items.length}</span>
              </span>
              <span className="spacer" />
              {fixable > 0 && (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={readOnly}
                  onClick={() => acceptRule(rule)}
                  data-testid="lint-accept-rule"
                >
                  {t('lint.acceptAll', { n: fixable })}
                </button>
              )}
            </div>
            <ul>
              {items.slice(0, SHOWN_PER_RULE).map((item) => (
                <LintRow
                  key={item.key}
                  item={item}
                  where={whereLabel(item, t)}
                  readOnly={readOnly}
                  t={t}
                  onReveal={() => reveal(editor, item)}
                  onAccept={() => accept(item)}
                  onIgnore={() => ignore(item)}
                  onKeep={KEEPABLE.has(rule) && item.found ? () => keepWord(item.found) : null}
                />
              ))}
            </ul>
            {items.length > SHOWN_PER_RULE && (
              <div className="muted lint-more">{t('lint.more', { n: items.length - SHOWN_PER_RULE })}</div>
            )}
          </section>
        );
      }),
    [groups, readOnly, t, editor, accept, acceptRule, ignore, keepWord],
  );

  return (
    <aside className="lint-panel" data-testid="lint-panel" aria-label={t('lint.title')}>
      <div className="lint-head">
        <strong>{t('lint.title')}</strong>
        <span className="muted" data-testid="lint-count">
          {findingCountText(t, { punctuation: lint.items.length, credit: lint.credit.length })}
        </span>
        <span className="spacer" />
        <button type="button" className="icon-btn" title={t('lint.close')} onClick={onClose} data-testid="lint-close">
          ×
        </button>
      </div>
      <section className="lint-credit" data-testid="lint-credit">
        <div className="lint-section-title">{t('lint.credit')}</div>
        {lint.credit.length === 0 ? (
          <div className="lint-ok">{t('lint.creditOk')}</div>
        ) : (
          <ul>
            {lint.credit.map((p, i) => (
              <li key={i} className="lint-credit-problem" data-testid="credit-problem" data-code={p.code}>
                {p.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {groups.length === 0 && <div className="lint-ok lint-none">{t('lint.none')}</div>}
      {list}
      {lint.ignoredCount > 0 && (
        <div className="muted lint-more" data-testid="lint-dismissed">
          {t('lint.dismissedStory', { n: lint.ignoredCount })}
        </div>
      )}
    </aside>
  );
});

interface RowProps {
  item: LintItem;
  where: string;
  readOnly: boolean;
  t: Translate;
  onReveal: () => void;
  onAccept: () => void;
  onIgnore: () => void;
  onKeep: (() => void) | null;
}

function LintRow({ item, where, readOnly, t, onReveal, onAccept, onIgnore, onKeep }: RowProps) {
  const { fix, severity } = item.finding;
  return (
    <li className="lint-item" data-testid="lint-item" data-rule={item.finding.rule}>
      <button type="button" className="lint-excerpt" onClick={onReveal} title={t('lint.reveal')}>
        <span className="lint-where">{where}</span>
        <span className="lint-context">
          …{item.before}
          <mark>{item.found || '\u00a0'}</mark>
          {item.after}…
        </span>
      </button>
      <div className="lint-message">
        {severity === 'suggest' && <span className="lint-severity">{t('lint.severity.suggest')}</span>}
        {item.finding.message}
      </div>
      <div className="lint-source muted" data-testid="lint-source" title={t('lint.source')}>
        {t('lint.source')}：{sourceOf(item.finding)}
      </div>
      <div className="lint-actions">
        {fix && (
          <span className="lint-fix" data-testid="lint-fix">
            {item.replaced && <del>{item.replaced}</del>} → <ins>{fix.replacement || t('lint.delete')}</ins>
          </span>
        )}
        <span className="spacer" />
        {fix && (
          <button
            type="button"
            className="btn btn-small"
            disabled={readOnly}
            onClick={onAccept}
            data-testid="lint-accept"
          >
            {t('lint.accept')}
          </button>
        )}
        {onKeep && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            disabled={readOnly}
            onClick={onKeep}
            title={t('lint.keepWordHint', { word: item.found })}
            data-testid="lint-keep"
          >
            {t('lint.keepWord')}
          </button>
        )}
        <button type="button" className="btn btn-small btn-quiet" onClick={onIgnore} data-testid="lint-ignore">
          {t('lint.ignore')}
        </button>
      </div>
    </li>
  );
}
