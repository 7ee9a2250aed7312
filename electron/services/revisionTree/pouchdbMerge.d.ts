// Types for the parts of pouchdb-merge (which ships none) that the rev tree module uses.
declare module 'pouchdb-merge' {
  export interface RevOpts {
    status?: 'available' | 'missing';
    deleted?: boolean;
  }
  export type RevNode = [string, RevOpts, RevNode[]];
  export interface RevPath {
    pos: number;
    ids: RevNode;
  }
  export interface MergeResult {
    tree: RevPath[];
    stemmedRevs: string[];
    conflicts: 'new_leaf' | 'new_branch' | 'internal_node';
  }
  export function merge(tree: RevPath[], path: RevPath, depth: number): MergeResult;
  export function winningRev(metadata: { rev_tree: RevPath[] }): string;
  export function collectLeaves(tree: RevPath[]): { rev: string; pos: number; opts: RevOpts }[];
  export function collectConflicts(metadata: { rev_tree: RevPath[] }): string[];
  export function compactTree(metadata: { rev_tree: RevPath[] }): string[];
  export function revExists(tree: RevPath[], rev: string): boolean;
  export function rootToLeaf(tree: RevPath[]): { pos: number; ids: { id: string; opts: RevOpts }[] }[];
  export function isDeleted(metadata: { rev_tree: RevPath[] }, rev?: string): boolean;
  export function findPathToLeaf(tree: RevPath[], rev: string): string[];
  export function traverseRevTree<C>(
    tree: RevPath[],
    callback: (isLeaf: boolean, pos: number, id: string, ctx: C, opts: RevOpts) => C,
  ): void;
}
