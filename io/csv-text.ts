/**
 * Writing CSV text (RFC 4180): a cell is quoted when it holds a comma, a quote
 * or a line break. A text cell that a spreadsheet would take for a formula
 * (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a `'`
 * in front, so that opening an export in Excel or WPS never runs a unit's name
 * as `=HYPERLINK(…)` (CSV injection, OWASP). Numbers are written as numbers:
 * -3.5 stays -3.5 (a number cannot hold a formula, and a prefixed one would no
 * longer add up in the office's sheet).
 */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/** A text as a spreadsheet will read it safely: formula-leading text prefixed with `'`. */
export function defuseFormula(s: string): string {
  return FORMULA_LEAD.test(s) ? `'${s}` : s;
}

export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? defuseFormula(v) : String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return values.map(csvCell).join(',');
}
