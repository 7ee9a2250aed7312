/** Setting a desk's day up behind the screen: fixture stories filed and moved on, an issue's plan, a placement. */
import { createHandlers } from '../../../electron/ipc/handlers';
import type { Article } from '../../../shared/model/article';
import type { ArticleStatus } from '../../../shared/model/status';
import { fixtureContent } from '../../fixtures/pageplan/proofStories';
import type { E2eApp } from '../harness';

/**
 * Files fixture story `n` as 记者 and, unless it stays a draft, moves it to `status` as 编辑; the story as stored.
 * `headline` rewrites the fixture's headline (to tell copies of one story apart).
 */
export async function fileFixtureStory(
  app: E2eApp,
  n: number,
  opts: { status: ArticleStatus; chars?: number; photos?: number; headline?: (h: string) => string },
): Promise<Article> {
  const content = fixtureContent(n, { chars: opts.chars, photos: opts.photos });
  const headline = opts.headline ? opts.headline(content.headline) : content.headline;
  const a = await app.services.articles.create('story', { ...content, headline }, '记者');
  if (opts.status === 'draft') return a;
  return app.services.articles.update(a.id, 1, '编辑', (x) => ({ ...x, status: opts.status }));
}

/** The day's plan made from a built-in template, through the handlers the app's channels call. */
export async function planFromTemplate(app: E2eApp, date: string, template = '4版') {
  const handlers = createHandlers(app.services);
  await handlers['pageplan.createIssue']({ date, template });
  return handlers;
}
