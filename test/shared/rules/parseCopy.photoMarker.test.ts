// "[图片：…]" lines in raw copy become photo blocks with their caption (issue 22, finding 9): the preview said
// "2 段, 图片 无" because the marker was glued onto the next paragraph.
import { describe, expect, it } from 'vitest';
import { photoMarker } from '../../../shared/rules/copy/photoMarker';
import { parseCopy, parseCopyDetailed, parsedCopyToContent } from '../../../shared/rules/parseCopy';
import { loadCopyFixtures } from './copyFixtures';

const PAPER = { paperName: '株洲日报' };

describe('a photo marker line', () => {
  it.each<[line: string, caption: string, credit: string] | [line: string, null]>([
    ['[图片：中车电动公交车在赛道旁待命]', '中车电动公交车在赛道旁待命', ''],
    ['【图片：赛事现场 全媒体记者 刘军 摄】', '赛事现场', '全媒体记者 刘军 摄'],
    ['［图片:选手冲过终点。企业供图］', '选手冲过终点。', '企业供图'],
    ['[图：华中农业大学校地合作座谈会现场]', '华中农业大学校地合作座谈会现场', ''],
    ['（照片：阅读领航员受聘仪式）', '阅读领航员受聘仪式', ''],
    ['[图片]', '', ''],
    ['[图片说明见后]', null],
    ['图片来自网络，请核实版权', null],
    ['(以下简称“泰鑫瓷业”)', null],
  ])('%s', (line, caption, credit?) => {
    expect(photoMarker(line)).toEqual(caption === null ? null : { caption, credit });
  });
});

describe('raw copy with photo markers, on the real marathon fixture', () => {
  const fixture = loadCopyFixtures().find((f) => f.name.startsWith('09'))!;
  const lines = fixture.text.split('\n');
  const lead = lines.findIndex((l) => l.startsWith('株洲日报('));
  // The writer's marker after the lead, as copy reaches the desk.
  const marked = [...lines.slice(0, lead + 1), '[图片：中车电动公交车在赛道旁待命]', ...lines.slice(lead + 1)].join(
    '\n',
  );

  it('keeps every paragraph and adds the photo with its caption', () => {
    const parsed = parseCopy(marked, PAPER);
    expect(parsed.paragraphs).toEqual(fixture.expected.paragraphs);
    expect(parsed.photos).toEqual([{ caption: '中车电动公交车在赛道旁待命', credit: '' }, ...fixture.expected.photos]);
  });

  it('places the photo block after the lead, before the next paragraph', () => {
    const content = parsedCopyToContent(parseCopyDetailed(marked, PAPER));
    expect(content.body[1]).toMatchObject({ type: 'photo', caption: '中车电动公交车在赛道旁待命', credit: null });
    expect(content.body[0]!.type).toBe('paragraph');
    expect(content.body[2]!.type).toBe('paragraph');
  });
});
