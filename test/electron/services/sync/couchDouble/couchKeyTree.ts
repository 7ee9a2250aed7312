/**
 * CouchDB's revision tree merge (couch_key_tree.erl, 3.5.0), ported for the double over
 * pouchdb-merge's tree shape (`{ pos, ids: [id, opts, children] }`), so pouchdb-merge's readers
 * (winner, leaves, paths) still apply. pouchdb-merge's own `merge` differs where a document's tree is
 * a forest of stemmed branches, which invented histories produce: it joins a pushed path to every
 * branch it overlaps, where CouchDB merges it into the first branch it fits (so a revision can be a
 * leaf there, be validated and stored) and joins the branches only when it stems the tree after
 * the write (`stem` finds a revision id twice and rebuilds the tree from its leaf paths). The real
 * CouchDB showed the difference (doubleMatchesCouch.test.ts).
 */
import type { RevNode, RevPath } from 'pouchdb-merge';

type Opts = RevNode[1];
type Result = 'new_leaf' | 'new_branch' | 'internal_node';

/** CouchDB keeps a stored value over a missing one; of two stored values, the tree's own. */
function valuePref(v1: Opts, v2: Opts): Opts {
  if (v1.status === 'missing') return v2;
  return v1;
}

function mergeAt(nodes: RevNode[], pos: number, inodes: RevNode[]): { merged: RevNode[]; result: Result } | null {
  if (inodes.length === 0 || nodes.length === 0) return null;
  if (pos > 0) {
    const [ik, iv, ichildren] = inodes[0]!;
    if (ichildren.length !== 1) return null;
    const r = mergeAt(nodes, pos - 1, [ichildren[0]!]);
    return r ? { merged: [[ik, iv, r.merged]], result: r.result } : null;
  }
  const [k, v1, sub] = nodes[0]!;
  const sibs = nodes.slice(1);
  if (pos < 0) {
    const r = mergeAt(sub, pos + 1, inodes);
    if (r) return { merged: [[k, v1, r.merged], ...sibs], result: r.result };
    const r2 = mergeAt(sibs, pos, inodes);
    return r2 ? { merged: [nodes[0]!, ...r2.merged], result: r2.result } : null;
  }
  const [k2, v2, isub] = inodes[0]!;
  if (k === k2) {
    const r = mergeExtend(sub, isub);
    return { merged: [[k, valuePref(v1, v2), r.merged], ...sibs], result: r.result };
  }
  if (k > k2) return null;
  const r = mergeAt(sibs, 0, inodes);
  return r ? { merged: [nodes[0]!, ...r.merged], result: r.result } : null;
}

function mergeExtend(a: RevNode[], b: RevNode[]): { merged: RevNode[]; result: Result } {
  if (a.length === 0 && b.length > 0) return { merged: b, result: 'new_leaf' };
  if (b.length === 0) return { merged: a, result: 'internal_node' };
  const [k1, v1, subA] = a[0]!;
  const [k2, v2, subB] = b[0]!;
  if (k1 === k2) {
    const r = mergeExtend(subA, subB);
    return { merged: [[k1, valuePref(v1, v2), r.merged], ...a.slice(1)], result: r.result };
  }
  if (k1 > k2) return { merged: [b[0]!, ...a], result: 'new_branch' };
  const restA = a.slice(1);
  const r = mergeExtend(restA, b);
  return { merged: [a[0]!, ...r.merged], result: r.merged.length === restA.length ? r.result : 'new_branch' };
}

/**
 * A revision sent in the request being judged: a value in the tree (CouchDB's `#doc{}`, a tuple in
 * term order) that is not yet a body on disk.
 */
export type PendingOpts = RevNode[1] & { pending: true };
const isPending = (v: Opts): boolean => (v as Partial<PendingOpts>).pending === true;

/** Erlang's term order on a value: a stored or sent revision (a tuple) before a missing one (`[]`). */
const valueRank = (v: Opts): number => (v.status === 'missing' ? 1 : 0);

/** Erlang's term order on `{Key, Value, Children}`: key, then value, then the children as a list. */
function compareNode(a: RevNode, b: RevNode): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  const byValue = valueRank(a[1]) - valueRank(b[1]);
  if (byValue !== 0) return byValue;
  for (let i = 0; i < Math.min(a[2].length, b[2].length); i++) {
    const c = compareNode(a[2][i]!, b[2][i]!);
    if (c !== 0) return c;
  }
  return a[2].length - b[2].length;
}

/** Erlang's term order on `{Pos, Node}`, as `lists:sort` orders a forest and the paths of a request. */
function byPosAndId(a: RevPath, b: RevPath): number {
  if (a.pos !== b.pos) return a.pos - b.pos;
  return compareNode(a.ids, b.ids);
}

