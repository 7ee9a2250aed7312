// Date fields show the UI's language, not the machine's locale: never mm/dd/yyyy in the Chinese UI.
import { describe, expect, it } from 'vitest';
import { formatDate, parseDate } from '../../../renderer/i18n/dateWords';

describe('dates in the UI language', () => {
  it.each<[string, 'zh-CN' | 'en', string]>([
    ['2026-12-07', 'zh-CN', '2026年12月7日'],
    ['2026-01-31', 'zh-CN', '2026年1月31日'],
    ['2026-12-07', 'en', '7 Dec 2026'],
    ['', 'zh-CN', ''],
  ])('%s in %s reads %s', (iso, lang, shown) => {
    expect(formatDate(iso, lang)).toBe(shown);
    expect(formatDate(iso, lang)).not.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it.each<[string, string | null]>([
    ['2026年12月7日', '2026-12-07'],
    ['2026-12-7', '2026-12-07'],
    ['2026/12/07', '2026-12-07'],
    ['2026.1.5', '2026-01-05'],
    ['7 Dec 2026', '2026-12-07'],
    ['Dec 7, 2026', '2026-12-07'],
    ['12/07/2026', null],
    ['2026-02-30', null],
    ['明天', null],
  ])('%s is read as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('what is shown reads back as the same date in both languages', () => {
    for (const iso of ['2024-02-29', '2026-12-07', '2030-10-01'])
      for (const lang of ['zh-CN', 'en'] as const) expect(parseDate(formatDate(iso, lang))).toBe(iso);
  });
});
