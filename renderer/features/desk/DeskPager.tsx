/** Moves the desk list page by page: which stories are shown out of how many, previous and next. */
import { useT } from '../../i18n/i18n';

interface Props {
  /** 0-based page asked for: the buttons turn from here, so quick clicks add up. */
  page: number;
  /** 0-based page whose rows are on screen (the answer to `page` may still be on its way). */
  shownPage: number;
  pages: number;
  /** 1-based positions of the first and last story shown. */
  first: number;
  last: number;
  total: number;
  onTurn: (page: number) => void;
}

export function DeskPager({ page, shownPage, pages, first, last, total, onTurn }: Props) {
  const t = useT();
  return (
    <nav className="desk-pager" data-testid="desk-pager" aria-label={t('desk.pager')}>
      <button
        type="button"
        className="btn"
        disabled={page === 0}
        onClick={() => onTurn(page - 1)}
        data-testid="desk-prev"
      >
        {t('desk.prevPage')}
      </button>
      <span className="muted" data-testid="desk-range">
        {t('desk.pageRange', { first, last, total, page: shownPage + 1, pages })}
      </span>
      <button
        type="button"
        className="btn"
        disabled={page >= pages - 1}
        onClick={() => onTurn(page + 1)}
        data-testid="desk-next"
      >
        {t('desk.nextPage')}
      </button>
    </nav>
  );
}
