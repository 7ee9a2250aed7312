// Measured fits are kept per story version and slot: found again after a restart, never for another version,
// and a damaged cache costs only a measurement.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SlotFitStore } from '../../../../electron/services/pageplan/slotFitStore';
import type { IssueContent } from '../../../../shared/model/issue';
import { BROADSHEET_GEOMETRY } from '../../../../shared/model/pageGeometry';
import { slotFitKeyMaterial } from '../../../../shared/proof/slotFitKey';
import { PAGE_TEMPLATES } from '../../../../shared/rules/pageplan/pageTemplates';
import type { SlotLineFit } from '../../../../shared/rules/pageplan/slotLines';
import { makeTempDir, openTempStore } from '../tempStore';
import { rm } from 'node:fs/promises';

const fit: SlotLineFit = {
  capacityLines: 71,
  usedLines: 73,
  oversetLines: 2,
  looseOversetLines: 2,
  tightened: false,
  measured: true,
};

function plan(): IssueContent {
  const pages = PAGE_TEMPLATES['4版']!();
  pages[0]!.slots[1]!.articleId = 'a-story0001';
  return { date: '2026-12-01', number: 1, pages };
}

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the slot fit store', () => {
  it('finds a fit again after a restart, only for the same story version, slot and geometry', async () => {
    dir = await makeTempDir();
    const key = (revision: number, p = plan(), paper = '株洲日报') =>
      slotFitKeyMaterial(p, 'A01', 'A01-2', revision, BROADSHEET_GEOMETRY, paper);
    await new SlotFitStore(dir).put([{ material: key(3)!, fit }]);
    const again = new SlotFitStore(dir);
    expect(await again.get(key(3))).toEqual(fit);
    expect(await again.get(key(4))).toBeNull();
    expect(await again.get(key(3, plan(), '湘江晚报'))).toBeNull();
    const moved = plan();
    moved.pages[0]!.slots[1]!.lines = 20;
    expect(await again.get(key(3, moved))).toBeNull();
    expect(key(3, { ...plan(), pages: plan().pages.map((p) => ({ ...p, slots: [] })) })).toBeNull();
  });

  it('reads a damaged cache as empty', async () => {
    dir = await makeTempDir();
    await writeFile(join(dir, 'layout-fits.json'), '{"version":1,"fits":[["x",');
    const store = new SlotFitStore(dir);
    expect(await store.get(slotFitKeyMaterial(plan(), 'A01', 'A01-2', 1, BROADSHEET_GEOMETRY, '株洲日报'))).toBeNull();
  });
});

const { measured: _m, ...laidOut } = fit;

describe('fits measured in the app', () => {
  it('are kept only for the plan and story versions laid out, and the flatplan then shows them', async () => {
    const store = await openTempStore();
    try {
      const s = store.services;
      const a = await s.articles.create('story', { headline: '稿件' }, '测试');
      const p = plan();
      p.pages[0]!.slots[1]!.articleId = a.id;
      const issue = await s.issues.create(p, '测试');
      const measured = (articleRevision: number, planRevision = issue.revision) =>
        store.client.call('pageplan.recordFits', {
          date: issue.date,
          planRevision,
          fits: [{ page: 'A01', slotId: 'A01-2', articleId: a.id, articleRevision, ...laidOut }],
        });
      expect(await measured(a.revision + 1)).toEqual({ ok: true, value: { recorded: 0 } });
      expect(await measured(a.revision, issue.revision + 1)).toEqual({ ok: true, value: { recorded: 0 } });
      const before = await store.client.call('pageplan.flatplan', { date: issue.date });
      expect(before.ok && before.value.rows.find((r) => r.articleId === a.id)?.measured).toBe(false);
      expect(await measured(a.revision)).toEqual({ ok: true, value: { recorded: 1 } });
      const after = await store.client.call('pageplan.flatplan', { date: issue.date });
      const row = after.ok ? after.value.rows.find((r) => r.articleId === a.id) : undefined;
      expect([row?.measured, row?.actualLines, row?.targetLines, row?.problems.includes('overset')]).toEqual([
        true,
        73,
        71,
        true,
      ]);
    } finally {
      await store.cleanup();
    }
  });
});
