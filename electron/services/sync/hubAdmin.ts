/**
 * Setting up a newsroom hub: the database, its `_security` (members by role, desk_admin as admins),
 * the design document with `validate_doc_update`, and user accounts in `_users`.
 * Runs with a server admin's credentials; a second run updates what is there.
 */
import { NewsdeskError } from '../../../shared/ipc/errors';
import {
  HUB_DESIGN_ID,
  HUB_ROLES,
  HUB_SECURITY,
  validateDocUpdateSource,
  type HubRole,
} from '../../../shared/rules/sync/hubValidation';
import { HubError, type HubClient } from './hubClient';

export async function initHub(hub: HubClient): Promise<{ created: boolean }> {
  let created = true;
  try {
    await hub.db('PUT', '');
  } catch (e) {
    if (!(e instanceof HubError) || e.status !== 412) throw e;
    created = false;
  }
  await hub.db('PUT', '/_security', HUB_SECURITY);
  const existing = await hub.db<{ _rev: string } | null>('GET', `/${HUB_DESIGN_ID}`, undefined, { accept404: true });
  await hub.db('PUT', `/${HUB_DESIGN_ID}`, {
    _id: HUB_DESIGN_ID,
    ...(existing ? { _rev: existing._rev } : {}),
    language: 'javascript',
    validate_doc_update: validateDocUpdateSource(),
  });
  return { created };
}

export async function addHubUser(hub: HubClient, name: string, role: string, password: string): Promise<void> {
  if (!HUB_ROLES.includes(role as HubRole)) {
    throw new NewsdeskError('validation', `未知角色：${role}（可用：${HUB_ROLES.join(', ')}）`);
  }
  if (!/^[^:]{1,64}$/.test(name)) throw new NewsdeskError('validation', `用户名无效：${name}`);
  const url = `${hub.serverUrl}/_users/org.couchdb.user:${encodeURIComponent(name)}`;
  const existing = await hub.request<{ _rev: string } | null>('GET', url, undefined, { accept404: true });
  await hub.request('PUT', url, {
    _id: `org.couchdb.user:${name}`,
    ...(existing ? { _rev: existing._rev } : {}),
    name,
    password,
    roles: [role],
    type: 'user',
  });
}

/** For 测试连接: reaches the database as this user and says in words what failed. */
export async function testHub(hub: HubClient): Promise<{ ok: true; db: string } | { ok: false; reason: string }> {
  try {
    const info = await hub.info();
    return { ok: true, db: info.db_name };
  } catch (e) {
    return { ok: false, reason: describeHubFailure(e) };
  }
}

export function describeHubFailure(e: unknown): string {
  if (e instanceof HubError) {
    if (e.status === 401) return `用户名或密码不对，或此用户不是本库成员（401 ${e.reason}）`;
    if (e.status === 403) return `此用户无权访问中心库（403 ${e.reason}）`;
    if (e.status === 404) return '中心库不存在：请先运行 newsdesk hub init';
    if (e.status === 413) return `稿件超过中心库的大小上限（${e.reason}）`;
    return `中心库拒绝：${e.status} ${e.reason}`;
  }
  return `连不上中心库：${e instanceof Error ? e.message : String(e)}`;
}
