// Printed photo credits read into structure, and found at the end of a caption line.
import { describe, expect, it } from 'vitest';
import { formatPhotoCredit, type PhotoCredit } from '../../../shared/model/people';
import { parseCredit, splitCaptionCredit } from '../../../shared/rules/parseCredit';

describe('parseCredit', () => {
  it.each<[string, PhotoCredit]>([
    ['企业供图', { kind: 'supplied', by: '企业' }],
    ['通讯员供图', { kind: 'supplied', by: '通讯员' }],
    ['受访者供图', { kind: 'supplied', by: '受访者' }],
    ['株洲市教育局供图', { kind: 'supplied', by: '株洲市教育局' }],
    ['通讯员 张三 供图', { kind: 'supplied', by: '通讯员 张三' }],
    ['全媒体记者 高晓燕 摄', { kind: 'photographer', role: '全媒体记者', name: '高晓燕' }],
    ['记者 张三 摄', { kind: 'photographer', role: '记者', name: '张三' }],
    ['记者张三摄', { kind: 'photographer', role: '记者', name: '张三' }],
    ['通讯员 李四 摄', { kind: 'photographer', role: '通讯员', name: '李四' }],
    ['新华社记者 李贺 摄', { kind: 'photographer', role: '新华社记者', name: '李贺' }],
    ['全媒体记者 张三 李四 摄', { kind: 'photographer', role: '全媒体记者', name: '张三 李四' }],
    ['张三 摄', { kind: 'photographer', role: '', name: '张三' }],
    ['张三 摄影', { kind: 'photographer', role: '', name: '张三' }],
    ['摄影/张三', { kind: 'photographer', role: '', name: '张三' }],
    ['图/全媒体记者 张三', { kind: 'photographer', role: '全媒体记者', name: '张三' }],
    ['（企业供图）', { kind: 'supplied', by: '企业' }],
    ['(记者 张三 摄)', { kind: 'photographer', role: '记者', name: '张三' }],
    ['  企业供图  ', { kind: 'supplied', by: '企业' }],
  ])('reads %s', (printed, credit) => {
    expect(parseCredit(printed)).toEqual(credit);
  });

  it.each([
    ['empty', ''],
    ['a sentence', '他说，感谢各方供图'],
    ['供图 alone', '供图'],
    ['a word ending in 摄', '拍摄'],
    ['two names with no role', '工人 张三 摄'],
    ['ordinary prose', '市委书记出席活动。'],
    ['empty brackets', '（）'],
  ])('returns null for %s', (_case, text) => {
    expect(parseCredit(text)).toBeNull();
  });

  it.each<PhotoCredit>([
    { kind: 'supplied', by: '企业' },
    { kind: 'photographer', role: '全媒体记者', name: '高晓燕' },
    { kind: 'photographer', role: '', name: '张三' },
  ])('reads back what formatPhotoCredit prints: %j', (credit) => {
    expect(parseCredit(formatPhotoCredit(credit))).toEqual(credit);
  });
});

describe('splitCaptionCredit', () => {
  it.each([
    ['赛事现场。 企业供图', '赛事现场。', '企业供图'],
    ['赛事现场。企业供图', '赛事现场。', '企业供图'],
    ['赛事现场。” 记者 张三 摄', '赛事现场。”', '记者 张三 摄'],
    ['图为工人 张三 摄', '图为工人', '张三 摄'],
    ['赛事现场。 全媒体记者 高晓燕 摄', '赛事现场。', '全媒体记者 高晓燕 摄'],
    ['企业供图', '', '企业供图'],
  ])('splits %s', (line, caption, credit) => {
    expect(splitCaptionCredit(line)).toEqual({ caption, credit });
  });

  it.each(['这些照片由他拍摄', '他热爱拍摄。', '市委书记出席活动。', '电话：0731-28888888'])(
    'finds no credit in %s',
    (line) => {
      expect(splitCaptionCredit(line)).toBeNull();
    },
  );
});
