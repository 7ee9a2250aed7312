/**
 * 已删除: the stories deleted on the hub, which the desk list leaves out. Each names who deleted it
 * and when; 打开 shows it with its revisions (修订记录), 恢复… asks first (the app's own confirm, on
 * top of the list), then brings it back as a new revision on top of the deletion (out of the page
 * plan), as saving a deleted story does.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { contentOf } from '../../../shared/model/article';
import { api, transport } from '../../api/transport';
import { ConfirmDialog } from '../../common/dialog/ConfirmDialog';
import { Dialog } from '../../common/dialog/Dialog';
import { formatDeskTime } from '../../common/formatTime';
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';

type Deleted = ResponseOf<'sync.deleted'>;

function useDeletedStories(): [Deleted, () => Promise<void>] {
  const [list, setList] = useState<Deleted>([]);
  const load = useCallback(async () => {
    const r = await api.call('sync.deleted', {});
    if (r.ok) setList(r.value);
  }, []);
  useEffect(() => {
    void load();
    // A pull that deletes or restores a story ends with a status report and a checked listing.
    return transport.onEvent((e) => {
      if (e.event === 'sync.status' || e.event === 'articles.checked' || e.event === 'article.saved') void load();
    });
  }, [load]);
  return [list, load];
}

export function DeletedStories({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const [list, reload] = useDeletedStories();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The story whose restore is being asked about. */
  const [asking, setAsking] = useState<Deleted[number] | null>(null);
  if (list.length === 0 && !open) return null;

  const who = (by: string) => by || t('deleted.someone');
  const restore = async (story: Deleted[number]) => {
    setAsking(null);
    setError(null);
    const current = await api.call('articles.get', { id: story.id });
    if (!current.ok) return setError(errorText(t, current.error));
    const saved = await api.call('articles.save', {
      id: story.id,
      baseRevision: current.value.revision,
      content: contentOf(current.value),
      restoreDeleted: true,
    });
    if (!saved.ok) return setError(errorText(t, saved.error));
    await reload();
  };

  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="deleted-open">
        {t('deleted.button', { n: list.length })}
      </button>
      {open && (
        <Dialog
          title={t('deleted.title')}
          onClose={() => setOpen(false)}
          className="deleted-dialog"
          testId="deleted-list"
        >
          <p className="muted">{t('deleted.hint')}</p>
          {error && <div className="banner banner-error">{error}</div>}
          {list.length === 0 ? (
            <p className="empty">{t('deleted.none')}</p>
          ) : (
            <table className="deleted-table">
              <thead>
                <tr>
                  <th>{t('desk.field.headline')}</th>
                  <th>{t('deleted.by')}</th>
                  <th>{t('deleted.at')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id} data-testid="deleted-row" data-id={s.id}>
                    <td>
                      <span className={`status-pill status-${s.status}`}>{t(`status.${s.status}`)}</span>{' '}
                      {s.headline || s.id}
                    </td>
                    <td data-testid="deleted-by">{who(s.deletedBy)}</td>
                    <td data-testid="deleted-at" title={s.deletedAt}>
                      {s.deletedAt ? formatDeskTime(s.deletedAt) : ''}
                    </td>
                    <td className="deleted-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="deleted-show"
                        onClick={() => {
                          setOpen(false);
                          onOpen(s.id);
                        }}
                      >
                        {t('deleted.show')}
                      </button>{' '}
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="deleted-restore"
                        onClick={() => {
                          setError(null);
                          setAsking(s);
                        }}
                      >
                        {t('deleted.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="dialog-actions">
            <span className="spacer" />
            <button type="button" className="btn" onClick={() => setOpen(false)} data-testid="deleted-close">
              {t('deleted.close')}
            </button>
          </div>
        </Dialog>
      )}
      {asking && (
        <ConfirmDialog
          title={t('deleted.restoreTitle')}
          message={t('deleted.restoreConfirm', { who: who(asking.deletedBy), headline: asking.headline })}
          confirmLabel={t('deleted.restoreOk')}
          cancelLabel={t('deleted.restoreCancel')}
          onConfirm={() => void restore(asking)}
          onCancel={() => setAsking(null)}
          testId="deleted-restore-confirm"
        />
      )}
    </>
  );
}
