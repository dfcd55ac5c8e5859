/**
 * Move a `YYYY-MM-DD` date by whole years. A date on the last day of its month
 * stays on the last day (a window ending 28 February ends 29 February in a leap
 * year, and 29 February becomes 28 February otherwise), so a window that covers
 * whole months keeps covering whole months.
 */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function shiftDate(date: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ny = y + years;
  const day = d >= daysIn(y, mo) ? daysIn(ny, mo) : Math.min(d, daysIn(ny, mo));
  return `${String(ny).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
