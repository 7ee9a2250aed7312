/**
 * `newsdesk lint FILE|ID [--fix] [--json]`: punctuation, numbers, 繁简 and the paper's style book,
 * with positions, sources and fixes; the style book is the store's, as every desk applies it.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { ArticleIdSchema, contentOf } from '../../shared/model/article';
import { blockText } from '../../shared/model/document';
import { fixArticle } from '../../shared/rules/fixArticle';
import {
  fixText,
  lintArticle,
  lintText,
  sourceOf,
  type ArticleFinding,
  type Finding,
  type HouseContext,
} from '../../shared/rules/punctuation';
import { compileStylebook } from '../../shared/rules/lint/stylebookRule';
import { keepMatcher } from '../../shared/rules/lint/houseRules';
import type { NewsdeskClient } from '../../shared/ipc/client';
import { writeFileAtomic } from '../services/atomicFile';

/** One finding as `--json` prints it: offsets are UTF-16, into the file or into the story's field or block. */
export interface JsonFinding {
  rule: string;
  source: string;
  severity: 'must' | 'suggest';
  offset: number;
  text: string;
  suggestion: string | null;
  message: string;
  line?: number;
  col?: number;
  location?: ArticleFinding['location'];
}

/** `text` is what was found (widened to the fix's span when the fix reaches further); `suggestion` what it becomes. */
function toJson(f: Finding, text: string, extra: Partial<JsonFinding>): JsonFinding {
  const from = f.fix ? Math.min(f.start, f.fix.start) : f.start;
  const to = f.fix ? Math.max(f.end, f.fix.end) : f.end;
  return {
    rule: f.rule,
    source: sourceOf(f),
    severity: f.severity ?? 'must',
    offset: from,
    text: text.slice(from, to),
    suggestion: f.fix ? text.slice(from, f.fix.start) + f.fix.replacement + text.slice(f.fix.end, to) : null,
    message: f.message,
    ...extra,
  };
}

async function houseContext(client: NewsdeskClient, storyId: string | null): Promise<HouseContext> {
  const book = await client.call('stylebook.get', {});
  if (!book.ok) throw new Error(`${book.error.code}: ${book.error.message}`);
  const memory = storyId ? await client.call('lint.memory', { id: storyId }) : null;
  return {
    stylebook: compileStylebook(book.value),
    storyKeep: memory?.ok ? keepMatcher(memory.value.keep) : null,
  };
}
/** 1-based line and column of a UTF-16 offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function describe(f: Finding): string {
  const fix = f.fix ? `  → 「${f.fix.replacement}」` : '';
  return `${f.rule}  ${f.message}${fix}  〔${sourceOf(f)}〕`;
}

function where(f: ArticleFinding): string {
  const loc = f.location;
  return 'block' in loc ? `${loc.field}[${loc.block + 1}]:${f.start + 1}` : `${loc.field}:${f.start + 1}`;
}

export interface LintOutput {
  lines: string[];
  /** Findings left after --fix (all of them without it). */
  remaining: number;
  /** With --json: the findings as objects (before any fix). */
  json: JsonFinding[];
}

async function lintFile(file: string, fix: boolean, client: NewsdeskClient): Promise<LintOutput> {
  const text = await readFile(file, 'utf8');
  const house = await houseContext(client, null);
  const findings = lintText(text, { house });
  const json = findings.map((f) => toJson(f, text, lineCol(text, f.start)));
  const lines = findings.map((f) => {
    const { line, col } = lineCol(text, f.start);
    return `${file}:${line}:${col}  ${describe(f)}`;
  });
  if (!fix) return { lines, remaining: findings.length, json };
  const fixed = fixText(text, { house });
  if (fixed !== text) await writeFileAtomic(file, fixed);
  const left = lintText(fixed, { house });
  lines.push(`已修正 ${findings.length - left.length} 处，余 ${left.length} 处需人工判断`);
  return { lines, remaining: left.length, json };
}

async function lintStored(id: string, fix: boolean, client: NewsdeskClient): Promise<LintOutput> {
  const got = await client.call('articles.get', { id });
  if (!got.ok) throw new Error(`${got.error.code}: ${got.error.message}`);
  const article = got.value;
  const house = await houseContext(client, id);
  const findings = lintArticle(article, house);
  const json = findings.map((f) => toJson(f, fieldText(article, f), { location: f.location }));
  const lines = findings.map((f) => `${id} ${where(f)}  ${describe(f)}`);
  if (!fix) return { lines, remaining: findings.length, json };
  const content = fixArticle(contentOf(article), findings);
  const saved = await client.call('articles.save', { id, baseRevision: article.revision, content });
  if (!saved.ok) throw new Error(`${saved.error.code}: ${saved.error.message}`);
  const left = lintArticle(saved.value, house);
  lines.push(`已修正并保存为第 ${saved.value.revision} 版，余 ${left.length} 处需人工判断`);
  return { lines, remaining: left.length, json };
}

function fieldText(article: Parameters<typeof contentOf>[0], f: ArticleFinding): string {
  const loc = f.location;
  if (!('block' in loc)) return article[loc.field];
  const block = article.body[loc.block];
  if (!block) return '';
  return block.type === 'photo' ? block.caption : blockText(block);
}

export function runLint(target: string, fix: boolean, client: NewsdeskClient): Promise<LintOutput> {
  // A path that exists is a file; otherwise an article id.
  if (!existsSync(target) && ArticleIdSchema.safeParse(target).success) return lintStored(target, fix, client);
  return lintFile(target, fix, client);
}
