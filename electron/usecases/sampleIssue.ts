/**
 * The sample issue offered on first start: the fixture stories imported through the
 * real copy parser and placed on two pages of today's paper, in slots sized to them.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsdeskError } from '../../shared/ipc/errors';
import type { Article } from '../../shared/model/article';
import type { IssueContent, Page, Slot } from '../../shared/model/issue';
import { planStoryOf } from '../../shared/rules/pageplan/flatplanRows';
import { pageGrid, type PageGrid } from '../../shared/rules/pageplan/pageGrid';
import { planProblem, withComputedTargets } from '../../shared/rules/pageplan/planChecks';
import { MASTHEAD_LINES } from '../../shared/rules/pageplan/pageTemplates';
import { estimateLines, slotCapacity } from '../../shared/rules/pageplan/slotCapacity';
import { importCopy } from './copyImport';
import type { Services } from '../services/openServices';

/** Columns of each story's slot, side by side: two stories under the masthead on A01, three on A02. */
const FRONT_COLS = [4, 4];
const INSIDE_COLS = [3, 3, 2];

/**
 * The lines of a slot `cols` wide that hold the story with a few lines to spare: the 字数 estimate can be
 * a line or two off the layout, and no sample story should run over (or leave a tenth of its slot empty).
 */
function slotFor(a: Article, id: string, col: number, cols: number, line: number, grid: PageGrid): Slot {
  const story = planStoryOf(a);
  const photos = Math.min(story.photos, 2);
  const need = Math.ceil(estimateLines(story.paragraphs, grid.charsPerLine) * 1.03) + 2;
  let lines = 12;
  while (
    line + lines < grid.linesPerColumn &&
    slotCapacity({ col, cols, line, lines, photos, headline: 'medium' }, grid).lines < need
  )
    lines++;
  return { id, targetChars: 0, col, cols, line, lines, photos, headline: 'medium', articleId: a.id };
}

export async function loadSampleIssue(s: Services, actor: string): Promise<{ issueId: string; articleIds: string[] }> {
  if (!s.sampleDir) throw new NewsdeskError('not_found', '此版本未附带示例稿件。');
  if (s.articles.count > 0) throw new NewsdeskError('forbidden', '示例期次只能载入空的稿库。');
  const files = (await readdir(s.sampleDir)).filter((f) => f.endsWith('.txt')).sort();
  const date = new Date().toISOString().slice(0, 10);
  const geometry = s.settings.get().pageGeometry;
  const grid = pageGrid(geometry);
  const pages: Page[] = [
    { label: 'A01', section: '要闻', slots: [] },
    { label: 'A02', section: '综合', slots: [] },
  ];
  const articleIds: string[] = [];
  for (const [i, file] of files.entries()) {
    const text = await readFile(join(s.sampleDir, file), 'utf8');
    const front = i < FRONT_COLS.length;
    const page = pages[front ? 0 : 1]!;
    const widths = front ? FRONT_COLS : INSIDE_COLS;
    const at = page.slots.length;
    // More stories than slots: the rest stay on the desk, unplaced.
    if (at >= widths.length) continue;
    const slotId = `${page.label}-${at + 1}`;
    const created = await importCopy(s, text, actor);
    const placed = await s.articles.update(created.id, created.revision, actor, (a) => ({
      ...a,
      placement: { issueDate: date, page: page.label, slotId, order: at },
    }));
    const col = widths.slice(0, at).reduce((x, y) => x + y, 0);
    // A01's slots start under the masthead band; inside pages use the whole type area.
    page.slots.push(slotFor(placed, slotId, col, widths[at]!, front ? MASTHEAD_LINES : 0, grid));
    articleIds.push(placed.id);
  }
  const existing = await s.issues.list();
  const today = existing.find((x) => x.date === date);
  const content = (p: Page[], number: number): IssueContent =>
    withComputedTargets({ date, number, pages: p }, geometry);
  // Today's issue may exist already (made before any story); the sample pages go into it.
  const planned = today
    ? content([...today.pages, ...pages], today.number)
    : content(pages, (existing[0]?.number ?? 0) + 1);
  const problem = planProblem(planned, geometry);
  if (problem) throw new NewsdeskError('validation', problem);
  const issue = today
    ? await s.issues.save(today.id, today.revision, planned, actor)
    : await s.issues.create(planned, actor);
  return { issueId: issue.id, articleIds };
}
