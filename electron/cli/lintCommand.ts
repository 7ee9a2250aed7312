/** `newsdesk lint FILE|ID [--fix]`: punctuation and style findings with positions and fixes. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { ArticleIdSchema, contentOf } from '../../shared/model/article';
import { fixArticle } from '../../shared/rules/fixArticle';
import { fixText, lintArticle, lintText, type ArticleFinding, type Finding } from '../../shared/rules/punctuation';
import type { NewsdeskClient } from '../../shared/ipc/client';
import { writeFileAtomic } from '../services/atomicFile';

/** 1-based line and column of a UTF-16 offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function describe(f: Finding): string {
  const fix = f.fix ? `  → 「${f.fix.replacement}」` : '';
  return `${f.rule}  ${f.message}${fix}`;
}

function where(f: ArticleFinding): string {
  const loc = f.location;
  return 'block' in loc ? `${loc.field}[${loc.block + 1}]:${f.start + 1}` : `${loc.field}:${f.start + 1}`;
}

export interface LintOutput {
  lines: string[];
  /** Findings left after --fix (all of them without it). */
  remaining: number;
}

async function lintFile(file: string, fix: boolean): Promise<LintOutput> {
  const text = await readFile(file, 'utf8');
  const findings = lintText(text);
  const lines = findings.map((f) => {
    const { line, col } = lineCol(text, f.start);
    return `${file}:${line}:${col}  ${describe(f)}`;
  });
  if (!fix) return { lines, remaining: findings.length };
  const fixed = fixText(text);
  if (fixed !== text) await writeFileAtomic(file, fixed);
  const left = lintText(fixed);
  lines.push(`已修正 ${findings.length - left.length} 处，余 ${left.length} 处需人工判断`);
  return { lines, remaining: left.length };
}

async function lintStored(id: string, fix: boolean, client: NewsdeskClient): Promise<LintOutput> {
  const got = await client.call('articles.get', { id });
  if (!got.ok) throw new Error(`${got.error.code}: ${got.error.message}`);
  const article = got.value;
  const findings = lintArticle(article);
  const lines = findings.map((f) => `${id} ${where(f)}  ${describe(f)}`);
  if (!fix) return { lines, remaining: findings.length };
  const content = fixArticle(contentOf(article), findings);
  const saved = await client.call('articles.save', { id, baseRevision: article.revision, content });
  if (!saved.ok) throw new Error(`${saved.error.code}: ${saved.error.message}`);
  const left = lintArticle(saved.value);
  lines.push(`已修正并保存为第 ${saved.value.revision} 版，余 ${left.length} 处需人工判断`);
  return { lines, remaining: left.length };
}

export function runLint(target: string, fix: boolean, client: NewsdeskClient): Promise<LintOutput> {
  // A path that exists is a file; otherwise an article id.
  if (!existsSync(target) && ArticleIdSchema.safeParse(target).success) return lintStored(target, fix, client);
  return lintFile(target, fix);
}
