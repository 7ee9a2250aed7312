/** One story being edited: header fields, body, save state, workflow, find and replace. */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Article, ArticleContent } from '../../../shared/model/article';
import type { StoryDocument } from '../../../shared/model/document';
import type { NewsdeskEvent } from '../../../shared/ipc/events';
import { useSettings } from '../../common/settingsContext';
import { createStoryEditor } from '../../editor/createEditor';
import { isHotkey } from '../../editor/hotkeys';
import { StoryBody } from '../../editor/StoryBody';
import { useT } from '../../i18n/i18n';
import { BodyCounts } from './BodyCounts';
import { ConflictDialog } from '../../common/ConflictDialog';
import { FindBar } from '../../common/find/FindBar';
import type { HeadlineField } from '../../common/find/findMatches';
import { useFind } from '../../common/find/useFind';
import { HeadlineFields } from './HeadlineFields';
import type { JournalEntry } from './recoveryJournal';
import { RecoveryOffer } from './RecoveryOffer';
import { SaveIndicator } from './SaveIndicator';
import { contentToSave, type StoryFields } from '../../common/storyContent';
import { StoryMeta } from './StoryMeta';
import { isReadOnlyRefusal, saveErrorText } from './saveErrorText';
import { useAutosave } from './useAutosave';
import { useStoryFields } from './useStoryFields';
import { useWorkflowMove } from './useWorkflowMove';
import { WorkflowBanners } from './WorkflowBanners';
import { useMergeWithTheirs } from './useMergeWithTheirs';
import { useSlotPlan } from './useSlotPlan';
import { WorkflowBar } from './WorkflowBar';
import { SidePanels } from './SidePanels';
import { ConfirmDialog } from '../../common/dialog/ConfirmDialog';
import type { CommentThread } from '../../../shared/model/suggestions';
import { deskIdentity, suggestsByDefault } from '../../../shared/model/settings';
import { editBlock, editReopens } from '../../../shared/rules/workflow';
import { pruneChanges } from '../../../shared/rules/suggestions/changeTable';
import { trackedOf } from '../../../shared/rules/suggestions/trackedFields';
import { fieldsState, startFields, subscribeFields } from '../../editor/fields/fieldStore';
import { sessionOf, startSession } from '../../editor/suggestions/session';
import type { StoryPanels } from '../../common/storyPanels';

interface Props {
  article: Article;
  content: ArticleContent;
  startDirty: boolean;
  journal: JournalEntry | null;
  onRecover: () => void;
  onDiscardJournal: () => void;
  /** The store's version replaces ours (take theirs). */
  onReplace: (article: Article) => void;
  /** A conflict was merged: show `merged` on top of `theirs`, unsaved, with a notice. */
  onMerged: (theirs: Article, merged: ArticleContent, notice: string) => void;
  /** A message shown over the story (e.g. the outcome of a merge). */
  notice?: string | null;
  onExternalSave: (revision: number, isClean: () => boolean) => void;
  subscribe: (listener: (e: NewsdeskEvent) => void) => () => void;
  onBack: () => void;
  /** Set when the story was opened from a proof: a 返回大样 button goes back to it. */
  onBackToProof?: () => void;
  /** The copy desk's, review's, revisions' and sync's panels, handed down by app/. */
  panels: StoryPanels;
}

