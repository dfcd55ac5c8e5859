/**
 * Uploads read cells like the CLI does (io's schemeLoadOptions): a fact type's
 * Chinese labels stand for its enum values, so an office may write `满意` in a
 * level column of its CSV or Excel sheet and the server stores `satisfied`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMES_DIR, startServer, type Harness } from './harness.ts';

let h: Harness;
let clerk = '';
let csv = '';
let labelled = '';
beforeAll(async () => {
  h = await startServer();
  clerk = await h.userWith('clerk', ['data-entry']);
  csv = await readFile(join(SCHEMES_DIR, 'wenzhou-2024/cases/03-shipped-roster.facts.csv'), 'utf8');
  // a new version whose network vote names its levels as the 2024 rules do (满意 / 一般 / 不满意)
  const made = await h.call('POST', '/api/schemes/wenzhou-2024/versions/1.0.0/new-version', { token: h.admin });
  labelled = made.body.meta.version;
  const doc = (await h.call('GET', `/api/schemes/wenzhou-2024/versions/${labelled}`, { token: h.admin })).body.document;
  doc.factTypes.find((f: any) => f.id === 'network-vote').labels = { satisfied: '满意', fair: '一般', dissatisfied: '不满意' };
  const saved = await h.call('PUT', `/api/schemes/wenzhou-2024/versions/${labelled}`, { token: h.admin, body: doc, headers: { 'if-match': '1' } });
  expect(saved.status).toBe(200);
}, 120_000);
afterAll(() => h.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LABEL: Record<string, string> = { satisfied: '满意', fair: '一般', dissatisfied: '不满意' };

const upload = (version: string, body: string | Uint8Array, type: string, name: string) =>
  h.call('POST', `/api/datasets?scheme=wenzhou-2024&version=${version}&name=${encodeURIComponent(name)}`, { token: clerk, raw: body, headers: { 'content-type': type } });

/** The shipped CSV with every network vote's level written as its Chinese label (column 8, `level`). */
function withLabels(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const cells = line.split(',');
      if (cells[0] !== 'network-vote') return line;
      cells[7] = LABEL[cells[7]!]!;
      return cells.join(',');
    })
    .join('\n');
}

async function workbook(text: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('facts');
  for (const line of text.trim().split('\n')) ws.addRow(line.split(',').map((c) => (c === '' ? null : /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('uploads with the fact types\u2019 Chinese labels', () => {
  it('reads 满意 / 一般 / 不满意 in a CSV as the level values, the same facts as the plain file', async () => {
    const text = withLabels(csv);
    expect(text).toContain('network-vote,u001,,,,,,满意,9,');
    const plain = await upload(labelled, csv, 'text/csv', 'plain');
    const zh = await upload(labelled, text, 'text/csv', '中文等次');
    expect(plain.status).toBe(201);
    expect(zh.status).toBe(201);
    expect(zh.body.problems.filter((p: any) => p.severity === 'error')).toEqual([]);
    const a = (await h.call('GET', `/api/datasets/${plain.body.dataset.id}/data`, { token: clerk })).body;
    const b = (await h.call('GET', `/api/datasets/${zh.body.dataset.id}/data`, { token: clerk })).body;
    expect(b.facts).toEqual(a.facts);
    // row 18 of the file: u001's 9 satisfied network votes
    expect(b.facts).toContainEqual({ type: 'network-vote', unit: 'u001', level: 'satisfied', count: 9 });
  });

  it('reads the labels in an .xlsx sheet too', async () => {
    const r = await upload(labelled, await workbook(withLabels(csv)), XLSX, 'Excel 中文等次');
    expect(r.status).toBe(201);
    const data = (await h.call('GET', `/api/datasets/${r.body.dataset.id}/data`, { token: clerk })).body;
    expect(data.facts).toContainEqual({ type: 'network-vote', unit: 'u001', level: 'fair', count: 1 });
    expect(data.facts.some((f: any) => f.type === 'network-vote' && !['satisfied', 'fair', 'dissatisfied'].includes(f.level))).toBe(false);
  });

  it('refuses the labels against a version that does not declare them, at the cell', async () => {
    const r = await upload('1.0.0', withLabels(csv), 'text/csv', '无标签版本');
    expect(r.status).toBe(422);
    const errors = r.body.problems.filter((p: any) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((p: any) => /^\/facts\/\d+\/level$/.test(p.path) && typeof p.line === 'number')).toBe(true);
  });
});
