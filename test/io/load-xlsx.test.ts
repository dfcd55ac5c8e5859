import { originList } from './origin-list.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateIssues, columnLetter, loadDataset, readDataBuffer, type FieldTypeLookup } from '../../io/index.ts';
import { dataIssue } from '../../engine/issue.ts';

const dir = mkdtempSync(join(tmpdir(), 'pingyi-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fieldType: FieldTypeLookup = (type, field) =>
  type === 'fine' ? ({ amount: 'number', count: 'integer', public: 'boolean', date: 'string', level: 'string' } as const)[field] : undefined;

type Rows = Array<Array<ExcelJS.CellValue>>;
async function workbook(sheets: Record<string, Rows>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('columnLetter', () => {
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
  });
});

describe('xlsx: one sheet per record kind', () => {
  it('reads roster, history and facts; cells typed by the fact type; type from the sheet name', async () => {
    const buf = await workbook({
      parents: [['id', 'name', 'category'], ['p1', '发改局', 'organ']],
      units: [['id', 'name', 'parent', 'hasWindow'], ['u1', '发展规划科', 'p1', true], ['u2', '价格科', 'p1', null]],
      history: [['unit', 'year', 'outcome'], ['u1', 2020, 'satisfied'], ['u2', '2019', 'dissatisfied']],
      fine: [
        ['unit', 'amount', 'count', 'public', 'date', 'note'],
        ['#u1', 'sample row: a comment, skipped'],
        ['u1', 2.5, 3, '是', new Date(Date.UTC(2021, 5, 15)), { richText: [{ text: '多' }, { text: '行' }] }],
        [],
        ['u2', { formula: '1+1', result: 2 }, '4', 0, '2021-07-01'],
      ],
      _lists: [['ignored']],
    });
    const r = await readDataBuffer(buf, { name: 'data.xlsx', fieldType });
    expect(r.issues).toEqual([]);
    expect(r.dataset).toEqual({
      units: [{ id: 'u1', name: '发展规划科', parent: 'p1', attributes: { hasWindow: true } }, { id: 'u2', name: '价格科', parent: 'p1' }],
      parents: [{ id: 'p1', name: '发改局', category: 'organ' }],
      history: [{ unit: 'u1', year: 2020, outcome: 'satisfied' }, { unit: 'u2', year: 2019, outcome: 'dissatisfied' }],
      facts: [
        { type: 'fine', unit: 'u1', amount: 2.5, count: 3, public: true, date: '2021-06-15', note: '多行' },
        { type: 'fine', unit: 'u2', amount: 2, count: 4, public: false, date: '2021-07-01' },
      ],
    });
    expect(originList(r.origins)).toEqual([{ file: 'data.xlsx', sheet: 'fine', row: 3 }, { file: 'data.xlsx', sheet: 'fine', row: 5 }]);
    expect(r.recordOrigins.units[1]).toEqual({ file: 'data.xlsx', sheet: 'units', row: 3 });
  });

  it('a facts sheet with a type column (the CSV headers) takes the type per row', async () => {
    const buf = await workbook({ 事实: [['type', 'unit', 'amount'], ['fine', 'u1', '1.5'], ['award', 'u1', 7]] });
    const r = await readDataBuffer(buf, { name: 'x.xlsx', fieldType, allowNoFacts: true });
    expect(r.dataset?.facts).toEqual([{ type: 'fine', unit: 'u1', amount: 1.5 }, { type: 'award', unit: 'u1', amount: '7' }]);
  });

  it('reports row-level problems with sheet, row, column letter and the merged JSON Pointer, and reads on', async () => {
    const buf = await workbook({
      fine: [['unit', 'amount', 'count', 'public'], ['u1', 'x', 1.5, 'maybe'], [null, 1], ['u1', { error: '#DIV/0!' } as ExcelJS.CellErrorValue]],
      other: [['type', 'name'], ['fine', 'no target column']],
    });
    const r = await readDataBuffer(buf, { name: 'bad.xlsx', fieldType });
    expect(r.dataset).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.path, i.sheet, i.row, i.column])).toEqual([
      ['data-csv-number', '/facts/0/amount', 'fine', 2, 'B'],
      ['data-csv-number', '/facts/0/count', 'fine', 2, 'C'],
      ['data-csv-boolean', '/facts/0/public', 'fine', 2, 'D'],
      ['data-csv-target', '/facts/1', 'fine', 3, undefined],
      ['data-xlsx-cell', '/facts/2/amount', 'fine', 4, 'B'],
      ['data-xlsx-header', '', 'other', 1, undefined],
    ]);
    expect(r.issues.every((i) => i.file === 'bad.xlsx' && i.source === 'data' && i.severity === 'error')).toBe(true);
  });

  it('engine issues found later are located in the sheet and row of their record', async () => {
    const buf = await workbook({ fine: [['unit', 'amount'], ['u1', 1], ['u9', 2]] });
    const r = await readDataBuffer(buf, { name: 'a.xlsx', fieldType });
    const [issue] = annotateIssues([dataIssue('unknown-unit', '/facts/1/unit', '未知单位', 'unknown unit')], r.origins, r.recordOrigins);
    expect(issue).toMatchObject({ file: 'a.xlsx', sheet: 'fine', row: 3 });
  });

  it('an empty sheet, a header-only sheet and a file that is not a workbook are reported', async () => {
    const buf = await workbook({ fine: [['unit', 'amount']], empty: [], units: [['id', 'name'], ['u1', '一']] });
    const r = await readDataBuffer(buf, { name: 'e.xlsx', fieldType, allowNoFacts: true });
    expect(r.issues.map((i) => [i.code, i.sheet, i.severity])).toEqual([
      ['data-empty-file', 'fine', 'warning'],
      ['data-empty-file', 'empty', 'warning'],
    ]);
    const junk = await readDataBuffer(Buffer.from('PK\u0003\u0004 not really a zip'), { name: 'junk.xlsx' });
    expect(junk.issues).toMatchObject([{ code: 'data-xlsx', file: 'junk.xlsx', severity: 'error' }]);
  });

  it('reads .xlsx files by path too, merged in order with other formats', async () => {
    const file = join(dir, 'facts.xlsx');
    writeFileSync(file, await workbook({ fine: [['unit', 'amount'], ['u1', 3]] }));
    const csv = join(dir, 'more.csv');
    writeFileSync(csv, 'type,unit,amount\nfine,u1,4\n');
    const r = await loadDataset([csv, file], { fieldType, roster: { units: [{ id: 'u1', name: '一' }] } });
    expect(r.issues).toEqual([]);
    expect(r.dataset?.facts.map((f) => f.amount)).toEqual([4, 3]);
    expect(originList(r.origins)[1]).toEqual({ file, sheet: 'fine', row: 2 });
  });
});
