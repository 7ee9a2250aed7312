/** The find and replace bar (Ctrl+F / Ctrl+H) above the story. */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { FindController } from './useFind';

export function FindBar({ find }: { find: FindController }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { state } = find;

  useEffect(() => {
    if (state.open) input.current?.select();
  }, [state.open, state.withReplace]);

  if (!state.open) return null;
  const total = state.matches.length;
  return (
    <div
      className="find-bar"
      data-testid="find-bar"
      onKeyDown={(e) => {
        if (e.key === 'Escape') find.close();
      }}
    >
      <input
        ref={input}
        className="find-input"
        placeholder={t('find.find')}
        aria-label={t('find.find')}
        value={state.query}
        data-testid="find-query"
        onChange={(e) => {
          setNotice(null);
          find.setQuery(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            if (e.shiftKey) find.prev();
            else find.next();
          }
        }}
      />
      <span className="find-count" data-testid="find-count">
        {state.query ? (total ? t('find.count', { i: state.current + 1, n: total }) : t('find.none')) : ''}
      </span>
      <button type="button" className="btn btn-small" onClick={find.prev} disabled={!total}>
        {t('find.prev')}
      </button>
      <button type="button" className="btn btn-small" onClick={find.next} disabled={!total}>
        {t('find.next')}
      </button>
      {state.withReplace && (
        <>
          <input
            className="find-input"
            placeholder={t('find.replace')}
            aria-label={t('find.replace')}
            value={state.replacement}
            data-testid="find-replacement"
            onChange={(e) => find.setReplacement(e.currentTarget.value)}
          />
          <button
            type="button"
            className="btn btn-small"
            onClick={find.replaceOne}
            disabled={!total}
            data-testid="find-replace-one"
          >
            {t('find.replaceOne')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={!total}
            data-testid="find-replace-all"
            onClick={() => setNotice(t('find.replaced', { n: find.replaceAll() }))}
          >
            {t('find.replaceAll')}
          </button>
        </>
      )}
      <label className="find-opt">
        <input
          type="checkbox"
          checked={state.options.ignoreCase}
          onChange={(e) => find.setOptions({ ...state.options, ignoreCase: e.currentTarget.checked })}
        />
        {t('find.ignoreCase')}
      </label>
      <label className="find-opt">
        <input
          type="checkbox"
          checked={state.options.ignoreWidth}
          data-testid="find-ignore-width"
          onChange={(e) => find.setOptions({ ...state.options, ignoreWidth: e.currentTarget.checked })}
        />
        {t('find.ignoreWidth')}
      </label>
      {notice && <span className="find-notice">{notice}</span>}
      <button type="button" className="btn btn-small btn-quiet" onClick={find.close}>
        {t('find.close')}
      </button>
    </div>
  );
}
