/**
 * The hub's rules against every member, finding by finding, run against the CouchDB double
 * (or a real CouchDB with NEWSDESK_TEST_COUCHDB_URL): each case failed before the rule table was
 * generated from the app's own rule function.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient, HubError, type HubAuth } from '../../../../electron/services/sync/hubClient';
import { revHash } from '../../../../electron/services/revisionTree/revTree';
import type { Article } from '../../../../shared/model/article';
import { deskIdentity } from '../../../../shared/model/settings';
import { startTrustHub, type TrustHub } from './couchDouble/trustHub';
import { openTrustDesk, type TrustDesk } from './couchDouble/trustDesk';
import { content } from './syncFixture';

let hub: TrustHub;
let desks: TrustDesk[] = [];
afterEach(async () => {
  for (const d of desks) await d.store.cleanup();
  desks = [];
  await hub?.close();
});

const PLACEMENT = { issueDate: '2026-12-02', page: 'A1', slotId: 'lead', order: 0 };

async function newsroom() {
  hub = await startTrustHub();
  const auth = {
    rita: await hub.addUser('rita', 'reporter'),
    ruth: await hub.addUser('ruth', 'reporter'),
    chen: await hub.addUser('chen', 'copy_editor'),
    wang: await hub.addUser('wang', 'chief_editor'),
    lin: await hub.addUser('lin', 'layout'),
  };
  const desk = async (who: keyof typeof auth, localRole?: Parameters<typeof openTrustDesk>[2]) => {
    const d = await openTrustDesk(hub, auth[who], localRole);
    desks.push(d);
    return d;
  };
  return { auth, desk };
}

async function sync(d: TrustDesk) {
  const r = await d.replicator.runOnce();
  return r;
}

/**
 * A submitted story from rita's desk, on the hub. Synced as a draft first unless `offline`, so
 * the cases below other than 1 do not depend on the fix for 1.
 */
async function submittedStory(rita: TrustDesk, offline = false): Promise<Article> {
  const created = await rita.call<Article>('articles.create', { kind: 'story', content: content('记者稿') });
  if (!offline) expect((await sync(rita)).refused).toEqual([]);
  const submitted = await rita.call<Article>('articles.transition', {
    id: created.id,
    baseRevision: 1,
    to: 'submitted',
  });
  expect((await sync(rita)).refused).toEqual([]);
  return submitted;
}

/** A desk moves the story as it has it, then syncs: the moved story and what the hub refused. */
async function moveAndSync(d: TrustDesk, id: string, to: 'edited' | 'approved') {
  await sync(d);
  const moved = await d.call<Article>('articles.transition', { id, baseRevision: (await d.get(id)).revision, to });
  return { moved, refused: (await sync(d)).refused };
}

/** Layout puts the story in the page plan on its desk (before or after sign-off), then syncs. */
async function placeAndSync(lin: TrustDesk, id: string) {
  await sync(lin);
  const onLin = await lin.get(id);
  await lin.store.services.articles.update(id, onLin.revision, 'lin', (a) => ({ ...a, placement: PLACEMENT }));
  return (await sync(lin)).refused;
}

async function onHub(id: string): Promise<Record<string, unknown> & { _conflicts?: string[] }> {
  return hub.admin.db('GET', `/${id}?conflicts=true`);
}

/** `_bulk_docs` with `new_edits: false` as a member would post it by hand. */
async function postRevisions(auth: HubAuth, docs: Record<string, unknown>[]) {
  return new HubClient(hub.dbUrl, auth).bulkDocs(docs as never);
}

function inventedHistory(depth: number, seed: string): string[] {
  return Array.from({ length: depth }, (_, i) => revHash(null, `${seed}-${i}`, false));
}

