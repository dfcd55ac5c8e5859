/**
 * Excel workbooks (.xlsx), the format offices keep their reports in. One sheet
 * per record kind: `units` / `parents` / `history` (or 单位 / 主管单位 / 往年结果)
 * hold the roster and earlier years; every other sheet holds facts with the
 * CSV format's headers, its `type` column optional when the sheet is named
 * after the fact type (as the templates are). Sheets named `_…` or `说明…`
 * are notes and skipped. Problems carry sheet, row and column letter.
 */
import ExcelJS from 'exceljs';
import { joinPointer } from '../engine/issue.ts';
import { isoDate, type Cell, type CellReader } from './cells.ts';
import { isComment } from './comment-row.ts';
import { errText } from './json-position.ts';
import { COLLECTION, type Location, type Merge } from './data-merge.ts';
import { rosterHeaderProblem, rosterKindOf, rosterRecord, type RosterKind } from './roster-rows.ts';
import type { Limits } from './limits.ts';
import { xlsxExcess, type XlsxExcess } from './xlsx-guard.ts';

const FACT_SHEETS = new Set(['facts', '事实']);

/** Excel column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A cell's own value: formulas by their result, rich text and links by their text; undefined when empty. */
function plain(v: ExcelJS.CellValue): Cell | undefined | { error: string } {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return { error: String(v.error) };
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : plain(v.text as ExcelJS.CellValue);
  return undefined;
}

const MiB = 1024 * 1024;

/** The problem a workbook over a limit gets: what was passed, in the clerk's words, and what to do. */
function excessText(x: XlsxExcess): [string, string] {
  const sheet = (s: string) => (/^sheet(\d+)\.xml$/i.exec(s) ? `第 ${/\d+/.exec(s)![0]} 张工作表` : `工作表 ${s}`);
  switch (x.kind) {
    case 'uncompressed':
      return [`Excel 文件解压后超过 ${Math.round(x.limit / MiB)} MiB,无法读取;请拆分为多个文件,或改用 CSV / NDJSON`, `the workbook inflates to more than ${Math.round(x.limit / MiB)} MiB; split it, or use CSV / NDJSON`];
    case 'rows':
      return [`${sheet(x.sheet)}超过 ${x.limit} 行,无法读取;请拆分为多个文件,或改用 CSV / NDJSON`, `${x.sheet} has more than ${x.limit} rows; split it, or use CSV / NDJSON`];
    case 'cells':
      return [`${sheet(x.sheet)}超过 ${x.limit} 个单元格,无法读取;请拆分为多个文件,或改用 CSV / NDJSON`, `${x.sheet} has more than ${x.limit} cells; split it, or use CSV / NDJSON`];
    case 'zip':
      return [`无法读取 Excel 文件(须为 .xlsx 格式):${x.detail}`, `cannot read the workbook (must be .xlsx): ${x.detail}`];
    default:
      return x satisfies never;
  }
}

