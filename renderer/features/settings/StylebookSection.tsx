/**
 * 本报用语规范 in settings: the chief editor edits entries (wrong → right, reason, 必改/建议, scope,
 * exceptions) and the kept words, or imports/exports the whole book as CSV; other desks see it read-only.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { StylebookEntry } from '../../../shared/model/stylebook';
import { parseStylebookCsv, StylebookCsvError, stylebookToCsv } from '../../../shared/rules/lint/stylebookCsv';
import { deskIdentity } from '../../../shared/model/settings';
import { useApi } from '../../api/apiContext';
import { useSettings } from '../../common/settingsContext';
import { useReloadOnEvents } from '../../common/useReloadOnEvents';
import { errorText } from '../../i18n/errorText';
import { useT } from '../../i18n/i18n';

/** A long book is searched, not scrolled: the table shows this many rows. */
const SHOWN = 50;
const BLANK: StylebookEntry = {
  wrong: '',
  right: '',
  reason: '',
  severity: 'must',
  scope: 'substring',
  exceptions: [],
};

export function StylebookSection() {
  const t = useT();
  const api = useApi();
  const { settings } = useSettings();
  const canEdit = deskIdentity(settings).role === 'chief-editor';
  const [entries, setEntries] = useState<StylebookEntry[]>([]);
  const [keep, setKeep] = useState('');
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  /** Unsaved changes here: an edit arriving from the hub meanwhile must not wipe them. */
  const dirty = useRef(false);
  const reload = useCallback(async () => {
    if (dirty.current) return;
    const got = await api.call('stylebook.get', {});
    if (!got.ok || dirty.current) return;
    setEntries(got.value.entries);
    setKeep(got.value.keep.join('｜'));
  }, [api]);
  useReloadOnEvents(reload, (e) => e.event === 'stylebook.saved', 50);

  const shown = useMemo(() => {
    const f = filter.trim();
    return entries
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => !f || entry.wrong.includes(f) || entry.right.includes(f) || entry.reason.includes(f))
      .slice(0, SHOWN);
  }, [entries, filter]);
  const matching = filter.trim() ? shown.length : entries.length;

  const change = (next: (list: StylebookEntry[]) => StylebookEntry[]) => {
    dirty.current = true;
    setEntries(next);
  };
  const edit = (index: number, patch: Partial<StylebookEntry>) =>
    change((list) => list.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  const keepWords = () =>
    keep
      .split(/[｜|\n]/)
      .map((w) => w.trim())
      .filter(Boolean);

  const save = async () => {
    const r = await api.call('stylebook.save', { entries: entries.filter((e) => e.wrong.trim()), keep: keepWords() });
    if (r.ok) dirty.current = false;
    setMessage(r.ok ? { ok: true, text: t('stylebook.saved') } : { ok: false, text: errorText(t, r.error) });
  };

  const importCsv = async (file: File) => {
    try {
      const book = parseStylebookCsv(await file.text());
      change(() => book.entries);
      setKeep(book.keep.join('｜'));
      setMessage(null);
    } catch (e) {
      const text = e instanceof StylebookCsvError ? e.message : String(e);
      setMessage({ ok: false, text });
    }
  };

  const exportCsv = () => {
    const blob = new Blob([`\uFEFF${stylebookToCsv({ entries, keep: keepWords() })}`], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = '本报用语规范.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <fieldset className="meta-field stylebook" data-testid="stylebook-section">
      <legend>{t('stylebook.title')}</legend>
      <div className="stylebook-bar">
        <span className="muted" data-testid="stylebook-count">
          {t('stylebook.count', { n: entries.length, k: keepWords().length })}
        </span>
        <span className="spacer" />
        <input
          className="stylebook-filter"
          placeholder={t('stylebook.filter')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          data-testid="stylebook-filter"
        />
        {canEdit && (
          <label className="btn btn-small">
            {t('stylebook.import')}
            <input
              type="file"
              accept=".csv,text/csv"
              hidden
              data-testid="stylebook-import"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void importCsv(file);
                e.currentTarget.value = '';
              }}
            />
          </label>
        )}
        <button type="button" className="btn btn-small" onClick={exportCsv} data-testid="stylebook-export">
          {t('stylebook.export')}
        </button>
      </div>
      {!canEdit && <p className="muted hint">{t('stylebook.readOnly')}</p>}
      <table className="stylebook-table">
        <thead>
          <tr>
            <th>{t('stylebook.wrong')}</th>
            <th>{t('stylebook.right')}</th>
            <th>{t('stylebook.reason')}</th>
            <th>{t('stylebook.severity')}</th>
            <th>{t('stylebook.scope')}</th>
            <th>{t('stylebook.exceptions')}</th>
            {canEdit && <th />}
          </tr>
        </thead>
        <tbody>
          {shown.map(({ entry, index }) => (
            <tr key={index} data-testid="stylebook-row">
              <td>
                <input
                  value={entry.wrong}
                  readOnly={!canEdit}
                  maxLength={40}
                  data-testid="stylebook-wrong"
                  onChange={(e) => edit(index, { wrong: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  value={entry.right}
                  readOnly={!canEdit}
                  maxLength={40}
                  data-testid="stylebook-right"
                  onChange={(e) => edit(index, { right: e.currentTarget.value })}
                />
              </td>
              <td>
                <input
                  value={entry.reason}
                  readOnly={!canEdit}
                  maxLength={200}
                  onChange={(e) => edit(index, { reason: e.currentTarget.value })}
                />
              </td>
              <td>
                <select
                  value={entry.severity}
                  disabled={!canEdit}
                  onChange={(e) => edit(index, { severity: e.currentTarget.value as StylebookEntry['severity'] })}
                >
                  <option value="must">{t('lint.severity.must')}</option>
                  <option value="suggest">{t('lint.severity.suggest')}</option>
                </select>
              </td>
              <td>
                <select
                  value={entry.scope}
                  disabled={!canEdit}
                  onChange={(e) => edit(index, { scope: e.currentTarget.value as StylebookEntry['scope'] })}
                >
                  <option value="substring">{t('stylebook.scope.substring')}</option>
                  <option value="word">{t('stylebook.scope.word')}</option>
                </select>
              </td>
              <td>
                <input
                  value={entry.exceptions.join('｜')}
                  readOnly={!canEdit}
                  onChange={(e) =>
                    edit(index, {
                      exceptions: e.currentTarget.value
                        .split(/[｜|]/)
                        .map((x) => x.trim())
                        .filter(Boolean),
                    })
                  }
                />
              </td>
              {canEdit && (
                <td>
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    onClick={() => change((l) => l.filter((_, i) => i !== index))}
                  >
                    {t('stylebook.remove')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {matching > SHOWN && <p className="muted hint">{t('stylebook.more', { n: matching - SHOWN })}</p>}
      <label className="meta-field">
        <span>{t('stylebook.keep')}</span>
        <input
          value={keep}
          readOnly={!canEdit}
          onChange={(e) => {
            dirty.current = true;
            setKeep(e.currentTarget.value);
          }}
          data-testid="stylebook-keep"
        />
      </label>
      {message && (
        <div className={`banner ${message.ok ? 'banner-ok' : 'banner-error'}`} data-testid="stylebook-message">
          {message.text}
        </div>
      )}
      {canEdit && (
        <div className="stylebook-bar">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => change((l) => [BLANK, ...l])}
            data-testid="stylebook-add"
          >
            {t('stylebook.add')}
          </button>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={() => void save()}
            data-testid="stylebook-save"
          >
            {t('stylebook.save')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
