/**
 * `newsdesk hub init URL`, `newsdesk hub add-user NAME --role ROLE --hub URL` and
 * `newsdesk sync [--once] --hub URL`. The user comes from NEWSDESK_HUB_USER, the password from
 * NEWSDESK_HUB_PASSWORD or a prompt that does not echo; neither is ever printed, and a URL with
 * `user:pw@` is refused (argv is readable by every local user).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { addHubUser, describeHubFailure, initHub } from '../services/sync/hubAdmin';
import { HubClient, parseHubUrl, type HubAuth } from '../services/sync/hubClient';
import { localServices, type Runtime } from '../runtime/openRuntime';
import { isCleartextHubUrl } from '../../shared/rules/sync/hubUrlSafety';

export class SyncUsageError extends Error {}

async function prompt(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new SyncUsageError(`${question.trim()} (set NEWSDESK_HUB_PASSWORD when not on a terminal)`);
  process.stderr.write(question);
  // Typed characters go nowhere, so a password never shows on screen or in a scrollback.
  const silent = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

async function credentials(url: string, env: NodeJS.ProcessEnv): Promise<{ dbUrl: string; auth: HubAuth | null }> {
  let parsed;
  try {
    parsed = parseHubUrl(url);
  } catch (e) {
    throw new SyncUsageError((e as Error).message);
  }
  const user = env.NEWSDESK_HUB_USER;
  if (!user) return { dbUrl: parsed.dbUrl, auth: null };
  const password = env.NEWSDESK_HUB_PASSWORD ?? (await prompt(`${user} 的中心库密码: `));
  return { dbUrl: parsed.dbUrl, auth: { user, password } };
}

export async function runHubCommand(rest: string[], opts: { hub?: string; role?: string }, env = process.env) {
  const [sub, arg] = rest;
  if (sub === 'init') {
    if (!arg) throw new SyncUsageError('hub init needs the database URL');
    const { dbUrl, auth } = await credentials(arg, env);
    const { created } = await initHub(new HubClient(dbUrl, auth)).catch((e: unknown) => {
      throw new Error(describeHubFailure(e));
    });
    return [`${created ? '已创建' : '已更新'}中心库 ${dbUrl}（_security 与校验规则）`];
  }
  if (sub === 'add-user') {
    if (!arg || !opts.role || !opts.hub) throw new SyncUsageError('hub add-user needs NAME --role ROLE --hub URL');
    const { dbUrl, auth } = await credentials(opts.hub, env);
    const password = env.NEWSDESK_NEW_USER_PASSWORD ?? (await prompt(`新用户 ${arg} 的密码: `));
    await addHubUser(new HubClient(dbUrl, auth), arg, opts.role, password).catch((e: unknown) => {
      throw new Error(e instanceof Error && !('status' in e) ? e.message : describeHubFailure(e));
    });
    return [`已添加用户 ${arg}（${opts.role}）`];
  }
  throw new SyncUsageError(`unknown hub command: ${sub ?? ''}`);
}

/** One push and pull (`--once`), or continuous sync until Ctrl-C, printing status lines. */
export async function runSyncCommand(runtime: Runtime, opts: { hub?: string; once: boolean }, env = process.env) {
  const url = opts.hub ?? localServices(runtime).settings.get().hubUrl;
  if (!url) throw new SyncUsageError('sync needs --hub URL (or a hub configured in settings)');
  // Said before the password is asked for, so the user can stop before typing it.
  if (isCleartextHubUrl(url)) {
    process.stderr.write(`警告：${url} 用 http:// 连接另一台电脑，密码和稿件以明文传输；请改用 https://。\n`);
  }
  const { auth } = await credentials(url, env);
  const sync = localServices(runtime).sync;
  if (opts.once) {
    const result = await sync.runOnce(url, auth).catch((e: unknown) => {
      throw new Error(describeHubFailure(e));
    });
    const lines = [`推送 ${result.pushed} 篇，拉取 ${result.pulled} 篇`];
    // Every story the hub still refuses, on every run until it passes or is discarded.
    for (const r of result.refused) lines.push(`被拒 ${r.id}：${r.reason}`);
    for (const a of result.setAside) lines.push(`搁置 ${a.id} ${a.rev}（本机无法读取：${a.reason}）：${a.file}`);
    return { lines, code: result.refused.length > 0 ? 1 : 0 };
  }
  sync.onStatus((s) =>
    process.stdout.write(`${s.state} 待推送 ${s.pending} 冲突 ${s.conflicts}${s.message ? ` ${s.message}` : ''}\n`),
  );
  await sync.start(url, auth);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await sync.stop();
  return { lines: [], code: 0 };
}
