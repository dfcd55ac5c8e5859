/**
 * Workbooks measured before exceljs opens them (issue 17 D1, io/xlsx-guard.ts):
 * the sheet XML is inflated as a stream and counted, and a workbook over a
 * limit is one coded problem instead of gigabytes of cells.
 */
import { describe, expect, it } from 'vitest';
import { readDataBuffer } from '../../io/index.ts';
import { xlsxBomb } from './xlsx-bomb.ts';

const MiB = 1024 * 1024;
const slow = { timeout: 120_000 };

describe('bounded workbooks', () => {
  it('reads a small workbook as before', async () => {
    const r = await readDataBuffer(await xlsxBomb(3), { name: 'x.xlsx' });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.dataset?.facts).toHaveLength(3);
  });

  it('refuses a sheet with more rows than the limit, counted while inflating (default 500,000 rows)', slow, async () => {
    const bomb = await xlsxBomb(500_001, [1]);
    const r = await readDataBuffer(bomb, { name: 'bomb.xlsx' });
    expect(r.dataset).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(['data-xlsx-too-large']);
    expect(r.issues[0]!.message.zh).toContain('超过 500000 行');
  });

  it('refuses a workbook inflating beyond the byte limit, and one with too many cells', slow, async () => {
    const bomb = await xlsxBomb(20_000);
    const bytes = await readDataBuffer(bomb, { name: 'b.xlsx', limits: { maxXlsxUncompressedBytes: 1 * MiB } });
    expect(bytes.issues.map((i) => i.code)).toEqual(['data-xlsx-too-large']);
    expect(bytes.issues[0]!.message.zh).toContain('解压后超过 1 MiB');
    const cells = await readDataBuffer(await xlsxBomb(300), { name: 'c.xlsx', limits: { maxSheetCells: 1_000 } });
    expect(cells.issues.map((i) => i.code)).toEqual(['data-xlsx-too-large']);
    expect(cells.issues[0]!.message.zh).toContain('超过 1000 个单元格');
    // the same workbook within the limits is read whole: 300 rows + the header, 4 cells each
    const ok = await readDataBuffer(await xlsxBomb(300), { name: 'c.xlsx', limits: { maxSheetCells: 1_204 } });
    expect(ok.dataset?.facts).toHaveLength(300);
  });
});
