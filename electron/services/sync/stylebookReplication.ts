/**
 * The style book on the wire: one hub document (`stylebook`) beside the stories, pushed when this
 * desk edited it and pulled when the hub's revision moved. The hub lets only the chief editor
 * write it (stylebookRule.ts). Two chief editors editing at once is rare; should it happen, the
 * later push folds the hub's entries in (its own entries win where both name one wrong form)
 * instead of overwriting them.
 */
import { StylebookSchema, type Stylebook, type StylebookEntry } from '../../../shared/model/stylebook';
import { STYLEBOOK_DOC_ID } from '../../../shared/rules/sync/stylebookRule';
import type { StylebookStore } from '../stylebook/stylebookStore';
import { HubError, type HubClient } from './hubClient';

interface StylebookDoc extends Stylebook {
  _id: string;
  _rev?: string;
}

export interface StylebookSyncResult {
  pushed: boolean;
  pulled: boolean;
  /** Why the hub refused this desk's edit (not the chief editor), kept until the next edit. */
  refused: string | null;
}

function bookOf(doc: StylebookDoc): Stylebook | null {
  const parsed = StylebookSchema.safeParse({
    entries: doc.entries,
    keep: doc.keep,
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedBy,
  });
  return parsed.success ? parsed.data : null;
}

/** The hub's entries with this desk's laid over them, by wrong form. */
export function foldBooks(hub: Stylebook, mine: Stylebook): Stylebook {
  const byWrong = new Map<string, StylebookEntry>(hub.entries.map((e) => [e.wrong, e]));
  for (const e of mine.entries) byWrong.set(e.wrong, e);
  return { ...mine, entries: [...byWrong.values()], keep: [...new Set([...hub.keep, ...mine.keep])] };
}

export async function syncStylebook(hub: HubClient, store: StylebookStore): Promise<StylebookSyncResult> {
  const local = await store.stored();
  const path = `/${STYLEBOOK_DOC_ID}`;
  const remote = await hub.db<StylebookDoc | null>('GET', path, undefined, { accept404: true });
  const remoteBook = remote ? bookOf(remote) : null;
  if (local.dirty) {
    const moved = remote && remote._rev !== local.hubRev;
    const book = moved && remoteBook ? foldBooks(remoteBook, local.book) : local.book;
    const doc: StylebookDoc = { ...book, _id: STYLEBOOK_DOC_ID, ...(remote?._rev ? { _rev: remote._rev } : {}) };
    try {
      const put = await hub.db<{ rev: string }>('PUT', path, doc);
      await store.applyHub(book, put.rev, { ifUnchangedSince: local });
      return { pushed: true, pulled: false, refused: null };
    } catch (e) {
      if (e instanceof HubError && e.status === 403) return { pushed: false, pulled: false, refused: e.reason };
      // 409: the hub moved between our read and write; the next round reads it again.
      if (e instanceof HubError && e.status === 409) return { pushed: false, pulled: false, refused: null };
      throw e;
    }
  }
  // A version this desk cannot read (a newer app's fields, a hand edit) is left on the hub untouched.
  if (remote && remoteBook && remote._rev !== local.hubRev) {
    const changed = await store.applyHub(remoteBook, remote._rev!);
    return { pushed: false, pulled: changed, refused: null };
  }
  return { pushed: false, pulled: false, refused: null };
}
