// Character diffs that read well in Chinese, and stay fast on long stories.
import { describe, expect, it } from 'vitest';
import { diffText, similarity, type DiffOp } from '../../../shared/rules/textDiff';

const before = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'insert')
    .map((o) => o.text)
    .join('');
const after = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== 'delete')
    .map((o) => o.text)
    .join('');

/** mulberry32, seeded so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('diffText', () => {
  it.each<[string, string, DiffOp[]]>([
    ['', '', []],
    ['相同', '相同', [{ op: 'equal', text: '相同' }]],
    ['', '新增', [{ op: 'insert', text: '新增' }]],
    ['删除', '', [{ op: 'delete', text: '删除' }]],
    [
      '市委书记曹慧泉出席',
      '市长曹慧泉出席',
      [
        { op: 'equal', text: '市' },
        { op: 'delete', text: '委书记' },
        { op: 'insert', text: '长' },
        { op: 'equal', text: '曹慧泉出席' },
      ],
    ],
    [
      '总投资2167亿元',
      '总投资2200亿元',
      [
        { op: 'equal', text: '总投资2' },
        { op: 'delete', text: '167' },
        { op: 'insert', text: '200' },
        { op: 'equal', text: '亿元' },
      ],
    ],
  ])('diffs %j → %j', (a, b, ops) => {
    expect(diffText(a, b)).toEqual(ops);
  });

  it('folds a one-character equal island between two edits into them', () => {
    expect(diffText('我市有两家企业入选', '全市有三家公司入选')).toEqual([
      { op: 'delete', text: '我' },
      { op: 'insert', text: '全' },
      { op: 'equal', text: '市有' },
      { op: 'delete', text: '两家企业' },
      { op: 'insert', text: '三家公司' },
      { op: 'equal', text: '入选' },
    ]);
  });

  it('never splits a character outside the basic plane', () => {
    expect(diffText('甲𠀀乙', '甲𠀁乙')).toEqual([
      { op: 'equal', text: '甲' },
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
      { op: 'equal', text: '乙' },
    ]);
  });

  it('always rebuilds both texts, never leaves two equal runs side by side, deletes before inserts', () => {
    const rand = prng(42);
    const alphabet =
      '的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
    for (let i = 0; i < 300; i++) {
      const a = Array.from({ length: Math.floor(rand() * 60) }, () => alphabet[Math.floor(rand() * 80)]).join('');
      const b = [...a]
        .map((c) => (rand() < 0.15 ? alphabet[Math.floor(rand() * 80)] : rand() < 0.05 ? '' : c))
        .join('');
      const ops = diffText(a, b);
      expect(before(ops)).toBe(a);
      expect(after(ops)).toBe(b);
      for (let k = 1; k < ops.length; k++) {
        expect(ops[k]!.op === 'equal' && ops[k - 1]!.op === 'equal').toBe(false);
        expect(ops[k]!.op === 'delete' && ops[k - 1]!.op === 'insert').toBe(false);
        expect(ops[k]!.text.length).toBeGreaterThan(0);
      }
    }
  });

  it('diffs a 20,000-character story with scattered edits down to the edits', () => {
    const rand = prng(7);
    const sentence = () =>
      Array.from({ length: 20 + Math.floor(rand() * 30) }, () =>
        String.fromCharCode(0x4e00 + Math.floor(rand() * 3000)),
      ).join('') + (rand() < 0.5 ? '，' : '。');
    let a = '';
    while (a.length < 20_000) a += sentence();
    let b = a;
    for (let k = 0; k < 50; k++) {
      const at = Math.floor(rand() * (b.length - 4));
      b = b.slice(0, at) + '改动' + b.slice(at + 2);
    }
    const ops = diffText(a, b);
    expect(before(ops)).toBe(a);
    expect(after(ops)).toBe(b);
    expect(ops.filter((o) => o.op === 'insert').reduce((n, o) => n + o.text.length, 0)).toBeLessThan(400);
  });

  it('shows text with nothing in common as one replacement', () => {
    const a = '甲'.repeat(5000);
    const b = '乙'.repeat(5000);
    expect(diffText(a, b)).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });
});

describe('similarity', () => {
  it('is the share of the longer text left unchanged', () => {
    expect(similarity(diffText('abcd', 'abcd'))).toBe(1);
    expect(similarity(diffText('abcd', 'abXY'))).toBe(0.5);
    expect(similarity(diffText('', ''))).toBe(1);
    expect(similarity(diffText('ab', 'cd'))).toBe(0);
  });
});
