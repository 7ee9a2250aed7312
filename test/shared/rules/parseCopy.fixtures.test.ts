// The five sample stories parse to exactly their expected.json.
import { describe, expect, it } from 'vitest';
import { parseCopy, parseCopyDetailed } from '../../../shared/rules/parseCopy';
import { loadCopyFixtures } from './copyFixtures';

const PAPER = { paperName: '株洲日报' };

describe('the sample stories', () => {
  const fixtures = loadCopyFixtures();

  it('are all there to test against', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s parses to its expected structure', (_name, fixture) => {
    expect(parseCopy(fixture.text, PAPER)).toStrictEqual(fixture.expected);
  });

  it('parse the same with Windows line ends, a BOM and full-width indentation', () => {
    for (const f of fixtures) {
      const messy =
        '\uFEFF' +
        f.text
          .split('\n')
          .map((l) => (l ? `\u3000\u3000${l}` : l))
          .join('\r\n');
      expect(parseCopy(messy, PAPER)).toStrictEqual(f.expected);
    }
  });

  it('keep each reporter’s printed role for the importer', () => {
    const detail = parseCopyDetailed(fixtures.find((f) => f.name.startsWith('05'))!.text, PAPER);
    expect(detail.reporterBylines).toEqual([{ role: '全媒体记者', printedRole: '全媒体记者', name: '陈正明' }]);
    expect(detail.removed).toEqual(['株洲日报(全媒体记者/陈正明 通讯员/尹照)']);
  });

  it('place the marathon photo after the paragraph it was set beside', () => {
    const detail = parseCopyDetailed(fixtures.find((f) => f.name.startsWith('09'))!.text, PAPER);
    expect(detail.body.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'photo',
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });
});
