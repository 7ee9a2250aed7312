/** The story's side panel: kind, source, bylines, correspondents and the desk note. */
import { memo, useState } from 'react';
import { ARTICLE_KINDS, type ArticleKind } from '../../../shared/model/article';
import { useT } from '../../i18n/i18n';
import { BylineEditor, CorrespondentEditor } from './PeopleFields';
import type { StoryFields } from '../../common/storyContent';
import type { ChangeRecord } from '../../../shared/model/suggestions';
import type { FieldsState } from '../../../shared/rules/suggestions/trackedFields';
import { TrackedCredits, TrackedRuns } from '../../editor/suggestions/TrackedMarks';

interface Props {
  fields: StoryFields;
  /** The tracked fields with their pending suggestions (留痕), shown under each. */
  tracked: FieldsState;
  table: Map<string, ChangeRecord> | undefined;
  /** An edit; `caret` (after the edit) places repeated letters right in a tracked text field. */
  onChange: (patch: Partial<StoryFields>, caret?: number) => void;
  readOnly: boolean;
}

export const StoryMeta = memo(function StoryMeta({ fields, tracked, table, onChange, readOnly }: Props) {
  const t = useT();
  const [composing, setComposing] = useState<{ field: 'source' | 'deskNote'; value: string } | null>(null);
  /** An IME composition is one edit, made when committed; other typing is an edit per input event. */
  const textProps = (field: 'source' | 'deskNote') => ({
    value: composing?.field === field ? composing.value : fields[field],
    onCompositionStart: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      setComposing({ field, value: e.currentTarget.value }),
    onCompositionEnd: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      setComposing(null);
      onChange({ [field]: e.currentTarget.value }, e.currentTarget.selectionEnd ?? undefined);
    },
    onChange: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement; nativeEvent: Event }) => {
      const value = e.currentTarget.value;
      if (composing?.field === field || (e.nativeEvent as InputEvent).isComposing) setComposing({ field, value });
      else onChange({ [field]: value }, e.currentTarget.selectionEnd ?? undefined);
    },
  });
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
        <input maxLength={40} readOnly={readOnly} data-testid="field-source" {...textProps('source')} />
        <TrackedRuns
          runs={tracked.text.source}
          table={table}
          testId="marks-source"
          label={t('review.fieldMarks', { field: t('story.source') })}
        />
      </label>
      <div className="meta-field">
        <span>{t('story.bylines')}</span>
        <BylineEditor bylines={fields.bylines} readOnly={readOnly} onChange={(bylines) => onChange({ bylines })} />
        <TrackedCredits
          items={tracked.bylines}
          table={table}
          testId="marks-bylines"
          label={t('review.fieldMarks', { field: t('story.bylines') })}
        />
      </div>
      <div className="meta-field">
        <span>{t('story.correspondents')}</span>
        <CorrespondentEditor
          correspondents={fields.correspondents}
          readOnly={readOnly}
          onChange={(correspondents) => onChange({ correspondents })}
        />
        <TrackedCredits
          items={tracked.correspondents}
          table={table}
          testId="marks-correspondents"
          label={t('review.fieldMarks', { field: t('story.correspondents') })}
        />
      </div>
      <label className="meta-field">
        <span>{t('story.deskNote')}</span>
        <textarea
          rows={5}
          maxLength={4000}
          readOnly={readOnly}
          data-testid="field-desknote"
          {...textProps('deskNote')}
        />
        <TrackedRuns
          runs={tracked.text.deskNote}
          table={table}
          testId="marks-desknote"
          label={t('review.fieldMarks', { field: t('story.deskNote') })}
        />
      </label>
    </aside>
  );
});
