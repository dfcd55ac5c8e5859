/**
 * Table cells (CSV text, Excel values) as fact fields: typed by the fact
 * type's field schema, Chinese enum labels mapped to their values. Shared by
 * the CSV and the xlsx reader so both read a cell the same way.
 */
import { joinPointer } from '../engine/issue.ts';
import { RESERVED_COLUMNS, TYPE_ZH, type FieldType, type FieldTypeLookup, type Location, type Merge } from './data-merge.ts';

/** For an enum field: each accepted label → the value it stands for (`满意` → `satisfied`). */
export interface LabelLookup { (factType: string, field: string): ReadonlyMap<string, string> | undefined }

/** What a cell may hold once read: text from CSV, or an Excel cell's own value. */
export type Cell = string | number | boolean | Date;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEANS = new Map<string, boolean>([['true', true], ['1', true], ['是', true], ['false', false], ['0', false], ['否', false]]);

/** Text as the declared type, or undefined when it does not read as one. */
function typedText(cell: string, t: FieldType): unknown {
  if (t === 'string') return cell;
  const s = cell.trim();
  if (t === 'boolean') return BOOLEANS.get(s.toLowerCase());
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return t === 'integer' && !Number.isInteger(n) ? undefined : n;
}

/** A date cell as the data format writes dates (`YYYY-MM-DD`); Excel stores them as UTC midnight. */
export function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A large file asks the same (type, column) question once per row; ask the scheme once. */
function memoize<T>(lookup: ((type: string, field: string) => T | undefined) | undefined): (type: string, field: string) => T | undefined {
  const cache = new Map<string, T | undefined>();
  return (type, field) => {
    if (!lookup) return undefined;
    const key = `${type}\u0000${field}`;
    if (!cache.has(key)) cache.set(key, lookup(type, field));
    return cache.get(key);
  };
}

/** Reads the cells of fact rows; one per file, so its caches live as long as the file's read. */
export class CellReader {
  private readonly typeOf: FieldTypeLookup;
  private readonly labelsOf: LabelLookup;

  constructor(fieldType?: FieldTypeLookup, labels?: LabelLookup) {
    this.typeOf = memoize(fieldType);
    this.labelsOf = memoize(labels);
  }

  /** The declared type of a column (envelope columns are always text). */
  typeOfColumn(factType: string, column: string): FieldType {
    return RESERVED_COLUMNS.has(column) ? 'string' : (this.typeOf(factType, column) ?? 'string');
  }

  /** The field value of a cell, or undefined when it does not read as the declared type. */
  value(factType: string, column: string, cell: Cell): unknown {
    const t = this.typeOfColumn(factType, column);
    if (cell instanceof Date) return t === 'string' ? isoDate(cell) || undefined : undefined;
    if (typeof cell === 'number') {
      if (t === 'string') return String(cell);
      if (t === 'boolean') return cell === 1 ? true : cell === 0 ? false : undefined;
      return t === 'integer' && !Number.isInteger(cell) ? undefined : cell;
    }
    if (typeof cell === 'boolean') return t === 'boolean' ? cell : t === 'string' ? String(cell) : undefined;
    const v = typedText(cell, t);
    if (t !== 'string' || RESERVED_COLUMNS.has(column)) return v;
    return this.labelsOf(factType, column)?.get(cell.trim()) ?? v;
  }

  /**
   * One row as a fact: empty cells are absent fields; a cell that does not
   * read as its type is reported (with the merged pointer) and left out.
   * `named[c]` is the header of column c; `at(c)` locates a cell.
   */
  fact(header: readonly string[], cells: ReadonlyArray<Cell | undefined>, type: string, index: number, m: Merge, at: (c: number) => Location): { fact: Record<string, unknown>; unnamed: boolean } {
    const fact: Record<string, unknown> = {};
    let unnamed = false;
    cells.forEach((cell, c) => {
      if (cell === undefined || cell === '') return; // empty cell: field absent
      const column = header[c] ?? '';
      if (column === '') return void (unnamed = true);
      const value = this.value(type, column, cell);
      if (value !== undefined) fact[column] = value;
      else {
        const t = this.typeOfColumn(type, column);
        const code = t === 'boolean' ? 'data-csv-boolean' : 'data-csv-number';
        const want = t === 'integer' ? 'an integer' : `a ${t}`;
        const shown = cell instanceof Date ? isoDate(cell) : String(cell);
        m.issue(code, joinPointer('', 'facts', index, column), `“${column}”须为${TYPE_ZH[t]},实际为“${shown}”`, `"${column}" must be ${want}, got "${shown}"`, at(c));
      }
    });
    return { fact, unnamed };
  }
}
