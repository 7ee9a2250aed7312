/**
 * The sample issue offered on first start: the fixture stories imported through the
 * real copy parser and placed on two pages of today's paper.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsdeskError } from '../../shared/ipc/errors';
import type { Page } from '../../shared/model/issue';
import { countBody } from '../../shared/rules/charCount';
import { importCopy } from './copyImport';
import type { Services } from '../services/openServices';

export async function loadSampleIssue(s: Services, actor: string): Promise<{ issueId: string; articleIds: string[] }> {
  if (!s.sampleDir) throw new NewsdeskError('not_found', '此版本未附带示例稿件。');
  if (s.articles.count > 0) throw new NewsdeskError('forbidden', '示例期次只能载入空的稿库。');
  const files = (await readdir(s.sampleDir)).filter((f) => f.endsWith('.txt')).sort();
  const date = new Date().toISOString().slice(0, 10);
  const pages: Page[] = [
    { label: 'A01', section: '要闻', slots: [] },
    { label: 'A02', section: '综合', slots: [] },
  ];
  const articleIds: string[] = [];
  for (const [i, file] of files.entries()) {
    const text = await readFile(join(s.sampleDir, file), 'utf8');
    const page = pages[i < 2 ? 0 : 1]!;
    const slotId = `${page.label}-${page.slots.length + 1}`;
    const created = await importCopy(s, text, actor);
    const placed = await s.articles.update(created.id, created.revision, actor, (a) => ({
      ...a,
      placement: { issueDate: date, page: page.label, slotId, order: page.slots.length },
    }));
    // Slots are sized a little over the story so the copy-fit bar has something to say.
    page.slots.push({
      id: slotId,
      targetChars: Math.ceil((countBody(placed.body) * 1.1) / 50) * 50,
      articleId: placed.id,
    });
    articleIds.push(placed.id);
  }
  const existing = await s.issues.list();
  const today = existing.find((x) => x.date === date);
  // Today's issue may exist already (made before any story); the sample pages go into it.
  const issue = today
    ? await s.issues.save(
        today.id,
        today.revision,
        { date, number: today.number, pages: [...today.pages, ...pages] },
        actor,
      )
    : await s.issues.create({ date, number: (existing[0]?.number ?? 0) + 1, pages }, actor);
  return { issueId: issue.id, articleIds };
}
