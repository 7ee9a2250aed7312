import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startStandInHub, type StandInHub } from './standInHub';
import { content, openDesk, type Desk } from './syncFixture';

let hub: StandInHub;
const desks: Desk[] = [];
afterEach(async () => {
  for (const d of desks.splice(0)) await d.store.cleanup();
  await hub?.close();
});

async function twoDesks() {
  hub = await startStandInHub();
  const a = await openDesk(hub, '甲');
  const b = await openDesk(hub, '乙');
  desks.push(a, b);
  return { a, b };
}

describe('revisions written by other peers', () => {
  it('keeps fields this version does not know through a local edit, so they stay on the hub', async () => {
    const { a, b } = await twoDesks();
    const story = await a.store.services.articles.create('story', content('外来字段'), '甲');
    await a.replicator.runOnce();
    // A newer Newsdesk (or a newsroom script) adds fields of its own on the hub.
    const onHub = await hub.local.get(story.id);
    await hub.local.put({ ...onHub, wordTarget: 800, factCheck: { by: '丙', ok: true } });
    await b.store.services.sync.runOnce(hub.dbUrl, null);
    const before = await b.store.services.articles.get(story.id);
    expect(before.headline).toBe('外来字段');
    await b.store.services.articles.save(story.id, before.revision, content('乙改了标题'), '乙');
    await b.store.services.sync.runOnce(hub.dbUrl, null);
    const after = (await hub.local.get(story.id)) as unknown as {
      headline: string;
      wordTarget?: number;
      factCheck?: unknown;
    };
    expect(after.headline).toBe('乙改了标题');
    expect(after.wordTarget).toBe(800);
    expect(after.factCheck).toEqual({ by: '丙', ok: true });
    // The app's own view of the story does not grow the unknown fields.
    expect(Object.keys(await b.store.services.articles.get(story.id))).not.toContain('wordTarget');
  });

  it('keeps a revision that fails our schema aside and reports it, never skipping it in silence', async () => {
    const { a, b } = await twoDesks();
    const story = await a.store.services.articles.create('story', content('原稿'), '甲');
    await a.replicator.runOnce();
    const onHub = await hub.local.get(story.id);
    // Another peer writes a revision we cannot read: a status this version has never heard of.
    const bad = await hub.local.put({ ...onHub, status: 'legal_review', headline: 42 });
    // And a new document with one of our ids that is not a story we can read at all.
    await hub.local.put({ _id: 'a-foreign01', headline: '不完整' });
    const result = await b.store.services.sync.runOnce(hub.dbUrl, null);
    const setAside = result.setAside.map((s) => [s.id, s.rev]).sort();
    expect(setAside).toEqual([
      ['a-foreign01', expect.stringMatching(/^1-/)],
      [story.id, bad.rev],
    ]);
    const entry = result.setAside.find((s) => s.id === story.id)!;
    expect(entry.reason).toContain('status');
    expect(entry.reason).toContain('headline');
    // The same as data, for the desk to say in its reader's language.
    expect(entry.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['status'], kind: 'bad_value' }),
        expect.objectContaining({ path: ['headline'], kind: 'wrong_type' }),
      ]),
    );
    // Kept as it arrived, where a person (or a newer version) can read it.
    expect(JSON.parse(await readFile(entry.file, 'utf8'))).toMatchObject({ _rev: bad.rev, status: 'legal_review' });
    const problems = await b.store.client.call('sync.problems', {});
    expect(problems.ok && problems.value.setAside.map((s) => s.id).sort()).toEqual(['a-foreign01', story.id]);
    const foreign = problems.ok ? problems.value.setAside.find((s) => s.id === 'a-foreign01') : undefined;
    expect(foreign?.problems).toContainEqual(expect.objectContaining({ path: ['kind'], kind: 'missing' }));
    // Reported on every later run too, until a revision that builds on it arrives.
    expect((await b.store.services.sync.runOnce(hub.dbUrl, null)).setAside).toHaveLength(2);
    await hub.local.put({ ...onHub, _rev: bad.rev, headline: '修好了', status: onHub.status });
    const fixed = await b.store.services.sync.runOnce(hub.dbUrl, null);
    expect(fixed.setAside.map((s) => s.id)).toEqual(['a-foreign01']);
    expect((await b.store.services.articles.get(story.id)).headline).toBe('修好了');
  });
});
