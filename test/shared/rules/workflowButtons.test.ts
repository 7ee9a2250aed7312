// The story screen's workflow buttons by role and status: no return that lands the story on the mover's own desk.
import { describe, expect, it } from 'vitest';
import type { ArticleStatus, UserRole } from '../../../shared/model/status';
import { workflowButtons } from '../../../shared/rules/workflowButtons';
import { workflowArticle } from '../../fixtures/workflowArticle';

const article = (status: ArticleStatus) => workflowArticle(status, { id: 'a-buttons01' });

describe('workflow buttons', () => {
  it.each<[UserRole, ArticleStatus, ArticleStatus[]]>([
    // The copy editor who marked her edit done is not offered 退回编辑 (back to the copy desk: to herself).
    ['copy-editor', 'edited', ['draft']],
    ['copy-editor', 'submitted', ['edited', 'draft']],
    // The chief editor sends edited copy back to the copy desk: that is someone else's desk.
    ['chief-editor', 'edited', ['approved', 'submitted', 'draft']],
    ['chief-editor', 'approved', ['edited']],
    ['reporter', 'draft', ['submitted']],
    ['layout', 'approved', ['placed']],
    ['layout', 'placed', ['approved']],
    ['reporter', 'spiked', []],
  ])('%s on a %s story sees %j', (role, status, expected) => {
    expect(workflowButtons(article(status), role, '甲')).toEqual(expected);
  });
});
