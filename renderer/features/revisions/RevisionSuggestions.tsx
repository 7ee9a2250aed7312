/** Who made which change: the suggestions (留痕) a revision carries, each with its author, role, time and words. */
import { useMemo } from 'react';
import type { Article } from '../../../shared/model/article';
import { changeList } from '../../../shared/rules/suggestions/changeList';
import { authorSlotIn } from '../../editor/suggestions/authorColour';
import { useT } from '../../i18n/i18n';

export function RevisionSuggestions({ article }: { article: Article }) {
  const t = useT();
  const table = useMemo(() => new Map((article.changes ?? []).map((c) => [c.id, c])), [article.changes]);
  // Header fields' and credits' suggestions are listed with the body's.
  const items = useMemo(
    () => changeList(article.body, table.values(), article.tracked),
    [article.body, article.tracked, table],
  );
  if (items.length === 0) return null;
  return (
    <section className="rev-suggestions" data-testid="revision-suggestions">
      <div className="rev-suggestions-title">
        {t('review.revisionChanges')} · {t('revisions.revision', { n: article.revision })}
      </div>
      <ul>
        {items.map((item) => (
          <li
            key={item.id}
            className={`sg-author-${authorSlotIn(table, item.author)}`}
            data-testid="revision-suggestion"
            data-author={item.author ?? ''}
          >
            <span className="review-swatch" />
            <strong>{item.author ?? t('review.unknownAuthor')}</strong>
            <span className="muted">{item.role ? t(`role.${item.role}`) : ''}</span>
            <span className="muted">{item.at ? item.at.slice(5, 16).replace('T', ' ') : ''}</span>
            <span className="review-kind">{t(`review.kind.${item.kind}`)}</span>
            <span className={item.kind === 'delete' ? 'review-text-del' : 'review-text'}>{item.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
