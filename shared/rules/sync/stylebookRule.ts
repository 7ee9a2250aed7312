/**
 * Who may write the paper's style book (本报用语规范) on the hub: the chief editor only (hub admins
 * pass before any rule). Checked by the desk before a save and embedded by its source in the
 * design document's validate_doc_update, as the issue plan rule is.
 */

/** The style book's hub document id: one book per newsroom database. */
export const STYLEBOOK_DOC_ID = 'stylebook';

/**
 * Why `roles` may not write `docId`, or null when they may (or when it is not the style book).
 * Written in the subset of JavaScript every CouchDB query server runs (no arrows, no variables
 * from outside its own body), because validateDocUpdateSource embeds its source text.
 */
export function stylebookRefusal(docId: string, roles: readonly string[]): string | null {
  if (docId !== 'stylebook') return null;
  if (roles.indexOf('chief_editor') !== -1) return null;
  return '只有值班总编可以修改本报用语规范';
}