/** `couch_key_tree:merge/2`: the path goes into the first branch it fits, or becomes a branch. */
export function mergePath(forest: RevPath[], path: RevPath): { tree: RevPath[]; result: Result } {
  const acc: RevPath[] = [];
  for (let i = 0; i < forest.length; i++) {
    const branch = forest[i]!;
    const r = mergeAt([branch.ids], branch.pos - path.pos, [path.ids]);
    if (r && r.merged.length === 1) {
      const tree = [...forest.slice(i + 1), { pos: Math.min(branch.pos, path.pos), ids: r.merged[0]! }, ...acc];
      return { tree: tree.sort(byPosAndId), result: r.result };
    }
    acc.unshift(branch);
  }
  return { tree: [path, ...acc].sort(byPosAndId), result: acc.length === 0 ? 'new_leaf' : 'new_branch' };
}

/** `couch_key_tree:multi_merge/2`: several paths, in sorted order, without stemming. */
export function multiMerge(forest: RevPath[], paths: RevPath[]): RevPath[] {
  return [...paths].sort(byPosAndId).reduce((tree, path) => mergePath(tree, path).tree, forest);
}

/**
 * Every leaf with its path (leaf first), as `get_all_leafs_full` gives them: each node's revision
 * and whether that node, in this tree, has a body on disk (a revision id can occur in two branches
 * of a forest, stored in one and missing in the other).
 */
export function leafPaths(forest: RevPath[]): { rev: string; path: { rev: string; stored: boolean }[] }[] {
  const out: { rev: string; path: { rev: string; stored: boolean }[] }[] = [];
  const walk = (pos: number, node: RevNode, above: { rev: string; stored: boolean }[]) => {
    const path = [{ rev: `${pos}-${node[0]}`, stored: node[1].status !== 'missing' && !isPending(node[1]) }, ...above];
    if (node[2].length === 0) out.push({ rev: path[0]!.rev, path });
    for (const child of node[2]) walk(pos + 1, child, path);
  };
  for (const branch of forest) walk(branch.pos, branch.ids, []);
  return out;
}

/** The values each revision has in a forest (by identity): which sent body a merge kept. */
export function valuesByRev(forest: RevPath[]): Map<string, Set<Opts>> {
  const out = new Map<string, Set<Opts>>();
  const walk = (pos: number, node: RevNode) => {
    const rev = `${pos}-${node[0]}`;
    out.set(rev, (out.get(rev) ?? new Set()).add(node[1]));
    for (const child of node[2]) walk(pos + 1, child);
  };
  for (const branch of forest) walk(branch.pos, branch.ids);
  return out;
}

/**
 * `couch_key_tree:stem/2` after a write, for trees within the revision limit: unchanged unless a
 * revision id occurs twice (branches that overlap), then rebuilt by merging every leaf's path, the
 * ones starting nearest the root first (`repair_tree`).
 */
export function stemAfterWrite(forest: RevPath[]): RevPath[] {
  const seen = new Set<string>();
  let dupe = false;
  const visit = (node: RevNode) => {
    if (seen.has(node[0])) dupe = true;
    seen.add(node[0]);
    node[2].forEach(visit);
  };
  forest.forEach((b) => visit(b.ids));
  if (!dupe) return [...forest].sort(byPosAndId);
  const paths: { start: number; nodes: [string, Opts][] }[] = [];
  const walk = (pos: number, node: RevNode, above: [string, Opts][]) => {
    const path: [string, Opts][] = [[node[0], node[1]], ...above];
    if (node[2].length === 0) paths.push({ start: pos - path.length + 1, nodes: path });
    for (const child of node[2]) walk(pos + 1, child, path);
  };
  forest.forEach((b) => walk(b.pos, b.ids, []));
  paths.sort((a, b) => {
    if (a.start !== b.start) return a.start - b.start;
    for (let i = 0; i < Math.min(a.nodes.length, b.nodes.length); i++) {
      const [ka, va] = a.nodes[i]!;
      const [kb, vb] = b.nodes[i]!;
      if (ka !== kb) return ka < kb ? -1 : 1;
      if (valueRank(va) !== valueRank(vb)) return valueRank(va) - valueRank(vb);
    }
    return a.nodes.length - b.nodes.length;
  });
  let tree: RevPath[] = [];
  for (const p of paths) {
    let node: RevNode | null = null;
    for (const [id, opts] of p.nodes) node = [id, opts, node ? [node] : []];
    tree = mergePath(tree, { pos: p.start, ids: node! }).tree;
  }
  return tree;
}
