/**
 * Exports of a run for the offices: an Excel workbook (ranked table,
 * consequences per parent, the explanation of every point) and a CSV of the
 * ranked table. Pure functions over the engine's RunResult and the scheme:
 * no fs, the caller writes or sends the bytes.
 */
import ExcelJS from 'exceljs';
import { describeStep, type IndicatorTrace, type RunResult, type Scheme, type Step } from '../engine/index.ts';
import { csvLine } from './csv-text.ts';
import { runTable, tableOrder, type RunTable } from './run-table.ts';

/** Sheet names, stable so that scripts and tests can find them. */
export const EXPORT_SHEETS = { table: '排名 ranking', consequences: '后果 consequences', totals: '后果汇总 totals', trace: '计分说明 trace' } as const;

/** Excel caps a sheet at 1,048,576 rows; the trace of a province-size run is cut there with a note. */
const MAX_SHEET_ROWS = 1_048_000;

export function exportRunCsv(scheme: Scheme, result: RunResult): string {
  const t = runTable(scheme, result);
  // a BOM so that Excel opens it as UTF-8 (its "CSV UTF-8"); CRLF as RFC 4180 and Excel write it
  return '\uFEFF' + [t.header, ...t.rows].map((row) => csvLine(row)).join('\r\n') + '\r\n';
}

export async function exportRunXlsx(scheme: Scheme, result: RunResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pingyi';
  tableSheet(wb.addWorksheet(EXPORT_SHEETS.table, { views: [{ state: 'frozen', ySplit: 1 }] }), runTable(scheme, result));
  consequenceSheets(wb, result);
  traceSheet(wb.addWorksheet(EXPORT_SHEETS.trace, { views: [{ state: 'frozen', ySplit: 1 }] }), result);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function tableSheet(ws: ExcelJS.Worksheet, t: RunTable): void {
  ws.addRow(t.header).font = { bold: true };
  for (const row of t.rows) ws.addRow(row);
  t.header.forEach((h, c) => {
    const col = ws.getColumn(c + 1);
    col.width = Math.min(40, Math.max(8, h.length * 1.6));
    if (t.numeric[c]) col.alignment = { horizontal: 'right' };
  });
}

function consequenceSheets(wb: ExcelJS.Workbook, result: RunResult): void {
  const items = wb.addWorksheet(EXPORT_SHEETS.consequences, { views: [{ state: 'frozen', ySplit: 1 }] });
  items.addRow(['对象 target', '主管单位/单位 id', '后果 consequence', '等次 class', '单位 unit', '措施 measure', '分值 points', '备注 note', '依据 source']).font = { bold: true };
  const measures = [...new Set(result.consequences.flatMap((c) => Object.keys(c.totals)))];
  const totals = wb.addWorksheet(EXPORT_SHEETS.totals, { views: [{ state: 'frozen', ySplit: 1 }] });
  totals.addRow(['对象 target', '主管单位/单位 id', ...measures]).font = { bold: true };
  for (const c of result.consequences) {
    const target = c.target === 'parent' ? '主管单位 parent' : '单位 unit';
    for (const i of c.items) items.addRow([target, c.id, i.name, i.class, i.unit, i.measure ?? null, i.points ?? null, i.note ?? null, i.source]);
    totals.addRow([target, c.id, ...measures.map((m) => c.totals[m] ?? null)]);
  }
}

/** The points a step leaves (or adds), when it has a number of its own. */
function stepPoints(s: Step): number | null {
  if ('points' in s) return s.points;
  if ('after' in s) return s.after;
  if (s.kind === 'base') return s.base;
  return null;
}

function traceSheet(ws: ExcelJS.Worksheet, result: RunResult): void {
  ws.addRow(['单位 unit', '名称 name', '指标 indicator', '指标名称 indicator name', '步骤 step', '类型 kind', '分值 points', '说明 explanation', '依据 clause']).font = { bold: true };
  ws.getColumn(8).width = 80;
  let rows = 1;
  const add = (values: Array<string | number | null>): boolean => {
    if (rows >= MAX_SHEET_ROWS) return false;
    ws.addRow(values);
    rows++;
    return true;
  };
  for (const u of tableOrder(result)) {
    if (u.status === 'exempt') {
      if (!add([u.unit, u.name, null, null, null, 'exempt', null, `免评 ${u.exemptBy?.name ?? ''}`, u.exemptBy?.source ?? null])) break;
      continue;
    }
    const walk = (list: readonly IndicatorTrace[]): boolean => {
      for (const t of list) {
        if (!add([u.unit, u.name, t.id, t.name, null, 'indicator', t.points, `${t.name} ${t.points} / ${t.max}${t.outsideTotal ? '(总分外 outside the total)' : ''}`, null])) return false;
        for (const [i, s] of t.steps.entries()) {
          if (!add([u.unit, u.name, t.id, t.name, i + 1, s.kind, stepPoints(s), describeStep(s), 'source' in s ? (s.source ?? null) : null])) return false;
        }
        if (t.children && !walk(t.children)) return false;
      }
      return true;
    };
    if (!walk(u.indicators)) break;
  }
  if (rows >= MAX_SHEET_ROWS) ws.addRow(['…', `超过 Excel 行数上限,其余略;完整说明请用 pingyi score --json — cut at Excel's row limit`]);
}
