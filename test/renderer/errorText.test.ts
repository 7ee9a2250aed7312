// Errors reach the reader as words for their code in the reader's language, never as main's message text.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/ipc/errors';
import { errorText, imageErrorText } from '../../renderer/i18n/errorText';
import { translator } from '../../renderer/i18n/i18n';

const zh = translator('zh-CN');
const en = translator('en');
const MAIN_TEXT = '稿件文件已损坏，已移入隔离区（x.json）。';

describe('errorText', () => {
  it.each(ERROR_CODES)('%s has words in both languages and leaves main’s message out', (code) => {
    for (const t of [zh, en]) {
      const text = errorText(t, { code, message: MAIN_TEXT } as never);
      expect(text).toBe(t(`error.${code}`));
      expect(text).not.toContain(MAIN_TEXT);
      expect(text.length).toBeGreaterThan(1);
    }
    expect(en(`error.${code}`)).not.toBe(zh(`error.${code}`));
  });

  it.each([
    ['content.headline', zh, '内容不符合要求（主题）'],
    ['content.bylines.0.name', zh, '内容不符合要求（署名）'],
    ['content.body.12.children', en, 'Invalid content (Body)'],
    ['settings.dataDir', en, 'Invalid content (settings.dataDir)'],
  ] as const)('names the field of a validation error at %s', (path, t, words) => {
    expect(errorText(t, { code: 'validation', path })).toBe(words);
  });

  it('names the revision that won a conflict', () => {
    expect(errorText(zh, { code: 'conflict', currentRevision: 7 })).toBe('已被他人修改（对方已存为修订号 7）');
  });
});

describe('imageErrorText', () => {
  const refused = { code: 'validation' as const, message: MAIN_TEXT };
  it.each([
    [{ name: 'a.png', size: 0 }, '「a.png」是空文件'],
    [{ name: 'b.png', size: 60 * 1024 * 1024 }, '「b.png」超过 50 MB'],
    [{ name: 'c.txt', size: 12 }, '「c.txt」不是可识别的图片（支持 JPEG、PNG、GIF、WebP）'],
  ])('says why %o was refused', (file, words) => {
    expect(imageErrorText(zh, file, refused)).toBe(words);
  });

  it('falls back to the code’s words for other errors', () => {
    expect(imageErrorText(en, { name: 'a.png', size: 10 }, { code: 'disk_full' })).toBe('Disk full');
  });
});
