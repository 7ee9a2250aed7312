/**
 * The CouchDB revision tree of one document, on pouchdb-merge: the same merge, winner and
 * conflict rules as CouchDB and PouchDB, so every replica picks the same winner.
 */
import { createHash } from 'node:crypto';
import { collectConflicts, collectLeaves, compactTree, merge, revExists, rootToLeaf, winningRev } from 'pouchdb-merge';
import type { RevPath as MergePath } from 'pouchdb-merge';
import type { RevNode, RevTree } from '../../../shared/model/syncFields';

/** How many ancestors a rev path keeps, as CouchDB's default `_revs_limit`. */
export const REVS_LIMIT = 1000;

/** A leaf's ancestry as the replication protocol sends it: newest hash first. */
export interface Revisions {
  start: number;
  ids: string[];
}

export function splitRev(rev: string): { pos: number; hash: string } {
  const dash = rev.indexOf('-');
  return { pos: Number(rev.slice(0, dash)), hash: rev.slice(dash + 1) };
}

/** A deterministic rev hash, like CouchDB's: the same edit on the same parent gets the same id. */
export function revHash(parentRev: string | null, body: unknown, deleted: boolean): string {
  return createHash('md5')
    .update(JSON.stringify([parentRev, deleted, body]))
    .digest('hex');
}

function mergePath(tree: RevTree, path: MergePath): RevTree {
  // pouchdb-merge mutates the tree it is given; callers keep their copy.
  const merged = merge(structuredClone(tree) as MergePath[], path, REVS_LIMIT).tree;
  // Only leaf bodies are kept, so every inner revision is `missing`, as on a compacted CouchDB.
  compactTree({ rev_tree: merged });
  return merged as RevTree;
}

/** Adds `rev` as a child of `parentRev` (a first revision when null). */
export function addChild(tree: RevTree | null, parentRev: string | null, rev: string, deleted: boolean): RevTree {
  const { pos, hash } = splitRev(rev);
  const leaf: RevNode = [hash, deleted ? { status: 'available', deleted: true } : { status: 'available' }, []];
  if (!parentRev || !tree) {
    const path = { pos, ids: leaf };
    return tree ? mergePath(tree, path) : [path];
  }
  const parent = splitRev(parentRev);
  return mergePath(tree, { pos: parent.pos, ids: [parent.hash, { status: 'missing' }, [leaf]] });
}

/** Merges a leaf that arrived from a peer with its `_revisions` ancestry. */
export function addRemote(tree: RevTree | null, revisions: Revisions, deleted: boolean): RevTree {
  const ids = revisions.ids;
  let node: RevNode = [ids[0]!, deleted ? { status: 'available', deleted: true } : { status: 'available' }, []];
  for (let i = 1; i < ids.length; i++) node = [ids[i]!, { status: 'missing' }, [node]];
  const path = { pos: revisions.start - ids.length + 1, ids: node };
  return tree ? mergePath(tree, path) : [path];
}

export function winner(tree: RevTree): string {
  return winningRev({ rev_tree: tree as MergePath[] });
}

export function leaves(tree: RevTree): { rev: string; deleted: boolean }[] {
  return collectLeaves(tree as MergePath[]).map((l) => ({ rev: l.rev, deleted: !!l.opts.deleted }));
}

/** Live leaves other than the winner. */
export function conflicts(tree: RevTree): string[] {
  return collectConflicts({ rev_tree: tree as MergePath[] });
}

export function hasRev(tree: RevTree, rev: string): boolean {
  return revExists(tree as MergePath[], rev);
}

/** Whether `rev` is `leafRev` or one of its ancestors. */
export function isAncestorOrSelf(tree: RevTree, rev: string, leafRev: string): boolean {
  const { pos, hash } = splitRev(rev);
  const path = revisionsOf(tree, leafRev);
  const index = path.start - pos;
  return index >= 0 && path.ids[index] === hash;
}

/** The ancestry of a leaf in `_revisions` form, for `_bulk_docs` with `new_edits: false`. */
export function revisionsOf(tree: RevTree, leafRev: string): Revisions {
  const { pos, hash } = splitRev(leafRev);
  for (const path of rootToLeaf(tree as MergePath[])) {
    if (path.ids[path.ids.length - 1]?.id === hash && path.pos + path.ids.length - 1 === pos) {
      return { start: pos, ids: path.ids.map((n) => n.id).reverse() };
    }
  }
  throw new Error(`${leafRev} is not a leaf`);
}
