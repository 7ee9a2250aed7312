/** The story's side panel: kind, source, bylines, correspondents and the desk note. */
import { memo } from 'react';
import { ARTICLE_KINDS, type ArticleKind } from '../../../shared/model/article';
import { useT } from '../../i18n/i18n';
import { BylineEditor, CorrespondentEditor } from './PeopleFields';
import type { StoryFields } from '../../common/storyContent';

interface Props {
  fields: StoryFields;
  onChange: (patch: Partial<StoryFields>) => void;
  readOnly: boolean;
}

export const StoryMeta = memo(function StoryMeta({ fields, onChange, readOnly }: Props) {
  const t = useT();
  return (
    <aside className="story-meta">
      <label className="meta-field">
        <span>{t('story.kind')}</span>
        <select
          value={fields.kind}
          disabled={readOnly}
          data-testid="field-kind"
          onChange={(e) => onChange({ kind: e.currentTarget.value as ArticleKind })}
        >
          {ARTICLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="meta-field">
        <span>{t('story.source')}</span>
        <input
          value={fields.source}
          maxLength={40}
          readOnly={readOnly}
          data-testid="field-source"
          onChange={(e) => onChange({ source: e.currentTarget.value })}
        />
      </label>
      <div className="meta-field">
        <span>{t('story.bylines')}</span>
        <BylineEditor bylines={fields.bylines} readOnly={readOnly} onChange={(bylines) => onChange({ bylines })} />
      </div>
      <div className="meta-field">
        <span>{t('story.correspondents')}</span>
        <CorrespondentEditor
          correspondents={fields.correspondents}
          readOnly={readOnly}
          onChange={(correspondents) => onChange({ correspondents })}
        />
      </div>
      <label className="meta-field">
        <span>{t('story.deskNote')}</span>
        <textarea
          rows={5}
          value={fields.deskNote}
          maxLength={4000}
          readOnly={readOnly}
          data-testid="field-desknote"
          onChange={(e) => onChange({ deskNote: e.currentTarget.value })}
        />
      </label>
    </aside>
  );
});