export async function loadXlsx(buffer: Buffer, file: string, m: Merge, reader: CellReader, limits?: Pick<Limits, 'maxXlsxUncompressedBytes' | 'maxSheetRows' | 'maxSheetCells'>): Promise<void> {
  if (limits) {
    const excess = await xlsxExcess(buffer, { maxUncompressedBytes: limits.maxXlsxUncompressedBytes, maxSheetRows: limits.maxSheetRows, maxSheetCells: limits.maxSheetCells });
    if (excess) {
      const [zh, en] = excessText(excess);
      m.issue(excess.kind === 'zip' ? 'data-xlsx' : 'data-xlsx-too-large', '', zh, en, { file });
      return;
    }
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (e) {
    m.issue('data-xlsx', '', `无法读取 Excel 文件(须为 .xlsx 格式):${errText(e)}`, `cannot read the workbook (must be .xlsx): ${errText(e)}`, { file });
    return;
  }
  for (const ws of wb.worksheets) {
    const name = ws.name.trim();
    if (name.startsWith('_') || name.startsWith('说明')) continue;
    const kind = rosterKindOf(name);
    readSheet(ws, kind, FACT_SHEETS.has(name.toLowerCase()) ? undefined : name, file, m, reader);
  }
}

function readSheet(ws: ExcelJS.Worksheet, kind: RosterKind | undefined, sheetType: string | undefined, file: string, m: Merge, reader: CellReader): void {
  const sheet = ws.name;
  let header: string[] | undefined;
  let ok = false;
  let rows = 0;
  const at = (row: number, c?: number): Location => ({ file, sheet, row, ...(c !== undefined ? { column: columnLetter(c + 1) } : {}) });
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    // row.values is 1-based and sparse
    const cells: Array<Cell | undefined> = [];
    let errorAt: { c: number; error: string } | undefined;
    for (let c = 1; c <= row.cellCount; c++) {
      const v = plain(row.getCell(c).value);
      if (v !== undefined && typeof v === 'object' && !(v instanceof Date)) {
        errorAt ??= { c: c - 1, error: v.error };
        cells.push(undefined);
      } else cells.push(typeof v === 'string' && v.trim() === '' ? undefined : v);
    }
    if (cells.every((c) => c === undefined) || isComment(cells[0])) return;
    if (!header) {
      header = cells.map((h) => (h === undefined ? '' : h instanceof Date ? isoDate(h) : String(h).trim()));
      ok = checkHeader(header, kind, sheetType, m, at(r));
      return;
    }
    if (!ok) return;
    rows++;
    const before = m.issues.length;
    if (errorAt) {
      const coll = COLLECTION[kind ?? 'fact'];
      m.issue('data-xlsx-cell', joinPointer('', coll, m.records[coll].length, header[errorAt.c] ?? ''), `单元格为错误值 ${errorAt.error}`, `the cell holds the error value ${errorAt.error}`, at(r, errorAt.c));
    }
    if (kind === undefined) factRow(header, cells, sheetType, r, at, m, reader, before);
    else m.add(kind, rosterRecord(kind, header, cells), at(r));
  });
  if (!header) m.issue('data-empty-file', '', `工作表“${sheet}”为空`, `sheet "${sheet}" is empty`, { file, sheet }, 'warning');
  else if (rows === 0 && ok) m.issue('data-empty-file', '', `工作表“${sheet}”只有表头,没有数据行`, `sheet "${sheet}" has a header but no data rows`, { file, sheet }, 'warning');
}

/** `before`: the issues counted before this row; a row with a problem keeps its place, a clean vote may fold into a count. */
function factRow(header: string[], cells: Array<Cell | undefined>, sheetType: string | undefined, r: number, at: (row: number, c?: number) => Location, m: Merge, reader: CellReader, before: number): void {
  const index = m.records.facts.length;
  const typeCol = header.indexOf('type');
  const cellType = typeCol >= 0 ? cells[typeCol] : undefined;
  const type = cellType === undefined ? (sheetType ?? '') : String(cellType).trim();
  const { fact } = reader.fact(header, cells, type, index, m, (c) => at(r, c));
  if (fact.unit === undefined && fact.parent === undefined) {
    m.issue('data-csv-target', joinPointer('', 'facts', index), `第 ${r} 行须填写 unit 或 parent`, `row ${r} needs "unit" or "parent"`, at(r));
  }
  const record = type === '' ? fact : { ...fact, type };
  if (m.issues.length > before) m.add('fact', record, at(r));
  else m.addFact(record, at(r));
}

function headerProblem(header: string[], kind: RosterKind | undefined, sheetType: string | undefined): [string, string] | undefined {
  const dup = header.find((h, i) => h !== '' && header.indexOf(h) !== i);
  if (dup !== undefined) return [`列名“${dup}”重复`, `duplicate column "${dup}"`];
  if (kind !== undefined) return rosterHeaderProblem(kind, header);
  if (!header.includes('type') && sheetType === undefined) return [`缺少 type 列(事实类型)`, `missing column "type" (the fact type)`];
  if (!header.includes('unit') && !header.includes('parent')) return [`须有 unit 或 parent 列`, `needs a "unit" or "parent" column`];
  return undefined;
}

function checkHeader(header: string[], kind: RosterKind | undefined, sheetType: string | undefined, m: Merge, at: Location): boolean {
  const problem = headerProblem(header, kind, sheetType);
  if (problem) m.issue('data-xlsx-header', '', `工作表“${at.sheet}”表头:${problem[0]}`, `sheet "${at.sheet}" header: ${problem[1]}`, at);
  return problem === undefined;
}
