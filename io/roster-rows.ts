/**
 * Roster and history records in tables (Excel sheets, CSV files): which sheet
 * or file holds which kind, their headers, and a row as a record — own fields
 * as text (the year as a number), any other column into `attributes`.
 */
import { isoDate, type Cell } from './cells.ts';
import type { Kind } from './data-merge.ts';

export type RosterKind = Exclude<Kind, 'fact'>;

const NAMES = new Map<string, RosterKind>([
  ['units', 'unit'], ['单位', 'unit'], ['名单', 'unit'],
  ['parents', 'parent'], ['主管单位', 'parent'],
  ['history', 'history'], ['往年结果', 'history'],
]);

/** The sheet or file name (without extension) a record kind is written under (templates, exports). */
export const TABLE_OF: Record<RosterKind, string> = { unit: 'units', parent: 'parents', history: 'history' };

/** The roster kind a sheet or file (name without extension) holds, or undefined for facts. */
export function rosterKindOf(name: string): RosterKind | undefined {
  const n = name.trim();
  return NAMES.get(n.toLowerCase()) ?? NAMES.get(n);
}

const OWN_FIELDS: Record<RosterKind, ReadonlySet<string>> = {
  unit: new Set(['id', 'name', 'parent', 'category']),
  parent: new Set(['id', 'name', 'category']),
  history: new Set(['unit', 'year', 'outcome']),
};

/** The columns of each kind, in the order templates write them. */
export const ROSTER_COLUMNS: Record<RosterKind, readonly string[]> = { unit: ['id', 'name', 'parent', 'category'], parent: ['id', 'name', 'category'], history: ['unit', 'year', 'outcome'] };

export function rosterHeaderProblem(kind: RosterKind, header: readonly string[]): [string, string] | undefined {
  if (kind === 'history') return ['unit', 'year', 'outcome'].every((h) => header.includes(h)) ? undefined : [`须有 unit、year、outcome 列`, `needs the columns unit, year, outcome`];
  return header.includes('id') && header.includes('name') ? undefined : [`须有 id 和 name 列`, `needs the columns id and name`];
}

/** Roster and history rows: own fields as text (year as a number), other columns into `attributes`. */
export function rosterRecord(kind: RosterKind, header: readonly string[], cells: ReadonlyArray<Cell | undefined>): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  cells.forEach((cell, c) => {
    const column = header[c] ?? '';
    if (cell === undefined || column === '') return;
    if (kind === 'history' && column === 'year') rec.year = typeof cell === 'string' && /^\s*\d+\s*$/.test(cell) ? Number(cell) : cell;
    else if (OWN_FIELDS[kind].has(column)) rec[column] = cell instanceof Date ? isoDate(cell) : String(cell).trim();
    else if (kind !== 'history') attributes[column.replace(/^attributes\./, '')] = cell instanceof Date ? isoDate(cell) : typeof cell === 'string' ? textAttribute(cell) : cell;
  });
  if (Object.keys(attributes).length > 0) rec.attributes = attributes;
  return rec;
}

/**
 * An attribute from text (a CSV cell): conditions compare `hasWindow` with
 * `true` and `staff` with numbers, so `true`/`false` and plain numbers are
 * read as such; anything else (`001`, `是`) stays text.
 */
function textAttribute(s: string): unknown {
  const t = s.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  return /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(t) ? Number(t) : s;
}
