/**
 * The style book travels through the hub (the CouchDB double, or a real CouchDB with
 * NEWSDESK_TEST_COUCHDB_URL) as its own document: the chief editor's edit reaches another desk
 * and its check panel's lint without a restart; the hub's validate_doc_update refuses anyone else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient, HubError } from '../../../../electron/services/sync/hubClient';
import type { NewsdeskEvent } from '../../../../shared/ipc/events';
import type { Stylebook, StylebookEntry } from '../../../../shared/model/stylebook';
import { lintText } from '../../../../shared/rules/punctuation';
import { compileStylebook } from '../../../../shared/rules/lint/stylebookRule';
import { STYLEBOOK_DOC_ID } from '../../../../shared/rules/sync/stylebookRule';
import { startTrustHub, type TrustHub } from './couchDouble/trustHub';
import { openTrustDesk, type TrustDesk } from './couchDouble/trustDesk';

let hub: TrustHub;
let desks: TrustDesk[] = [];
afterEach(async () => {
  for (const d of desks) {
    await d.replicator.stop();
    await d.store.cleanup();
  }
  desks = [];
  await hub?.close();
});

const entry = (wrong: string, right: string): StylebookEntry => ({
  wrong,
  right,
  reason: '本报统一',
  severity: 'must',
  scope: 'substring',
  exceptions: [],
});

async function newsroom() {
  hub = await startTrustHub();
  const desk = async (name: string, role: string) => {
    const d = await openTrustDesk(hub, await hub.addUser(name, role));
    desks.push(d);
    return d;
  };
  return {
    wang: await desk('wang', 'chief_editor'),
    chen: await desk('chen', 'copy_editor'),
    rita: await desk('rita', 'reporter'),
  };
}

/** How the check panel lints with the book it just re-read. */
async function panelFindings(d: TrustDesk, text: string) {
  const book = await d.call<Stylebook>('stylebook.get', {});
  return lintText(text, { house: { stylebook: compileStylebook(book) } }).filter((f) => f.rule === 'stylebook');
}

async function waitFor<T>(probe: () => Promise<T | null>, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== null) return got;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the style book syncs through the hub', () => {
  it("reaches another desk and that desk's lint at once, with no restart", async () => {
    const { wang, chen } = await newsroom();
    await wang.call('stylebook.save', { entries: [entry('其它', '其他')], keep: [] });
    await wang.replicator.runOnce();
    expect((await panelFindings(chen, '其它国家')).length).toBe(0);

    // The copy editor's desk is running, as an open app is: its pull loop picks the edit up.
    const events: NewsdeskEvent[] = [];
    chen.store.onEvent((e) => events.push(e));
    chen.replicator.start();
    const first = await waitFor(async () => events.find((e) => e.event === 'stylebook.saved') ?? null);
    expect(first).toMatchObject({ event: 'stylebook.saved', entries: 1, updatedBy: 'wang' });
    const found = await panelFindings(chen, '其它国家');
    expect(found.map((f) => [f.message, f.source])).toEqual([
      ['“其它”应作“其他”：本报统一', '本报用语规范：其它 → 其他'],
    ]);

    // A second edit on the chief editor's desk arrives the same way while the other desk keeps running.
    await wang.call('stylebook.save', { entries: [entry('其它', '其他'), entry('按装', '安装')], keep: [] });
    await wang.replicator.runOnce();
    await waitFor(async () => ((await panelFindings(chen, '按装空调')).length === 1 ? true : null));
    expect(events.filter((e) => e.event === 'stylebook.saved').length).toBeGreaterThanOrEqual(2);
  });

  it("is refused by the hub's validate_doc_update to anyone but the chief editor and admins", async () => {
    const { wang, chen, rita } = await newsroom();
    await wang.call('stylebook.save', { entries: [entry('其它', '其他')], keep: [] });
    await wang.replicator.runOnce();
    const onHub = await hub.admin.db<{ _rev: string; entries: StylebookEntry[] }>('GET', `/${STYLEBOOK_DOC_ID}`);
    expect(onHub.entries.map((e) => e.wrong)).toEqual(['其它']);

    // A reporter's own client, going around the app, is refused by the hub itself.
    const asRita = new HubClient(hub.dbUrl, rita.auth);
    const put = asRita.db('PUT', `/${STYLEBOOK_DOC_ID}`, { ...onHub, entries: [] });
    await expect(put).rejects.toBeInstanceOf(HubError);
    await expect(put).rejects.toMatchObject({ status: 403, reason: '只有值班总编可以修改本报用语规范' });

    // The desk refuses the copy editor's edit at once; written past the desk, the hub refuses its push.
    await expect(chen.call('stylebook.save', { entries: [], keep: [] })).rejects.toThrow(/forbidden/);
    await chen.store.services.stylebook.save({ entries: [entry('的', '地')], keep: [] }, 'chen');
    await chen.replicator.runOnce();
    expect(chen.replicator.stylebookRefused).toBe('只有值班总编可以修改本报用语规范');
    const after = await hub.admin.db<{ entries: StylebookEntry[] }>('GET', `/${STYLEBOOK_DOC_ID}`);
    expect(after.entries.map((e) => e.wrong)).toEqual(['其它']);

    // An admin passes, as for every rule.
    await hub.admin.db('PUT', `/${STYLEBOOK_DOC_ID}`, { ...onHub, entries: [entry('按装', '安装')] });
  });

  it('two chief editors editing at once end with both edits on every desk, none lost', async () => {
    const { wang } = await newsroom();
    const zhao = await openTrustDesk(hub, await hub.addUser('zhao', 'chief_editor'));
    desks.push(zhao);
    await wang.call('stylebook.save', { entries: [entry('其它', '其他')], keep: ['鍾漢良'] });
    await zhao.call('stylebook.save', { entries: [entry('按装', '安装')], keep: [] });
    await wang.replicator.runOnce();
    await zhao.replicator.runOnce();
    await wang.replicator.runOnce();
    for (const d of [wang, zhao]) {
      const book = await d.call<Stylebook>('stylebook.get', {});
      expect(book.entries.map((e) => e.wrong).sort()).toEqual(['其它', '按装']);
      expect(book.keep).toEqual(['鍾漢良']);
    }
  });
});
