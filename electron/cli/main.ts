/**
 * The `newsdesk` command: the same handler registry as the app, from a terminal. Startup is
 * kept short: each command imports what it needs (the store for most, the host only for serve).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from '../../shared/ipc/errors';
import type { ArticleSummary } from '../../shared/model/article';
import { ExportUsageError, runExportCommand } from './exportCommand';
import { PAGEPLAN_USAGE, runPagePlanCommand } from './pageplanCommands';
import { runHubCommand, runSyncCommand, SyncUsageError } from './syncCommand';
import type { Runtime } from '../runtime/openRuntime';

/** Every command, one line each: `newsdesk --help` prints exactly this. */
export const USAGE = `用法 / usage:
  newsdesk list [--json] [--all]          newest stories first
  newsdesk show ID --json                 one story as JSON
  newsdesk call CHANNEL JSON              any contract channel, prints the typed result
  newsdesk serve [--port N]               the browser host on 127.0.0.1 (same as npm run web)
  newsdesk parse-copy FILE                raw copy -> its structure as JSON
  newsdesk import-copy FILE...            stores each as a draft, prints the new ids (progress on stderr, Ctrl+C stops)
  newsdesk lint FILE|ID [--fix] [--json]  punctuation, numbers, 繁简 and the style book; --fix applies the fixes
  newsdesk stylebook import FILE.csv      replaces the paper's style book (本报用语规范); a bad row refuses the file
  newsdesk stylebook export FILE.csv      writes the style book as CSV
  newsdesk help                           this list
${PAGEPLAN_USAGE}
  newsdesk export DATE --out FILE.zip [--formats nitf,docx,icml,txt,pdf,json] [--force] [--docx-tracked]
                                          the issue package for typesetting and the printer
                                          --docx-tracked: DOCX with pending suggestions as Word tracked changes
  newsdesk hub init URL                   set up the newsroom hub database (as its admin)
  newsdesk hub add-user NAME --role ROLE --hub URL    roles: reporter copy_editor chief_editor layout desk_admin
  newsdesk sync [--once] --hub URL        push and pull with the hub (NEWSDESK_HUB_USER / NEWSDESK_HUB_PASSWORD)
options: --store DIR (or NEWSDESK_STORE) picks the data folder`;

class UsageError extends Error {}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function printResult(result: Result<unknown>): number {
  if (result.ok) {
    process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    return 0;
  }
  process.stderr.write(`newsdesk: ${result.error.code}: ${result.error.message}\n`);
  return 1;
}

function listLine(a: ArticleSummary): string {
  const title = [a.kicker, a.headline].filter(Boolean).join(' | ') || '(无标题)';
  return `${a.id}  ${a.status.padEnd(9)}  ${String(a.bodyChars).padStart(6)}字  ${a.updatedAt.slice(0, 16)}  ${title}`;
}

export async function runCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      store: { type: 'string' },
      json: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      port: { type: 'string' },
      number: { type: 'string' },
      from: { type: 'string' },
      template: { type: 'string' },
      jump: { type: 'boolean', default: false },
      out: { type: 'string' },
      formats: { type: 'string' },
      force: { type: 'boolean', default: false },
      'docx-tracked': { type: 'boolean', default: false },
      hub: { type: 'string' },
      role: { type: 'string' },
      once: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const { openForNode } = await import('./openForNode');
  if (command === 'hub') {
    // Hub set-up talks to the hub only; no local store is opened.
    for (const line of await runHubCommand(rest, values).catch(asUsage)) process.stdout.write(`${line}\n`);
    return 0;
  }
  // `sync` runs its own (only) sync; every other command syncs as the app does when a hub is set.
  const runtime = await openForNode(values.store ?? null, { startSync: command !== 'sync' });
  if (runtime.access.mode === 'read-only') process.stderr.write(`newsdesk: ${runtime.access.message}\n`);
  try {
    return await runCommand(command, rest, values, runtime);
  } finally {
    await runtime.close();
  }
}

type CliValues = {
  json: boolean;
  all: boolean;
  fix: boolean;
  port?: string;
  jump?: boolean;
  number?: string;
  from?: string;
  template?: string;
  out?: string;
  formats?: string;
  force: boolean;
  'docx-tracked'?: boolean;
  hub?: string;
  once: boolean;
};

function asUsage(e: unknown): never {
  throw e instanceof SyncUsageError ? new UsageError(e.message) : e;
}

