/** The date as the masthead and folio print it: 2026年12月1日 星期二. */
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function paperDate(iso: string): { long: string; weekday: string } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { long: `${y}年${m}月${d}日`, weekday: WEEKDAYS[day]! };
}
