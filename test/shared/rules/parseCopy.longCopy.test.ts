// Long pasted copy: column-break repair over thousands of lines keeps every character and reads only the ends it needs.
import { describe, expect, it } from 'vitest';
import { parseCopy } from '../../../shared/rules/parseCopy';
import { splitCaptionCredit } from '../../../shared/rules/parseCredit';

const PAPER = { paperName: '株洲日报' };
const parse = (text: string) => parseCopy(text, PAPER);

describe('repairing a paragraph broken into many lines', () => {
  it('joins 20,000 unfinished lines into one paragraph with nothing lost', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `这是被分栏打断的第${i}行，`);
    expect(parse(`标题\n\n开头。\n${lines.join('\n')}`).paragraphs).toEqual(['开头。', lines.join('')]);
  });

  it.each([
    ['a stop and closer on the next line', ['他说：“好', '。”', '下一段。'], ['他说：“好。”', '下一段。']],
    ['a closer alone after an unfinished line', ['他说：“好', '”', '我们走。'], ['他说：“好”我们走。']],
    ['(完) split over two lines', ['他说，全文结束(完', ')', '下一段。'], ['他说，全文结束(完)', '下一段。']],
    ['Latin words', ['The plan was', 'finished', 'in March.'], ['The plan was finished in March.']],
    [
      'a contact label cut in two',
      ['联系', '电话:0731-28888888', '下一段。'],
      ['联系', '电话:0731-28888888', '下一段。'],
    ],
  ])('%s', (_case, lines, paragraphs) => {
    expect(parse(`标题\n\n开头。\n${lines.join('\n')}`).paragraphs).toEqual(['开头。', ...paragraphs]);
  });
});

describe('finding a credit at the end of a long line', () => {
  it('reads the credit after a very long caption', () => {
    const caption = '图为施工现场。'.repeat(5_000);
    expect(splitCaptionCredit(`${caption} 全媒体记者 张三 摄`)).toEqual({ caption, credit: '全媒体记者 张三 摄' });
  });

  it('finds no credit in a long paragraph that points at a figure', () => {
    expect(splitCaptionCredit('他说，如图：'.repeat(5_000) + '完成。')).toBeNull();
  });
});