export function StoryWorkspace(props: Props) {
  const { content, journal, onBack } = props;
  const { LintPanel, ReviewPanel, RevisionsView, SyncConflictBanner, SyncRefusedBanner } = props.panels;
  const t = useT();
  const { settings } = useSettings();
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  const editor = useMemo(() => {
    const created = createStoryEditor();
    // The header fields and credits sit beside the body in the editor: one change table, one undo history.
    startFields(created, content);
    created.onPasteCleaned = (count, codes) => setPasteNotice(t('paste.cleaned', { count, codes: codes.join(' ') }));
    startSession(created, {
      enabled: suggestsByDefault(settings),
      author: deskIdentity(settings).name,
      role: deskIdentity(settings).role,
      changes: content.changes ?? [],
    });
    return created;
    // Once per mounted story: the workspace remounts when the text is replaced.
  }, []);
  const { fields, tracked, current: currentFields, set: setHeader, edit: editHeader } = useStoryFields(content, editor);
  const [suggesting, setSuggesting] = useState(() => sessionOf(editor)?.enabled ?? false);
  const [comments, setComments] = useState<CommentThread[]>(() => content.comments ?? []);
  const commentsRef = useRef(comments);
  commentsRef.current = comments;
  const [reviewOpen, setReviewOpen] = useState(
    () => suggesting || (content.changes ?? []).length > 0 || (content.comments ?? []).length > 0,
  );
  const initialBody = useMemo(() => content.body, [content]);
  const [bodyVersion, setBodyVersion] = useState(0);
  const [copyDesk, setCopyDesk] = useState<{ lint: boolean; revisions: boolean }>({ lint: false, revisions: false });
  // Which side panel shows when both are open (the last one asked for).
  const [sideTab, setSideTab] = useState<'review' | 'lint'>('review');
  const getContent = useCallback(() => {
    const body = editor.children as StoryDocument;
    const trackedNow = trackedOf(fieldsState(editor), (_, value) => (value as { name: string }).name.trim() !== '');
    const saved = contentToSave(currentFields(), body);
    delete saved.tracked;
    return {
      ...saved,
      // Always sent: the store keeps a field a save leaves out, and resolved suggestions must go.
      tracked: trackedNow ?? {},
      changes: pruneChanges(sessionOf(editor)?.table.values() ?? [], body, trackedNow),
      comments: commentsRef.current,
    };
  }, [editor, currentFields]);
  const autosave = useAutosave({ article: props.article, getContent });
  const autosaveRef = useRef(autosave);
  const { article } = autosave;
  const who = deskIdentity(settings);
  // Who may change which story's text is the workflow's rule; main refuses the rest, the editor mirrors it.
  const notYours = article.status === 'spiked' ? null : editBlock(article, who.role, who.name);
  const readOnly = article.status === 'spiked' || journal !== null || notYours !== null;

  const workflow = useWorkflowMove({ articleId: article.id, autosave, getContent, setHeader, t });
  const { move, busy } = workflow;
  const setWorkflowError = workflow.setError;
  const mergeWithTheirs = useMergeWithTheirs({
    articleId: article.id,
    autosave,
    getContent,
    onMerged: props.onMerged,
    onError: setWorkflowError,
    t,
  });
  autosaveRef.current = autosave;

  // Once, on mount: a recovered text is unsaved from its first moment, based on the stored revision.
  const startDirty = useRef(props.startDirty);
  useEffect(() => {
    if (startDirty.current) autosaveRef.current.adopt(props.article, true);
    startDirty.current = false;
  }, [props.article]);

  // Field edits, their undo and redo, accepts and rejects all reach the store: each is a change to save.
  useEffect(
    () =>
      subscribeFields(editor, (edit) => {
        if (edit) autosaveRef.current.changed();
      }),
    [editor],
  );
  const changeFields = useCallback(
    (patch: Partial<StoryFields>, caret?: number) => {
      editHeader(patch, caret);
      // Kind is not a tracked field: its change is saved from here.
      if ('kind' in patch) autosaveRef.current.changed();
    },
    [editHeader],
  );
  const setHeadlineField = useCallback(
    (field: HeadlineField, value: string, caret?: number) => changeFields({ [field]: value }, caret),
    [changeFields],
  );

  const find = useFind({
    editor,
    fields: { kicker: fields.kicker, headline: fields.headline, subheadline: fields.subheadline },
    bodyVersion,
  });
  const findOpen = find.state.open;
  const onBodyChange = useCallback(() => {
    autosaveRef.current.changed();
    // Only the find bar needs to re-read the body on each edit; otherwise the screen stays still while typing.
    if (findOpen) setBodyVersion((v) => v + 1);
  }, [findOpen]);

  const { subscribe, onExternalSave } = props;
  useEffect(
    () =>
      subscribe((e) => {
        if (e.event !== 'article.saved' || e.id !== article.id) return;
        const revision = e.revision;
        if (revision > autosaveRef.current.revision()) {
          onExternalSave(
            revision,
            () => autosaveRef.current.state === 'saved' && revision > autosaveRef.current.revision(),
          );
        }
      }),
    [subscribe, onExternalSave, article.id],
  );

  const toggleSuggesting = useCallback(() => {
    const session = sessionOf(editor);
    if (!session) return;
    session.enabled = !session.enabled;
    setSuggesting(session.enabled);
  }, [editor]);
  const changeComments = useCallback((next: CommentThread[]) => {
    commentsRef.current = next;
    setComments(next);
    autosaveRef.current.changed();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const ev = e.nativeEvent;
    if (ev.isComposing) return;
    const target = ev.target as HTMLElement | null;
    // Outside the body and the find bar (which keep their own undo), Ctrl+Z is the story's one history.
    const ownUndo = !!target?.closest('[data-slate-editor], .find-bar');
    if (!e.defaultPrevented && !ownUndo && !readOnly && (isHotkey('mod+shift+z', ev) || isHotkey('mod+y', ev))) {
      e.preventDefault();
      editor.redo();
    } else if (!e.defaultPrevented && !ownUndo && !readOnly && isHotkey('mod+z', ev)) {
      e.preventDefault();
      editor.undo();
    } else if (isHotkey('mod+s', ev)) {
      e.preventDefault();
      void autosave.flush();
    } else if (isHotkey('mod+f', ev)) {
      e.preventDefault();
      find.show(true);
    } else if (isHotkey('mod+h', ev)) {
      e.preventDefault();
      find.show(true);
    }
  };

  const slotPlan = useSlotPlan(article.placement);
  const showFind = find.show;
  // 查找替换 opens with the replace field showing, not behind Ctrl+H.
  const onFind = useCallback(() => showFind(true), [showFind]);
  const counts = useMemo(() => <BodyCounts article={article} plan={slotPlan} />, [article, slotPlan]);
  const current = find.state.matches[find.state.current];
  const findField = current && current.where !== 'body' ? current.where : null;

  return (
    <div
      className="story-screen"
      data-testid="story-screen"
      data-article-id={article.id}
      data-revision={article.revision}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Focus leaving the story (not moving between its own fields) saves at once.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void autosave.flush();
      }}
    >
      <header className="story-bar">
        <button type="button" className="btn btn-quiet" onClick={onBack} data-testid="back-to-desk">
          ← {t('story.back')}
        </button>
        {props.onBackToProof && (
          <button type="button" className="btn" onClick={props.onBackToProof} data-testid="back-to-proof">
            ← {t('story.backToProof')}
          </button>
        )}
        <span className={`status-pill status-${article.status}`} data-testid="story-status">
          {t(`status.${article.status}`)}
        </span>
        <span className="muted">{t('story.revision', { n: article.revision })}</span>
        <SaveIndicator autosave={autosave} />
        <span className="spacer" />
        <button
          type="button"
          className={`btn${copyDesk.lint ? ' is-active' : ''}`}
          aria-pressed={copyDesk.lint}
          onClick={() => {
            // Open and in front: close; open behind the other tab: bring it to the front; closed: open it.
            const front = copyDesk.lint && (!reviewOpen || sideTab === 'lint');
            setCopyDesk((c) => ({ ...c, lint: !front }));
            if (!front) setSideTab('lint');
          }}
          data-testid="open-lint"
        >
          {t('lint.open')}
        </button>
        <button
          type="button"
          className={`btn${reviewOpen ? ' is-active' : ''}`}
          aria-pressed={reviewOpen}
          onClick={() => {
            const front = reviewOpen && (!copyDesk.lint || sideTab === 'review');
            setReviewOpen(!front);
            if (!front) setSideTab('review');
          }}
          data-testid="open-review"
        >
          {t('review.open')}
          {suggesting ? ' ●' : ''}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => setCopyDesk((c) => ({ ...c, revisions: true }))}
          data-testid="open-revisions"
        >
          {t('revisions.open')}
        </button>
        <WorkflowBar article={article} role={who.role} name={who.name} busy={busy} onMove={(m) => void move(m)} />
      </header>
      <WorkflowBanners workflow={workflow} status={article.status} onReview={() => setReviewOpen(true)} />
      {autosave.state === 'error' && autosave.error && (
        <div className="banner banner-error" role="alert" data-testid="save-error" data-code={autosave.error.code}>
          {/* A store that only reads refuses every save until reopened: no "will retry" promise then. */}
          {t(isReadOnlyRefusal(autosave.error) ? 'save.refused' : 'save.errorDetail', {
            message: saveErrorText(t, autosave.error),
          })}
        </div>
      )}
      {props.notice && (
        <div className="notice-banner" role="status" data-testid="story-notice">
          {props.notice}
        </div>
      )}
      {pasteNotice && (
        <div className="notice-banner" role="status" data-testid="paste-cleaned">
          {pasteNotice}
        </div>
      )}
      <SyncConflictBanner
        article={article}
        getContent={getContent}
        flush={autosave.flush}
        subscribe={subscribe}
        onResolved={(resolved) => {
          autosave.adopt(resolved);
          props.onReplace(resolved);
        }}
      />
      <SyncRefusedBanner
        id={article.id}
        flush={autosave.flush}
        onReplaced={(taken) => {
          autosave.adopt(taken);
          props.onReplace(taken);
        }}
      />
      {journal && <RecoveryOffer entry={journal} onAccept={props.onRecover} onDiscard={props.onDiscardJournal} />}
      {article.status === 'spiked' && <div className="banner">{t('story.spikedBanner')}</div>}
      {notYours && (
        <div className="banner" data-testid="story-not-yours">
          {notYours.reason === 'owner'
            ? t('story.notYours.owner', { owner: notYours.owner })
            : t('story.notYours.status', { status: t(`status.${article.status}`) })}
        </div>
      )}
      {!readOnly && editReopens(article, who.role) && (
        <div className="banner" data-testid="story-signed-off">
          {t('story.signedOffBanner', { status: t(`status.${article.status}`) })}
        </div>
      )}
      <FindBar find={find} />
      <div className="story-columns">
        <main className="story-main">
          <HeadlineFields
            values={fields}
            runs={tracked.text}
            table={sessionOf(editor)?.table}
            onChange={setHeadlineField}
            readOnly={readOnly}
            findField={findField}
          />
          <StoryBody
            editor={editor}
            initialValue={initialBody}
            readOnly={readOnly}
            decorate={find.decorate}
            onContentChange={onBodyChange}
            onFind={onFind}
            aside={counts}
          />
        </main>
        <StoryMeta
          fields={fields}
          tracked={tracked}
          table={sessionOf(editor)?.table}
          onChange={changeFields}
          readOnly={readOnly}
        />
        <SidePanels
          label={t('story.sidePanels')}
          active={sideTab}
          onActivate={(key) => setSideTab(key as 'review' | 'lint')}
          panels={[
            ...(reviewOpen
              ? [
                  {
                    key: 'review',
                    label: t('review.open'),
                    node: (
                      <ReviewPanel
                        editor={editor}
                        suggesting={suggesting}
                        onToggleSuggesting={toggleSuggesting}
                        comments={comments}
                        onCommentsChange={changeComments}
                        userName={deskIdentity(settings).name}
                        role={deskIdentity(settings).role}
                        readOnly={readOnly}
                      />
                    ),
                  },
                ]
              : []),
            ...(copyDesk.lint
              ? [
                  {
                    key: 'lint',
                    label: t('lint.open'),
                    node: (
                      <LintPanel
                        articleId={article.id}
                        editor={editor}
                        fields={fields}
                        setField={setHeadlineField}
                        readOnly={readOnly}
                        onClose={() => setCopyDesk((c) => ({ ...c, lint: false }))}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {copyDesk.revisions && (
        <RevisionsView
          articleId={article.id}
          prepare={autosave.flush}
          baseRevision={autosave.revision}
          onRestored={(restored) => {
            autosave.adopt(restored);
            props.onReplace(restored);
          }}
          onClose={() => setCopyDesk((c) => ({ ...c, revisions: false }))}
        />
      )}
      {autosave.deletedAsk !== null && (
        <ConfirmDialog
          title={autosave.deletedAsk}
          confirmLabel={t('save.deletedRestore')}
          cancelLabel={t('save.deletedKeep')}
          testId="deleted-confirm"
          onConfirm={() => autosave.answerDeleted(true)}
          onCancel={() => autosave.answerDeleted(false)}
        />
      )}
      {autosave.conflict && (
        <ConflictDialog
          theirs={autosave.conflict}
          mine={getContent}
          onKeepMine={() => void autosave.keepMine()}
          onTakeTheirs={() => {
            const theirs = autosave.conflict!;
            autosave.adopt(theirs);
            props.onReplace(theirs);
          }}
          onMerge={() => void mergeWithTheirs()}
        />
      )}
    </div>
  );
}
