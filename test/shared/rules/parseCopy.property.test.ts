// Nothing is dropped: for many mutated and recombined stories, every character outside a recognised byline comes back, in order.
import { describe, expect, it } from 'vitest';
import { ArticleContentSchema } from '../../../shared/model/article';
import { parseCopyDetailed, parsedCopyToContent, type ParsedCopyDetail } from '../../../shared/rules/parseCopy';
import { loadCopyFixtures } from './copyFixtures';

const PAPER = { paperName: '株洲日报' };

/** mulberry32: small, seeded, good enough to vary inputs reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXTRA_LINES = [
  '中车电动的新能源车辆服务重庆马拉松赛事。 企业供图',
  '工人正在车间作业。 全媒体记者 高晓燕 摄',
  '赛事现场 张三 摄',
  '（通讯员供图）',
  '株洲日报(全媒体记者/甲 通讯员/乙 丙)日前,开工。',
  '株洲日报（记者 张三、李四）3月29日，开工。',
  '新华社北京3月29日电(记者 张三 李四)国务院常务会议召开。',
  '新华社记者 王五 赵六',
  '人民日报讯 (记者 孙七)近日,……。',
  '关于临时停水的通告',
  '联系电话:0731-28888888',
  '株洲市自来水公司',
  '2024年3月29日',
  '1.报名时间:4月1日至4月5日',
  '二、加强协作',
  'ERP(企业资源管理系统)、URL http://example.com/a?b=1,c=2 和 a.b@x.com',
  '“砰!”“好!!”（完）',
  '𠀀𠀁 surrogate 汉字 😀 mixed',
  ')(】【《》“”‘’',
  '   　 ',
];

function mutate(text: string, rand: () => number): string {
  let lines = text.split('\n');
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const steps = 1 + Math.floor(rand() * 6);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(rand() * (lines.length + 1));
    const r = rand();
    if (r < 0.25) {
      // A column break: cut a line in two, with a blank line between.
      const i = Math.min(at, lines.length - 1);
      const line = lines[i] ?? '';
      const cut = Math.floor(rand() * (line.length + 1));
      lines.splice(i, 1, line.slice(0, cut), '', line.slice(cut));
    } else if (r < 0.5) lines.splice(at, 0, '', pick(EXTRA_LINES), '');
    else if (r < 0.65) lines = lines.filter((l) => l !== '' || rand() < 0.5);
    else if (r < 0.8 && lines.length > 1) {
      const j = Math.floor(rand() * lines.length);
      const k = Math.floor(rand() * lines.length);
      [lines[j], lines[k]] = [lines[k]!, lines[j]!];
    } else lines.splice(at, 1);
  }
  return lines.join(rand() < 0.2 ? '\r\n' : '\n');
}

function recombine(pool: readonly string[], rand: () => number): string {
  const n = 1 + Math.floor(rand() * 20);
  return Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)]!).join(rand() < 0.5 ? '\n' : '\n\n');
}

const visible = (text: string) => [...text].filter((c) => !/\s/u.test(c));

function isSubsequence(needle: readonly string[], haystack: readonly string[]): boolean {
  let j = 0;
  for (const c of haystack) if (j < needle.length && c === needle[j]) j++;
  return j === needle.length;
}

function sorted(chars: readonly string[]): string {
  return [...chars].sort().join('');
}

function expectNothingDropped(input: string, parsed: ParsedCopyDetail): void {
  const all = visible(input);
  const removed = visible(parsed.removed.join(''));
  const text = visible([...parsed.headlineLines, ...parsed.paragraphs, ...parsed.signature].join(''));
  const photos = visible(parsed.photos.map((p) => p.caption + p.credit).join(''));
  expect(sorted([...removed, ...text, ...photos])).toBe(sorted(all));
  expect(isSubsequence(text, all)).toBe(true);
  expect(isSubsequence(photos, all)).toBe(true);
  expect(isSubsequence(removed, all)).toBe(true);
  // Only bylines and datelines may be taken out.
  for (const r of parsed.removed) expect(r).toMatch(/记者|通讯员|实习生|编译|电|讯|消息/u);
}

describe('parseCopy keeps every character', () => {
  const fixtures = loadCopyFixtures();
  const pool = [...fixtures.flatMap((f) => f.text.split('\n').filter((l) => l.trim())), ...EXTRA_LINES];

  it('for the fixtures as they are', () => {
    for (const f of fixtures) expectNothingDropped(f.text, parseCopyDetailed(f.text, PAPER));
  });

  it('for 400 mutated fixtures (column breaks, captions, swapped and dropped lines)', () => {
    const rand = prng(20240329);
    for (let i = 0; i < 400; i++) {
      const input = mutate(fixtures[i % fixtures.length]!.text, rand);
      expectNothingDropped(input, parseCopyDetailed(input, PAPER));
    }
  });

  it('for 400 random recombinations of lines from every fixture and tricky extras', () => {
    const rand = prng(15834);
    for (let i = 0; i < 400; i++) {
      const input = recombine(pool, rand);
      expectNothingDropped(input, parseCopyDetailed(input, PAPER));
    }
  });

  it('and every parse imports as valid article content', () => {
    const rand = prng(15835);
    for (let i = 0; i < 200; i++) {
      const input = i % 2 ? recombine(pool, rand) : mutate(fixtures[i % fixtures.length]!.text, rand);
      expect(() => ArticleContentSchema.parse(parsedCopyToContent(parseCopyDetailed(input, PAPER)))).not.toThrow();
    }
  });
});
