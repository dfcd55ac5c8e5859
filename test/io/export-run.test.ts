import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type RunResult, type Scheme } from '../../engine/index.ts';
import { EXPORT_SHEETS, exportRunCsv, exportRunXlsx, loadInput } from '../../io/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const dir = join(root, 'schemes/pingyang-2021');
const scheme = validateScheme(JSON.parse(readFileSync(join(dir, 'scheme.json'), 'utf8'))).scheme as Scheme;
const roster = JSON.parse(readFileSync(join(dir, 'roster.json'), 'utf8'));

// case 02: the full Pingyang roster with exemptions, the 110 selected, classes and 考绩 (values worked by hand in the case)
let result: RunResult;
beforeAll(async () => {
  const data = await loadInput({ scheme, roster }, [join(dir, 'cases/02-selection-and-classification.json')]);
  if (!data.dataset) throw new Error('case data did not load');
  result = scoreScheme(scheme, data.dataset);
});

const cells = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe('exportRunXlsx', () => {
  it('ranked table: one column per indicator, ranks, classes, selections; consequences per parent; a trace sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportRunXlsx(scheme, result)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(EXPORT_SHEETS));

    const [header, ...rows] = cells(wb.getWorksheet(EXPORT_SHEETS.table) as ExcelJS.Worksheet);
    const col = (name: string) => (header as string[]).indexOf(name);
    for (const i of scheme.indicators) expect(header).toContain(i.name);
    const row = (unit: string) => rows.find((r) => r[col('单位 unit')] === unit) as unknown[];
    const rank = col('名次 综合评价排名');
    // 四(一)3 + 四(二)4: p44-s01 daily 35 + network 15 = 50, first; 五(一) satisfied and 满意前三
    expect(row('p44-s01')[rank]).toBe(1);
    expect(row('p44-s01')[col('总分 total')]).toBe(50);
    expect(row('p44-s01')[col(scheme.indicators.find((i) => i.id === 'network')?.name as string)]).toBe(15);
    expect(String(row('p44-s01')[col('等次 classes')])).toContain('满意');
    // p43-s02: 四(一)4 deductions exhaust supervision → 0; total 10, last of 110, most dissatisfied
    expect(row('p43-s02')[rank]).toBe(110);
    expect(row('p43-s02')[col('总分 total')]).toBe(10);
    expect(String(row('p43-s02')[col('等次 classes')])).toContain('最不满意');
    // 二: two satisfied years in a row → exempt, no total
    expect(row('p01-s01')[col('状态 status')]).toMatch(/^免评/);
    expect(row('p01-s01')[col('总分 total')]).toBeUndefined();
    // 四(二)1: last year's dissatisfied unit goes straight into the network round
    expect(String(row('p10-s01')[col('入选 selections')])).not.toBe('');
    // table order: the final ranking first
    expect(rows.slice(0, 3).map((r) => r[col('单位 unit')])).toEqual(['p44-s01', 'p44-s02', 'p44-s03']);

    // 五(一): 考绩 per parent: p44 +15, p43 3×−10 + 1×−5 = −35
    const [th, ...totals] = cells(wb.getWorksheet(EXPORT_SHEETS.totals) as ExcelJS.Worksheet);
    const kaoji = (th as string[]).indexOf('考绩');
    expect(totals.find((r) => r[1] === 'p44')?.[kaoji]).toBe(15);
    expect(totals.find((r) => r[1] === 'p43')?.[kaoji]).toBe(-35);
    const items = cells(wb.getWorksheet(EXPORT_SHEETS.consequences) as ExcelJS.Worksheet).filter((r) => r[1] === 'p43');
    // the four dissatisfied units of p43 (五(一)) each appear with their class
    expect(new Set(items.map((r) => r[4]))).toEqual(new Set(['p43-s01', 'p43-s02', 'p43-s03', 'p43-s04']));

    // the trace explains p44-s01's network points with the clause
    const trace = cells(wb.getWorksheet(EXPORT_SHEETS.trace) as ExcelJS.Worksheet);
    const net = trace.filter((r) => r[0] === 'p44-s01' && r[2] === 'network');
    expect(net[0]?.[6]).toBe(15);
    expect(net.some((r) => typeof r[7] === 'string' && (r[7] as string).length > 0 && r[4] !== undefined)).toBe(true);
  });
});

describe('exportRunCsv', () => {
  it('the same ranked table as CSV (BOM, CRLF), readable back', () => {
    const csv = exportRunCsv(scheme, result);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(csv, { bom: true }) as string[][];
    const col = (name: string) => (header as string[]).indexOf(name);
    expect(rows).toHaveLength(result.units.length);
    const p43 = rows.find((r) => r[col('单位 unit')] === 'p43-s01') as string[];
    // 四(一)4: 市级查实情节严重 2×2 = 4 → 16; total 26, rank 108
    expect(p43[col('名次 综合评价排名')]).toBe('108');
    expect(p43[col('总分 total')]).toBe('26');
  });
});
