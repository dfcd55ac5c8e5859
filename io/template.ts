/**
 * Data templates for a scheme, so an office fills in the right columns: one
 * CSV file or Excel sheet per fact type (plus units, parents, history), with
 * the headers the readers expect, the allowed values (Excel: drop-down lists)
 * and a sample row. The sample row starts with `#`, which both readers skip,
 * so a template left as it is loads as empty (and says so), never as data.
 * Pure: the scheme (and optionally its roster, for sample ids) in, bytes out.
 */
import ExcelJS from 'exceljs';
import type { Roster, Scheme } from '../engine/index.ts';
import { csvLine } from './csv-text.ts';
import { columnLetter } from './load-xlsx.ts';
import { templateTables, type TemplateColumn, type TemplateTable } from './template-columns.ts';

/** Rows of a sheet that get the drop-down lists and number checks. */
const VALIDATED_ROWS = 500;
const TYPE_ZH: Record<TemplateColumn['type'], string> = { string: '文本 text', number: '数字 number', integer: '整数 integer', boolean: '是/否 boolean', object: '对象 object' };

/** What a column accepts, in one line (CSV comments, Excel header notes). */
function describeColumn(c: TemplateColumn): string {
  const values = c.values?.map((v) => (c.labels?.[v] ? `${v}(${c.labels[v]})` : v)).join(' | ');
  return [
    `${c.name}: ${TYPE_ZH[c.type]}`,
    c.required ? '必填 required' : '可空 optional',
    values ? `可选值 allowed: ${values}` : undefined,
    c.description,
  ]
    .filter(Boolean)
    .join(';');
}

/** The cells of the sample row, the first prefixed with `#` so that it is read as a comment. */
function sampleRow(cells: ReadonlyArray<string | number | boolean>): Array<string | number | boolean> {
  return cells.map((v, i) => (i === 0 ? `#${v}` : v));
}

/** One CSV text per table, keyed by file name (`service-vote.csv`, `units.csv`…). */
export function templateCsv(scheme: Scheme, roster?: Roster): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of templateTables(scheme, roster)) {
    const typeCol = t.factType !== undefined ? ['type'] : [];
    const lines = [
      `# ${t.title} — ${scheme.name} ${scheme.version}。以 # 开头的行是说明,读取时跳过 — lines starting with # are comments`,
      ...t.columns.map((c) => `# ${describeColumn(c)}`),
      csvLine([...typeCol, ...t.columns.map((c) => c.name)]),
      csvLine(sampleRow([...(t.factType !== undefined ? [t.factType] : []), ...t.columns.map((c) => c.sample)])),
    ];
    // BOM: Excel opens the file as UTF-8 ("CSV UTF-8"), the readers strip it
    out.set(`${t.name}.csv`, '\uFEFF' + lines.join('\r\n') + '\r\n');
  }
  return out;
}

/** Sheet names: at most 31 characters, none of []:*?/\ — else the fact sheet gets a `type` column. */
const sheetNameOk = (name: string) => name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith('_');

export async function templateXlsx(scheme: Scheme, roster?: Roster): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pingyi';
  const readme = wb.addWorksheet('说明 README');
  readme.getColumn(1).width = 28;
  readme.getColumn(2).width = 100;
  readme.addRow([`${scheme.name} ${scheme.version} 数据模板 data template`]).font = { bold: true };
  readme.addRow(['每个工作表一类记录;表名即事实类型,勿改表名与表头。第 2 行为示例(以 # 开头,读取时跳过),可删除或覆盖。', 'One sheet per record kind; keep sheet names and headers. Row 2 is a sample (starts with #, skipped).']);
  // allowed values live in a hidden sheet: an inline list is limited to 255 characters
  const listData: string[][] = [];
  const listRange = (values: string[]): string => {
    listData.push(values);
    const col = columnLetter(listData.length);
    return `_lists!$${col}$1:$${col}$${values.length}`;
  };
  templateTables(scheme, roster).forEach((t, n) => {
    const ownName = sheetNameOk(t.name);
    const ws = wb.addWorksheet(ownName ? t.name : `facts-${n + 1}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    const columns: TemplateColumn[] = t.factType !== undefined && !ownName ? [{ name: 'type', required: true, type: 'string', values: [t.factType], sample: t.factType }, ...t.columns] : t.columns;
    readme.addRow([ws.name, `${t.title}:${columns.map((c) => `${c.name}${c.required ? '*' : ''}`).join(', ')}`]);
    const header = ws.addRow(columns.map((c) => c.name));
    header.font = { bold: true };
    columns.forEach((c, i) => {
      header.getCell(i + 1).note = describeColumn(c);
      ws.getColumn(i + 1).width = Math.max(12, c.name.length + 4);
    });
    const sample = ws.addRow(sampleRow(columns.map((c) => c.sample)));
    sample.font = { italic: true, color: { argb: 'FF808080' } };
    columns.forEach((c, i) => {
      const validation = validationOf(c, listRange);
      if (!validation) return;
      for (let r = 2; r <= VALIDATED_ROWS + 1; r++) ws.getCell(r, i + 1).dataValidation = validation;
    });
  });
  const lists = wb.addWorksheet('_lists', { state: 'hidden' });
  listData.forEach((values, c) => values.forEach((v, r) => (lists.getCell(r + 1, c + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Drop-down lists for enums (values and their labels, both accepted) and booleans; number checks. */
function validationOf(c: TemplateColumn, listRange: (values: string[]) => string): ExcelJS.DataValidation | undefined {
  const common = { allowBlank: !c.required, showErrorMessage: true, errorTitle: c.name, error: describeColumn(c) };
  if (c.values) {
    const accepted = [...c.values, ...c.values.map((v) => c.labels?.[v]).filter((l): l is string => l !== undefined)];
    return { ...common, type: 'list', formulae: [listRange(accepted)] };
  }
  if (c.type === 'boolean') return { ...common, type: 'list', formulae: ['"是,否"'] };
  if (c.type === 'integer') return { ...common, type: 'whole', operator: 'between', formulae: [-1e9, 1e9] };
  if (c.type === 'number') return { ...common, type: 'decimal', operator: 'between', formulae: [-1e15, 1e15] };
  return undefined;
}
