/**
 * Calendar dates in the UI's language, not the browser's: a native date input follows the machine's locale
 * (mm/dd/yyyy on an English system even in the Chinese UI), so date fields show and read these instead.
 */
import type { Language } from './i18n';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoOf(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 2026年12月7日 in Chinese, 7 Dec 2026 in English; '' for no date, the text as is when it is not a date. */
export function formatDate(iso: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return language === 'en' ? `${d} ${EN_MONTHS[mo - 1]} ${y}` : `${y}年${mo}月${d}日`;
}

/**
 * The ISO date a person typed, or null: year first in any language (2026-12-7, 2026/12/7, 2026年12月7日),
 * and in English also 7 Dec 2026 and Dec 7, 2026. Never month/day/year, which reads two ways.
 */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const ymd = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (ymd) return isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const month = (name: string) => EN_MONTHS.findIndex((x) => x.toLowerCase() === name.slice(0, 3).toLowerCase()) + 1;
  const dmy = /^(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(s);
  if (dmy && month(dmy[2]!) > 0) return isoOf(Number(dmy[3]), month(dmy[2]!), Number(dmy[1]));
  const mdy = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (mdy && month(mdy[1]!) > 0) return isoOf(Number(mdy[3]), month(mdy[1]!), Number(mdy[2]));
  return null;
}
