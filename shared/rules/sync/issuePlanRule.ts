/**
 * Who may write a day's issue plan (期次/版面计划) on the hub: layout and the chief editor only
 * (hub admins pass before any rule). One pure function, checked by the app and embedded by its
 * source in the design document's validate_doc_update, so both run the same rule.
 */

/** Hub document ids of issue plans start with this; stories start with `a-`. */
export const ISSUE_PLAN_ID_PREFIX = 'i-';

/**
 * Why `roles` may not write the plan `docId`, or null when they may (or when it is not a plan).
 * Written in the subset of JavaScript every CouchDB query server runs (no arrows, no variables,
 * nothing from outside its own body), because validateDocUpdateSource embeds its source text.
 */
export function issuePlanRefusal(docId: string, roles: readonly string[]): string | null {
  if (docId.indexOf('i-') !== 0) return null;
  if (roles.indexOf('layout') !== -1 || roles.indexOf('chief_editor') !== -1) return null;
  return '只有版面编辑和值班总编可以修改版面计划';
}