async function runCommand(command: string, rest: string[], values: CliValues, runtime: Runtime): Promise<number> {
  const { client, dispatch } = runtime;
  switch (command) {
    case 'list': {
      const result = await client.call('articles.list', { limit: 500, includeSpiked: values.all });
      if (!result.ok || values.json) return printResult(result);
      const { items, total } = result.value;
      for (const a of items) process.stdout.write(`${listLine(a)}\n`);
      process.stdout.write(`共 ${total} 篇\n`);
      return 0;
    }
    case 'show': {
      if (!rest[0]) throw new UsageError('show needs an article id');
      return printResult(await client.call('articles.get', { id: rest[0] }));
    }
    case 'call': {
      const [channel, json] = rest;
      if (!channel) throw new UsageError('call needs a channel name');
      let payload: unknown = {};
      if (json !== undefined) {
        try {
          payload = JSON.parse(json);
        } catch {
          throw new UsageError(`payload is not JSON: ${json}`);
        }
      }
      return printResult(await dispatch(channel, payload));
    }
    case 'parse-copy': {
      if (!rest[0]) throw new UsageError('parse-copy needs a file');
      return printResult(await client.call('copy.parse', { text: await readText(rest[0]) }));
    }
    case 'import-copy': {
      if (rest.length === 0) throw new UsageError('import-copy needs at least one file');
      const texts = await Promise.all(rest.map(async (file) => ({ name: basename(file), text: await readText(file) })));
      const { runImportCopy } = await import('./importCopyCommand');
      const out = await runImportCopy(texts, runtime, (line) => process.stderr.write(`${line}\n`));
      for (const id of out.ids) process.stdout.write(`${id}\n`);
      return out.exitCode;
    }
    case 'lint': {
      if (!rest[0]) throw new UsageError('lint needs a file or an article id');
      const { runLint } = await import('./lintCommand');
      let out;
      try {
        out = await runLint(rest[0], values.fix, client);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new UsageError(code ? `cannot read ${rest[0]}: ${code}` : (e as Error).message);
      }
      if (values.json) process.stdout.write(`${JSON.stringify(out.json, null, 2)}\n`);
      else for (const line of out.lines) process.stdout.write(`${line}\n`);
      return out.remaining > 0 ? 1 : 0;
    }
    case 'stylebook': {
      const { runStylebookCommand, StylebookUsageError } = await import('./stylebookCommand');
      try {
        const out = await runStylebookCommand(rest, client);
        for (const line of out.lines) process.stdout.write(`${line}\n`);
        for (const line of out.errors) process.stderr.write(`newsdesk: ${line}\n`);
        return out.errors.length > 0 ? 1 : 0;
      } catch (e) {
        throw e instanceof StylebookUsageError ? new UsageError(e.message) : e;
      }
    }
    case 'serve': {
      const port = values.port ? Number(values.port) : 0;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`bad port: ${values.port}`);
      const [{ startHost }, { PACKAGE_ROOT }, { join }] = await Promise.all([
        import('../host/server'),
        import('./openForNode'),
        import('node:path'),
      ]);
      const host = await startHost({
        dispatch,
        dataDir: runtime.dataDir,
        rendererDir: join(PACKAGE_ROOT, 'dist', 'renderer'),
        port,
        readAsset: runtime.readAsset,
      });
      runtime.onEvent((event) => host.broadcast(event));
      // Other processes (the CLI, a second host) find this one through the store's lock file.
      await runtime.publishEndpoint(host.port, host.token);
      process.stdout.write(`Newsdesk 已启动 / serving ${runtime.dataDir}\n${host.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.close();
      return 0;
    }
    case 'issue':
    case 'place':
    case 'unplace':
    case 'flatplan':
      return runPagePlanCommand(command, rest, values, dispatch);
    case 'export': {
      try {
        return await runExportCommand(
          {
            date: rest[0],
            out: values.out,
            formats: values.formats,
            force: values.force,
            docxTracked: values['docx-tracked'],
          },
          runtime,
        );
      } catch (e) {
        if (e instanceof ExportUsageError) throw new UsageError(e.message);
        throw e;
      }
    }
    case 'sync': {
      const { lines, code } = await runSyncCommand(runtime, values).catch(asUsage);
      for (const line of lines) process.stdout.write(`${line}\n`);
      return code;
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

export async function main(): Promise<void> {
  // `newsdesk list | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`newsdesk: ${msg}${e instanceof UsageError ? ' (newsdesk --help)' : ''}\n`);
    process.exitCode = 2;
  }
}
