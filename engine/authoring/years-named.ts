/**
 * The calendar years a text names (`YYYY年12月`, `〔YYYY〕4号`, `YYYY-05-17`):
 * four digits in 1990–2100 that are not part of a longer number. Distinct, in
 * order of first mention.
 */
export function yearsNamed(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) {
    const y = Number(m[1]);
    if (y >= 1990 && y <= 2100 && !out.includes(y)) out.push(y);
  }
  return out;
}
