/**
 * Who the hub says the desk's user is: `GET /_session` (CouchDB answers with the userCtx of the
 * credentials sent), mapped to the app's role. The desk then works with that name and role, not
 * with whatever was chosen in settings.
 */
import { NewsdeskError } from '../../../shared/ipc/errors';
import type { HubIdentity } from '../../../shared/model/settings';
import { appRoleOfSession } from '../../../shared/rules/sync/hubValidation';
import type { HubClient } from './hubClient';

interface SessionAnswer {
  ok?: boolean;
  userCtx?: { name: string | null; roles?: string[] };
}

export async function readHubIdentity(hub: HubClient, hubUrl: string, hubUser: string): Promise<HubIdentity> {
  const session = await hub.request<SessionAnswer>('GET', `${hub.serverUrl}/_session`);
  const name = session.userCtx?.name;
  const role = appRoleOfSession(session.userCtx?.roles ?? []);
  if (!name) throw new NewsdeskError('forbidden', '中心库没有认出这个用户：请检查用户名和密码');
  if (!role) throw new NewsdeskError('forbidden', `中心库用户 ${name} 不是本报编辑部成员（没有岗位）`);
  return { hubUrl, hubUser, name, role };
}
