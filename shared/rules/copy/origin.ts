/** Where a piece of copy was first printed, as the copy itself says (来源：人民日报, 《人民日报》（2024年03月29日 第04版）). */
import { agencyPattern } from './roles';

/** Sources are printed at the top or the foot of copy taken from another paper. */
const LINES_SEARCHED = 8;

function originPatterns(paperName: string): RegExp[] {
  const newsroom = agencyPattern(paperName);
  return [
    new RegExp(
      `^[(（]?\\s*(?:来源|稿件来源|文章来源|原载|转自|摘自|选自)\\s*[:：]?\\s*《?\\s*(${newsroom})\\s*》?\\s*(?:[(（][^()（）]*[)）])?\\s*[)）]?$`,
      'u',
    ),
    new RegExp(`^《\\s*(${newsroom})\\s*》\\s*[(（][^()（）]*\\d{4}\\s*年[^()（）]*版\\s*[)）]$`, 'u'),
  ];
}

/** The newsroom a source line names, or null when the copy does not say (it is then our own). */
export function copyOrigin(lines: readonly string[], paperName: string): string | null {
  const patterns = originPatterns(paperName);
  const searched = [
    ...lines.slice(0, LINES_SEARCHED),
    ...lines.slice(Math.max(LINES_SEARCHED, lines.length - LINES_SEARCHED)),
  ];
  for (const line of searched) {
    for (const re of patterns) {
      const m = re.exec(line);
      if (m) return m[1]!;
    }
  }
  return null;
}
