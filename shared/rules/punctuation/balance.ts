/** GB/T 15834-2011: brackets close within their paragraph; quotes close too, except a quotation running over several paragraphs. */
import type { Finding } from './finding';
import { isAsciiAlnum } from './charClass';

interface Open {
  ch: string;
  index: number;
}

const BRACKET_CLOSE: Record<string, string> = {
  ')': 'round',
  '）': 'round',
  ']': 'square',
  '】': 'lenticular',
  '〕': 'tortoise',
  '》': 'book',
  '〉': 'angle',
};
const BRACKET_OPEN: Record<string, string> = {
  '(': 'round',
  '（': 'round',
  '[': 'square',
  '【': 'lenticular',
  '〔': 'tortoise',
  '《': 'book',
  '〈': 'angle',
};
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』' };
const QUOTE_OPENER_OF: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『' };

/** "1)" "(2)" "一）" opening a line number a list; they are not stray brackets. */
const LIST_NUMBER = /^[ \t\u3000]*[(（]?[0-9A-Za-z一二三四五六七八九十]{1,3}[)）]/u;

function unclosed(rule: Finding['rule'], index: number, ch: string, message: string): Finding {
  return { rule, start: index, end: index + ch.length, message };
}

function lineStarts(text: string): Set<number> {
  const starts = new Set<number>([0]);
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.add(i + 1);
  return starts;
}

export function checkBrackets(text: string, mask: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  const stack: Open[] = [];
  const flagOpen = (o: Open) =>
    findings.push(unclosed('unbalanced-bracket', o.index, o.ch, `括号不成对：“${o.ch}”没有对应的后括号`));
  // A list number's bracket sits at a line start; lines are found by their breaks.
  const listEnds = new Set<number>();
  for (const start of lineStarts(text)) {
    const m = LIST_NUMBER.exec(text.slice(start, start + 12));
    if (m) for (let k = start; k < start + m[0].length; k++) listEnds.add(k);
  }
  for (const { index: i, 0: ch } of text.matchAll(/[()（）[\]【】〔〕《》〈〉\n]/g)) {
    if (ch === '\n') {
      // A bracket never spans paragraphs: whatever is open here stays unclosed.
      stack.splice(0).forEach(flagOpen);
      continue;
    }
    if (mask[i] || listEnds.has(i)) continue;
    if (BRACKET_OPEN[ch]) stack.push({ ch, index: i });
    else if (BRACKET_CLOSE[ch]) {
      const family = BRACKET_CLOSE[ch];
      const at = stack.findLastIndex((o) => BRACKET_OPEN[o.ch] === family);
      if (at < 0) findings.push(unclosed('unbalanced-bracket', i, ch, `括号不成对：“${ch}”没有对应的前括号`));
      else stack.splice(at).slice(1).forEach(flagOpen);
    }
  }
  stack.forEach(flagOpen);
  return findings.sort((a, b) => a.start - b.start);
}

/** ’ between Latin letters is an apostrophe (don’t), not a quote. */
function isApostrophe(text: string, i: number): boolean {
  return isAsciiAlnum(text[i - 1]) && isAsciiAlnum(text[i + 1]);
}

/** Whether the rest of the paragraph closes every open quote of this kind plus one more (a nested pair). */
function enoughClosersAhead(text: string, i: number, opener: string, stack: Open[]): boolean {
  const lineEnd = text.indexOf('\n', i);
  const rest = text.slice(i + 1, lineEnd < 0 ? text.length : lineEnd);
  const closer = QUOTE_PAIRS[opener]!;
  let closers = 0;
  for (const c of rest) if (c === closer) closers++;
  return closers >= stack.filter((o) => o.ch === opener).length + 1;
}

export function checkQuotes(text: string, mask: Uint8Array): Finding[] {
  const findings: Finding[] = [];
  const stack: Open[] = [];
  const starts = lineStarts(text);
  const flagOpen = (o: Open) =>
    findings.push(unclosed('unbalanced-quote', o.index, o.ch, `引号不成对：“${o.ch}”没有对应的后引号`));
  let straight: number[] = [];
  const endParagraph = (nextLineStart: number) => {
    // GB/T 15834 4.1.3.4: a quotation over several paragraphs opens each one and closes only the last.
    const next = /^[ \t\u3000\u00a0]*(\S?)/u.exec(text.slice(nextLineStart, nextLineStart + 64))![1];
    const outer = stack[0];
    const continues = outer !== undefined && next === outer.ch;
    stack.splice(continues ? 1 : 0).forEach(flagOpen);
    if (continues) stack.length = 0;
    if (straight.length % 2 === 1) {
      const last = straight[straight.length - 1]!;
      findings.push(unclosed('unbalanced-quote', last, '"', '英文引号“"”不成对'));
    }
    straight = [];
  };
  for (const { index: i, 0: ch } of text.matchAll(/[“”‘’「」『』"\n]/g)) {
    if (ch === '\n') {
      endParagraph(i + 1);
      continue;
    }
    if (mask[i]) continue;
    if (ch === '"') straight.push(i);
    else if (QUOTE_PAIRS[ch]) {
      const top = stack[stack.length - 1];
      if (top?.ch === ch && (ch === '“' || ch === '‘') && !starts.has(i) && !enoughClosersAhead(text, i, ch, stack)) {
        // “泰鑫瓷业“ with nothing left to close it: a closing quote typed the wrong way round.
        stack.pop();
        findings.push({
          rule: 'unbalanced-quote',
          start: i,
          end: i + 1,
          message: `引号方向错误：此处应为后引号“${QUOTE_PAIRS[ch]}”`,
          fix: { start: i, end: i + 1, replacement: QUOTE_PAIRS[ch]! },
        });
      } else stack.push({ ch, index: i });
    } else if (QUOTE_OPENER_OF[ch]) {
      if (ch === '’' && isApostrophe(text, i)) continue;
      const at = stack.findLastIndex((o) => o.ch === QUOTE_OPENER_OF[ch]);
      if (at < 0) findings.push(unclosed('unbalanced-quote', i, ch, `引号不成对：“${ch}”没有对应的前引号`));
      else stack.splice(at).slice(1).forEach(flagOpen);
    }
  }
  endParagraph(text.length);
  return findings.sort((a, b) => a.start - b.start);
}
