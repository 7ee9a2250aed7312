/** The import preview: what copy.parse recognised, laid out as the story will be filled. */
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import type { CopyPreview as CopyPreviewData } from '../../../shared/model/parsedCopy';
import { isListedCreditRole } from '../../../shared/rules/creditCheck';

/** Mirrors headlineFields in shared/rules/copy/toContent: 1 line is the headline; 2+ are kicker, headline, subheadline. */
function headlineRole(index: number, count: number): MessageKey {
  if (count === 1 || index === 1) return 'story.headline';
  return index === 0 ? 'story.kicker' : 'story.subheadline';
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="copy-preview-row" data-testid={testId}>
      <span className="copy-preview-label">{label}</span>
      <div className="copy-preview-value">{children}</div>
    </div>
  );
}

export function CopyPreview({ parsed }: { parsed: CopyPreviewData }) {
  const t = useT();
  const none = <span className="muted">{t('copy.preview.none')}</span>;
  const names = (list: string[]) => (list.length > 0 ? list.join('、') : none);
  return (
    <div className="copy-preview" data-testid="copy-preview">
      {parsed.removedControls && (
        <div className="banner banner-warn" role="status" data-testid="copy-preview-cleaned">
          {t('copy.cleaned', {
            count: parsed.removedControls.count,
            codes: parsed.removedControls.codePoints.join(' '),
          })}
        </div>
      )}
      {parsed.duplicates && parsed.duplicates.length > 0 && (
        <div className="banner banner-warn" role="alert" data-testid="copy-preview-duplicate">
          <strong>{t('copy.preview.duplicate')}</strong>
          {parsed.duplicates.map((d) => (
            <div key={d.id} data-testid="copy-preview-duplicate-item" data-id={d.id}>
              {t('copy.preview.duplicateOf', {
                headline: d.headline,
                by: d.createdBy,
                at: d.createdAt.slice(0, 16).replace('T', ' '),
                percent: Math.floor(d.similarity * 100),
              })}
            </div>
          ))}
        </div>
      )}
      <Row label={t('copy.preview.kind')} testId="copy-preview-kind">
        {t(`kind.${parsed.kind}`)}
      </Row>
      <Row label={t('copy.preview.headline')} testId="copy-preview-headlines">
        {parsed.headlineLines.length === 0
          ? none
          : parsed.headlineLines.map((line, i) => (
              <div key={i} className="copy-preview-headline" data-testid="copy-preview-headline">
                <span className="copy-role-tag">{t(headlineRole(i, parsed.headlineLines.length))}</span>
                <span className={i === 1 || parsed.headlineLines.length === 1 ? 'copy-hl-main' : 'copy-hl-side'}>
                  {line}
                </span>
              </div>
            ))}
      </Row>
      <Row label={t('copy.preview.source')} testId="copy-preview-source">
        {parsed.source ?? none}
      </Row>
      <Row label={t('copy.preview.reporters')} testId="copy-preview-reporters">
        {parsed.bylines && parsed.bylines.length > 0
          ? parsed.bylines.map((b, i) => (
              <span key={i} className="copy-preview-byline" data-testid="copy-preview-byline" data-role={b.role}>
                {i > 0 ? '、' : ''}
                {b.role !== '其他' && <span className="copy-role-tag">{b.role}</span>}
                {b.name}
                {!isListedCreditRole(b.role) && (
                  <span className="copy-credit-flag" data-testid="copy-preview-role-unlisted">
                    {t('copy.preview.roleUnlisted')}
                  </span>
                )}
              </span>
            ))
          : names(parsed.reporters)}
      </Row>
      <Row label={t('copy.preview.correspondents')} testId="copy-preview-correspondents">
        {names(parsed.correspondents)}
      </Row>
      <Row label={t('copy.preview.paragraphs')} testId="copy-preview-paragraphs">
        <span data-testid="copy-preview-paragraph-count">
          {t('copy.preview.paragraphCount', { n: parsed.paragraphs.length })}
        </span>
        {parsed.paragraphs[0] && <div className="copy-preview-first">{parsed.paragraphs[0]}</div>}
      </Row>
      <Row label={t('copy.preview.photos')} testId="copy-preview-photos">
        {parsed.photos.length === 0
          ? none
          : parsed.photos.map((p, i) => (
              <div key={i} className="copy-preview-photo">
                {p.caption} <span className="copy-credit">{p.credit || t('copy.preview.noCredit')}</span>
              </div>
            ))}
      </Row>
      {parsed.signature.length > 0 && (
        <Row label={t('copy.preview.signature')} testId="copy-preview-signature">
          {parsed.signature.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </Row>
      )}
    </div>
  );
}
