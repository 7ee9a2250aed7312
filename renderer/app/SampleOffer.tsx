/** First start with an empty store: offer the sample issue. */
import { useState } from 'react';
import { api } from '../api/transport';
import { errorText } from '../i18n/errorText';
import { useT } from '../i18n/i18n';

export function SampleOffer({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="sample-offer" data-testid="sample-offer">
      <h2>{t('sample.title')}</h2>
      <p>{t('sample.body')}</p>
      {error && <div className="banner banner-error">{error}</div>}
      <div className="dialog-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={loading}
          data-testid="load-sample"
          onClick={async () => {
            setLoading(true);
            const r = await api.call('sample.load', {});
            setLoading(false);
            if (r.ok) onDone();
            else setError(errorText(t, r.error));
          }}
        >
          {loading ? t('sample.loading') : t('sample.load')}
        </button>
        <button type="button" className="btn" onClick={onDone} data-testid="skip-sample">
          {t('sample.skip')}
        </button>
      </div>
    </div>
  );
}
