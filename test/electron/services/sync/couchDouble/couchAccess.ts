/**
 * CouchDB's access rules for one database, as the double applies them: who is an admin, who may
 * read and write (members), and the 401/403 answers CouchDB 3 gives the others.
 */
export interface UserCtx {
  db?: string;
  name: string | null;
  roles: string[];
}

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
  ) {
    super(`${status} ${error}: ${reason}`);
  }
}

export function isDbAdmin(security: SecurityObject, ctx: UserCtx): boolean {
  if (ctx.roles.includes('_admin')) return true;
  return (
    (ctx.name !== null && security.admins.names.includes(ctx.name)) ||
    ctx.roles.some((r) => security.admins.roles.includes(r))
  );
}

/**
 * Admins always; a database whose members list is empty is public; otherwise members by name or
 * role. 401 for an anonymous request, 403 for a stranger (pouchdb-server answers 401).
 */
export function checkReader(security: SecurityObject, ctx: UserCtx): void {
  if (isDbAdmin(security, ctx)) return;
  const m = security.members;
  if (m.names.length === 0 && m.roles.length === 0) return;
  const member = (ctx.name !== null && m.names.includes(ctx.name)) || ctx.roles.some((r) => m.roles.includes(r));
  if (member) return;
  if (ctx.name === null) throw new CouchError(401, 'unauthorized', 'You are not authorized to access this db.');
  throw new CouchError(403, 'forbidden', 'You are not allowed to access this db.');
}

export function checkDbAdmin(security: SecurityObject, ctx: UserCtx): void {
  if (isDbAdmin(security, ctx)) return;
  if (ctx.name === null) throw new CouchError(401, 'unauthorized', 'You are not a db or server admin.');
  throw new CouchError(403, 'forbidden', 'You are not a db or server admin.');
}
