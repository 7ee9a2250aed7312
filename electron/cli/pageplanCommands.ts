/** `newsdesk issue create | place | unplace | flatplan`: the page plan from a terminal, over the same registry. */
import type { Dispatch } from '../ipc/registry';
import type { Result } from '../../shared/ipc/errors';
import type { FlatplanRow } from '../../shared/model/flatplan';
import type { Issue } from '../../shared/model/issue';

export const PAGEPLAN_COMMANDS = ['issue', 'place', 'unplace', 'flatplan'] as const;

export const PAGEPLAN_USAGE = `  newsdesk issue create DATE [--number N] [--from DATE | --template NAME]
                                          a day's issue (期号 defaults to the previous + 1)
  newsdesk place ARTICLE_ID DATE PAGE SLOT [--jump]
                                          places a story (--jump: its 转版 second part)
  newsdesk unplace ARTICLE_ID             takes a story out of the plan
  newsdesk flatplan DATE [--json]         one row per slot: page, slot, story, status, target/actual 字, problems`;

export interface PagePlanFlags {
  json: boolean;
  jump?: boolean;
  number?: string;
  from?: string;
  template?: string;
}

interface Out {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Bad input: one line on stderr and a non-zero exit; the registry refused before anything was written. */
function fail(io: Out, message: string, code = 2): number {
  io.err(`newsdesk: ${message}`);
  return code;
}

function failed(io: Out, r: Extract<Result<unknown>, { ok: false }>): number {
  return fail(io, `${r.error.code}: ${r.error.message.replace(/\s*\n\s*/g, ' ')}`, 1);
}

function rowLine(r: FlatplanRow): string {
  return [
    r.page.padEnd(4),
    r.slotId.padEnd(8),
    (r.articleId ?? '-').padEnd(22),
    (r.status ?? '-').padEnd(9),
    String(r.targetChars).padStart(6),
    String(r.actualChars).padStart(6),
    r.problems.join(',') || '-',
  ].join('  ');
}

export async function runPagePlanCommand(
  command: (typeof PAGEPLAN_COMMANDS)[number],
  args: string[],
  flags: PagePlanFlags,
  dispatch: Dispatch,
  io: Out = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) },
): Promise<number> {
  switch (command) {
    case 'issue': {
      const [sub, date, ...extra] = args;
      if (sub !== 'create' || !date || extra.length > 0)
        return fail(io, 'usage: newsdesk issue create DATE [--number N] [--from DATE | --template NAME]');
      let number: number | undefined;
      if (flags.number !== undefined) {
        number = Number(flags.number);
        if (!/^\d+$/.test(flags.number) || number < 1)
          return fail(io, `期号 must be a positive whole number: ${flags.number}`);
      }
      const r = await dispatch('pageplan.createIssue', { date, number, from: flags.from, template: flags.template });
      if (!r.ok) return failed(io, r);
      const issue = r.value as Issue;
      io.out(`${issue.id}  第${issue.number}期  ${issue.pages.length}版  ${issue.pages.map((p) => p.label).join(' ')}`);
      return 0;
    }
    case 'place': {
      const [articleId, date, page, slotId, ...extra] = args;
      if (!slotId || extra.length > 0) return fail(io, 'usage: newsdesk place ARTICLE_ID DATE PAGE SLOT [--jump]');
      const r = await dispatch('pageplan.place', { articleId, date, page, slotId, jump: flags.jump || undefined });
      if (!r.ok) return failed(io, r);
      io.out(`${articleId} → ${date} ${page} ${slotId}（版面第 ${(r.value as Issue).revision} 版）`);
      return 0;
    }
    case 'unplace': {
      const [articleId, ...extra] = args;
      if (!articleId || extra.length > 0) return fail(io, 'usage: newsdesk unplace ARTICLE_ID');
      const r = await dispatch('pageplan.unplace', { articleId });
      if (!r.ok) return failed(io, r);
      io.out(`${articleId} 已撤下`);
      return 0;
    }
    case 'flatplan': {
      const [date, ...extra] = args;
      if (!date || extra.length > 0) return fail(io, 'usage: newsdesk flatplan DATE [--json]');
      const r = await dispatch('pageplan.flatplan', { date });
      if (!r.ok) return failed(io, r);
      const { issue, rows } = r.value as { issue: Issue; rows: FlatplanRow[] };
      if (flags.json) {
        io.out(JSON.stringify({ date: issue.date, number: issue.number, revision: issue.revision, rows }, null, 2));
        return 0;
      }
      io.out(`${issue.date}  第${issue.number}期  ${issue.pages.length}版`);
      io.out(['page', 'slot    ', 'article               ', 'status   ', 'target', 'actual', 'problems'].join('  '));
      for (const row of rows) io.out(rowLine(row));
      return 0;
    }
  }
}
