/**
 * The panels other features show inside the story screen. The story feature renders them by these props;
 * app/ hands it the components, so features never import each other.
 */
import type { ComponentType } from 'react';
import type { NewsdeskEvent } from '../../shared/ipc/events';
import type { Article, ArticleContent } from '../../shared/model/article';
import type { CommentThread } from '../../shared/model/suggestions';
import type { StoryEditor } from '../editor/customTypes';
import type { HeadlineField } from './find/findMatches';
import type { StoryFields } from './storyContent';

/** The copy desk's check panel. */
export interface LintPanelProps {
  /** The story checked: dismissed findings and kept words are remembered for it. */
  articleId: string;
  editor: StoryEditor;
  fields: StoryFields;
  setField: (field: HeadlineField, value: string) => void;
  readOnly: boolean;
  onClose: () => void;
}

/** Suggestions and comments beside the body. */
export interface ReviewPanelProps {
  editor: StoryEditor;
  suggesting: boolean;
  onToggleSuggesting: () => void;
  comments: CommentThread[];
  onCommentsChange: (next: CommentThread[]) => void;
  userName: string;
  role: CommentThread['role'];
  readOnly: boolean;
}

/** The story's revisions: list, compare, restore. */
export interface RevisionsViewProps {
  articleId: string;
  /** Saves unsaved words first, so the newest revision is what the editor shows; false if that failed. */
  prepare: () => Promise<boolean>;
  /** The revision the editor's text is based on, for the restore's conflict check. */
  baseRevision: () => number;
  onRestored: (article: Article) => void;
  onClose: () => void;
}

/** The 冲突 banner of a story with more than one live leaf after sync. */
export interface SyncConflictBannerProps {
  article: Article;
  getContent: () => ArticleContent;
  /** Saves pending typing first, so the resolution is based on the current revision. */
  flush: () => Promise<unknown>;
  onResolved: (article: Article) => void;
  subscribe: (listener: (e: NewsdeskEvent) => void) => () => void;
}

/** The 被拒 banner of a story the hub refused, with the offer to take the hub's version. */
export interface SyncRefusedBannerProps {
  id: string;
  /** Saves pending typing first, so what is given up is what the person sees. */
  flush: () => Promise<unknown>;
  onReplaced: (article: Article) => void;
}

export interface StoryPanels {
  LintPanel: ComponentType<LintPanelProps>;
  ReviewPanel: ComponentType<ReviewPanelProps>;
  RevisionsView: ComponentType<RevisionsViewProps>;
  SyncConflictBanner: ComponentType<SyncConflictBannerProps>;
  SyncRefusedBanner: ComponentType<SyncRefusedBannerProps>;
}
