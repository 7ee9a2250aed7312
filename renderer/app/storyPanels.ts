/** The panels the story screen shows from other features, composed here so features never import each other. */
import type { StoryPanels } from '../common/storyPanels';
import { LintPanel } from '../features/copydesk/LintPanel';
import { ReviewPanel } from '../features/review/ReviewPanel';
import { RevisionsView } from '../features/revisions/RevisionsView';
import { SyncConflictBanner } from '../features/sync/SyncConflictBanner';
import { SyncRefusedBanner } from '../features/sync/SyncRefusedBanner';

export const storyPanels: StoryPanels = {
  LintPanel,
  ReviewPanel,
  RevisionsView,
  SyncConflictBanner,
  SyncRefusedBanner,
};