describe('the newsroom hub trusts no member beyond their role', () => {
  it('1: a story written and submitted offline reaches the hub', async () => {
    const { desk } = await newsroom();
    const rita = await desk('rita');
    const story = await submittedStory(rita, true);
    const doc = await onHub(story.id);
    expect(doc.status).toBe('submitted');
    expect(doc.createdBy).toBe('rita');
    expect(doc.updatedBy).toBe('rita');
  });

  it('2: the chief editor approves a story layout has already placed', async () => {
    const { desk } = await newsroom();
    const [rita, chen, wang, lin] = [await desk('rita'), await desk('chen'), await desk('wang'), await desk('lin')];
    const story = await submittedStory(rita);
    const edited = await moveAndSync(chen, story.id, 'edited');
    expect(edited.refused).toEqual([]);
    // Layout puts the story in the page plan before it is approved.
    expect(await placeAndSync(lin, story.id)).toEqual([]);
    const approved = await moveAndSync(wang, story.id, 'approved');
    expect(approved.moved.status).toBe('placed');
    expect(approved.refused).toEqual([]);
    expect((await onHub(story.id)).status).toBe('placed');
    expect(edited.moved.status).toBe('edited');
  });

  it('issue 22: layout’s cut of a placed story reaches the hub as 已编辑; posted by hand keeping 已上版, the hub refuses it', async () => {
    const { auth, desk } = await newsroom();
    const [rita, chen, wang, lin] = [await desk('rita'), await desk('chen'), await desk('wang'), await desk('lin')];
    const story = await submittedStory(rita);
    await moveAndSync(chen, story.id, 'edited');
    await placeAndSync(lin, story.id);
    await moveAndSync(wang, story.id, 'approved');
    expect((await onHub(story.id)).status).toBe('placed');

    // Layout cuts the text: its desk writes it back to 已编辑, placement kept, and the hub takes it.
    await sync(lin);
    const placed = await lin.get(story.id);
    const cut = await lin.call<Article>('articles.save', {
      id: story.id,
      baseRevision: placed.revision,
      content: content('版面删改后的稿'),
    });
    expect(cut).toMatchObject({ status: 'edited', placement: PLACEMENT });
    expect((await sync(lin)).refused).toEqual([]);
    expect(await onHub(story.id)).toMatchObject({ status: 'edited', headline: '版面删改后的稿' });

    // Posted by hand keeping 已上版, the same cut is refused by the hub.
    await moveAndSync(wang, story.id, 'approved');
    const hubDoc = await onHub(story.id);
    expect(hubDoc.status).toBe('placed');
    const { _conflicts: _c, _rev: parentRev, ...current } = hubDoc;
    const [n, parent] = String(parentRev).split('-');
    const child = revHash(null, 'lin-cut-in-place', false);
    const refused = await postRevisions(auth.lin, [
      {
        ...current,
        headline: '偷改',
        updatedBy: 'lin',
        _rev: `${Number(n) + 1}-${child}`,
        _revisions: { start: Number(n) + 1, ids: [child, parent] },
      },
    ]);
    expect(JSON.stringify(refused)).toContain('重新签发');
    expect((await onHub(story.id)).headline).toBe('版面删改后的稿');
  });

  it('4: an invented history cannot approve a story, nor replace its author, placement or status', async () => {
    const { auth, desk } = await newsroom();
    const rita = await desk('rita');
    const story = await submittedStory(rita);
    const body = { ...(await onHub(story.id)) };
    delete body._rev;
    delete body._conflicts;
    // A copy editor's made-up 40-deep history carrying `approved`: it reaches no stored ancestor.
    const forged = inventedHistory(40, 'chen');
    const approved = { ...body, status: 'approved', updatedBy: 'chen', createdBy: 'chen' };
    const refusedChen = await postRevisions(auth.chen, [
      { ...approved, _rev: `40-${forged[0]}`, _revisions: { start: 40, ids: forged } },
    ]);
    expect(refusedChen).toHaveLength(1);
    expect(refusedChen[0]!.error).toBe('forbidden');
    // A reporter's forged 50-deep branch changing status, headline, placement and createdBy.
    const deep = inventedHistory(50, 'ruth');
    const refusedRuth = await postRevisions(auth.ruth, [
      {
        ...body,
        status: 'submitted',
        headline: '冒名改的',
        placement: PLACEMENT,
        createdBy: 'rita',
        updatedBy: 'ruth',
        _rev: `50-${deep[0]}`,
        _revisions: { start: 50, ids: deep },
      },
    ]);
    expect(refusedRuth).toHaveLength(1);
    // Ending the real leaf is refused too: chen is no deleter, and names no leaf it resolves into.
    const leaf = String((await onHub(story.id))._rev);
    const endIt = await postRevisions(auth.chen, [
      {
        _id: story.id,
        _rev: `3-${revHash(leaf, 'end', true)}`,
        _revisions: { start: 3, ids: [revHash(leaf, 'end', true), leaf.split('-')[1]] },
        _deleted: true,
        updatedBy: 'chen',
        updatedAt: new Date().toISOString(),
      },
    ]);
    expect(endIt).toHaveLength(1);
    const now = await onHub(story.id);
    expect(now.status).toBe('submitted');
    expect(now.headline).toBe('记者稿');
    expect(now._conflicts).toBeUndefined();
  });

  it('5: only the chief editor deletes a story; a deletion on the hub shows on every desk', async () => {
    const { auth, desk } = await newsroom();
    const rita = await desk('rita');
    const story = await submittedStory(rita);
    const doc = await onHub(story.id);
    const tombstone = (by: string) => ({
      _id: story.id,
      _rev: `3-${revHash(String(doc._rev), by, true)}`,
      _revisions: { start: 3, ids: [revHash(String(doc._rev), by, true), String(doc._rev).split('-')[1]] },
      _deleted: true,
      updatedBy: by,
      updatedAt: new Date().toISOString(),
    });
    // Another reporter, the story's own author once submitted, and layout: refused.
    for (const who of ['ruth', 'rita', 'lin'] as const) {
      const refused = await postRevisions(auth[who], [tombstone(who)]);
      expect(refused, who).toHaveLength(1);
      expect(refused[0]!.error).toBe('forbidden');
    }
    // A plain DELETE (a tombstone saying nothing) by a reporter: refused.
    const plain = await new HubClient(hub.dbUrl, auth.ruth)
      .db('DELETE', `/${story.id}?rev=${String(doc._rev)}`)
      .catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(HubError);
    expect((plain as HubError).status).toBe(403);
    expect((await onHub(story.id)).status).toBe('submitted');
    // The chief editor may.
    expect(await postRevisions(auth.wang, [tombstone('wang')])).toEqual([]);
    const gone = await hub.admin.db('GET', `/${story.id}`).catch((e: unknown) => e);
    expect((gone as HubError).status).toBe(404);
  });

  // Since issue 22 a reporter no longer edits after 交稿, so her offline fix is to her draft, which the copy desk also edited.
  it('6: after compaction a reporter’s offline typo fix to her draft still reaches the hub, as a visible conflict', async () => {
    const { desk } = await newsroom();
    const [rita, chen] = [await desk('rita'), await desk('chen')];
    const story = await rita.call<Article>('articles.create', { kind: 'story', content: content('记者稿') });
    expect((await sync(rita)).refused).toEqual([]);
    await sync(chen);
    const onChen = await chen.get(story.id);
    await chen.call('articles.save', { id: story.id, baseRevision: onChen.revision, content: content('编辑改的标题') });
    expect((await sync(chen)).refused).toEqual([]);
    await hub.compact();
    // Rita, offline since she wrote it, fixes a typo.
    await rita.call('articles.save', {
      id: story.id,
      baseRevision: (await rita.get(story.id)).revision,
      content: content('记者稿（改错字）'),
    });
    const pushed = await sync(rita);
    expect(pushed.refused).toEqual([]);
    expect((await onHub(story.id))._conflicts).toHaveLength(1);
    expect(rita.store.services.articles.summary(story.id)?.conflicts).toBe(1);
  });

  it('7: the role is the hub’s, not the one picked in settings', async () => {
    const { desk } = await newsroom();
    const [rita, chen] = [await desk('rita'), await desk('chen')];
    // Ruth picked 值班总编 in settings; the hub knows her as a reporter.
    const ruth = await desk('ruth', 'chief-editor');
    expect(deskIdentity(ruth.store.services.settings.get())).toEqual({ name: 'ruth', role: 'reporter', fromHub: true });
    const story = await submittedStory(rita);
    await moveAndSync(chen, story.id, 'edited');
    await sync(ruth);
    const onRuth = await ruth.get(story.id);
    expect(onRuth.status).toBe('edited');
    await expect(
      ruth.call('articles.transition', { id: story.id, baseRevision: onRuth.revision, to: 'approved' }),
    ).rejects.toThrow(/forbidden/);
    // Settings cannot claim another identity: the hub's is not a settings field a desk may set.
    const patched = await ruth.store.dispatch('settings.update', {
      hubIdentity: { hubUrl: hub.dbUrl, hubUser: 'ruth', name: 'ruth', role: 'chief-editor' },
    });
    expect(patched.ok).toBe(false);
    expect(deskIdentity(ruth.store.services.settings.get()).role).toBe('reporter');
    // Every write is signed with the hub's name, not the one in settings.
    const mine = await ruth.call<Article>('articles.create', { kind: 'story', content: content('露丝的稿') });
    expect(mine.createdBy).toBe('ruth');
  });

  it('a copy editor resolves a conflict and the hub takes the resolution; layout may not', async () => {
    const { desk } = await newsroom();
    const [rita, chen, wang] = [await desk('rita'), await desk('chen'), await desk('wang')];
    const story = await submittedStory(rita);
    await sync(chen);
    await sync(wang);
    await chen.call('articles.save', {
      id: story.id,
      baseRevision: (await chen.get(story.id)).revision,
      content: content('编辑版'),
    });
    // Two desks edit the submitted copy at once (a reporter no longer edits after 交稿: issue 22).
    await wang.call('articles.save', {
      id: story.id,
      baseRevision: (await wang.get(story.id)).revision,
      content: content('总编版'),
    });
    await sync(chen);
    await sync(wang);
    await sync(chen);
    const onChen = await chen.get(story.id);
    expect(chen.store.services.articles.summary(story.id)?.conflicts).toBe(1);
    // Layout may not end a submitted leaf (nor rewrite the text): refused on its own desk at once.
    const lin = await desk('lin');
    await sync(lin);
    await expect(
      lin.call('sync.resolve', {
        id: story.id,
        baseRevision: (await lin.get(story.id)).revision,
        content: content('版面合并'),
      }),
    ).rejects.toThrow(/forbidden: 中心库不会接受这次合并/);
    expect(lin.store.services.articles.summary(story.id)?.conflicts).toBe(1);
    await chen.call('sync.resolve', { id: story.id, baseRevision: onChen.revision, content: content('合并版') });
    expect((await sync(chen)).refused).toEqual([]);
    const doc = await onHub(story.id);
    expect(doc.headline).toBe('合并版');
    expect(doc._conflicts).toBeUndefined();
    await sync(rita);
    expect(rita.store.services.articles.summary(story.id)?.conflicts).toBe(0);
  });
});
