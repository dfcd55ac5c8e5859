/**
 * Data loading through the real CLI process (issue 11 data items, issue 7
 * .xlsx): each of these exited 0 with a meaningless ranking, hung, or printed
 * a stack trace before.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const pingyi = (args: string[], opts: { input?: string | Buffer; env?: Record<string, string> } = {}) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/pingyi.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 150_000, // only to turn a hang into a failure; a loaded machine needs seconds per start
    maxBuffer: 256 * 1024 * 1024,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    env: { ...process.env, PINGYI_FROM_SOURCE: '1', ...opts.env },
  });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'pingyi-io-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
// each case starts real CLI processes (≈ 1–8 s each on a shared machine)
const slow = { timeout: 600_000 };
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

const scheme = 'schemes/pingyang-2021';
const everyIndicator = JSON.parse(readFileSync(join(root, scheme, 'cases/01-every-indicator.json'), 'utf8'));
type Fact = { type: string; [k: string]: unknown };
const facts: Fact[] = everyIndicator.input.facts;
const totals = (json: string) => Object.fromEntries((JSON.parse(json).units as Array<{ unit: string; total: number }>).map((u) => [u.unit, u.total]));
/** The totals the case works out by hand from the Pingyang document (each with its clause in the case's `why`). */
const handTotals = Object.fromEntries(Object.entries(everyIndicator.expect.units as Record<string, { total?: number }>).filter(([, u]) => u.total !== undefined).map(([id, u]) => [id, u.total]));
/** --json prints totals at the scheme's display precision (3 decimals): compare to that precision. */
const expectHandTotals = (json: string) => {
  const got = totals(json);
  for (const [unit, total] of Object.entries(handTotals)) expect(got[unit], unit).toBeCloseTo(total as number, 3);
};

/** The case's data as a workbook: roster sheets, then one sheet per fact type named after it (no type column). */
async function caseWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, rows: Array<Record<string, unknown>>) => {
    const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const ws = wb.addWorksheet(name);
    ws.addRow(header);
    for (const r of rows) ws.addRow(header.map((h) => r[h] ?? null));
  };
  sheet('parents', everyIndicator.input.parents);
  sheet('units', everyIndicator.input.units);
  const byType = new Map<string, Fact[]>();
  for (const f of facts) byType.set(f.type, [...(byType.get(f.type) ?? []), f]);
  for (const [type, list] of byType) sheet(type, list.map(({ type: _t, ...rest }) => rest));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('pingyi score reads .xlsx (issue 7)', () => {
  it('scores a workbook to the hand-worked totals of the case; a bad cell is named by sheet, row and column', slow, async () => {
    const xlsx = write('data.xlsx', await caseWorkbook());
    const a = pingyi(['score', scheme, xlsx, '--json']);
    expect(a.err).not.toMatch(/错误 error/);
    expect(a.code).toBe(0);
    expect(Object.keys(handTotals).length).toBeGreaterThan(1);
    expectHandTotals(a.out);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('hotline-case') as ExcelJS.Worksheet;
    const amount = (ws.getRow(1).values as unknown[]).indexOf('amount');
    ws.getRow(2).getCell(amount).value = '四分';
    const bad = write('bad.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = pingyi(['score', scheme, bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[data-csv-number]');
    expect(r.err).toMatch(/\[hotline-case\] 第 2 行 row 2 [A-Z] 列/);
    expect(r.err).toContain('/facts/');
    noStack(r.err);
  });
});

describe('empty data is an error, each empty file a warning (issue 11)', () => {
  it('empty .ndjson, BOM-only and header-only CSV, {} → a warning per file and "没有任何事实记录", exit 1', slow, () => {
    const files = [write('empty.ndjson', ''), write('bom.csv', '\uFEFF'), write('header.csv', 'type,unit,level\n'), write('empty.json', '{}')];
    const r = pingyi(['score', scheme, ...files]);
    expect(r.code).toBe(1);
    for (const f of files) expect(r.err).toContain(f);
    expect(r.err.match(/警告 warning/g)?.length).toBe(4);
    expect(r.err).toContain('[data-no-facts]');
    expect(r.err).toContain('没有任何事实记录');
    expect(r.out).not.toContain('满意');
    const one = pingyi(['score', scheme, files[3] as string, '--json']);
    expect(one.code).toBe(1);
    // --json: the problems as JSON on standard output, no ranking
    const json = JSON.parse(one.out) as { ok: boolean; issues: Array<{ code: string; severity: string }>; units?: unknown };
    expect(json.ok).toBe(false);
    expect(json.units).toBeUndefined();
    expect(json.issues.map((i) => [i.code, i.severity])).toEqual([['data-empty-file', 'warning'], ['data-no-facts', 'error']]);
  });
});

describe('a broken roster.json is named (issue 11)', () => {
  const schemeCopy = (roster: string | null) => {
    const d = mkdtempSync(join(dir, 'scheme-'));
    cpSync(join(root, scheme, 'scheme.json'), join(d, 'scheme.json'));
    if (roster === null) mkdirSync(join(d, 'roster.json'));
    else writeFileSync(join(d, 'roster.json'), roster);
    return d;
  };
  const votes = write('votes.ndjson', '{"type":"service-vote","unit":"p01-s01","period":"h1","level":"satisfied","count":3}\n');

  it('invalid JSON: the roster\'s syntax error with file and line, no unknown-unit per fact, exit 1', slow, () => {
    const d = schemeCopy('{\n  "units": [\n    {"id": "p01-s01", "name": "科"\n  ]\n}\n');
    const r = pingyi(['score', d, votes]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(join(d, 'roster.json'));
    expect(r.err).toMatch(/roster\.json line 4/);
    expect(r.err).not.toContain('unknown-unit');
    noStack(r.err);
  });

  it('unreadable (a folder) or not a roster: named, exit 1', slow, () => {
    const r = pingyi(['score', schemeCopy(null), votes]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('roster.json');
    expect(r.err).toContain('不是普通文件');
    expect(r.err).not.toContain('unknown-unit');
    const shape = pingyi(['score', schemeCopy('{"unit": []}'), votes]);
    expect(shape.code).toBe(1);
    expect(shape.err).toContain('[roster-empty]');
    expect(shape.err).not.toContain('unknown-unit');
  });
});

describe('nothing hangs on a FIFO or a device (issue 11)', () => {
  it('a FIFO or /dev/zero as the scheme or as a single .json data file is refused before any read', slow, () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    for (const args of [['score', fifo, '/dev/null'], ['score', scheme, fifo], ['score', scheme, '/dev/zero'], ['validate', '/dev/zero']]) {
      const r = pingyi(args);
      expect(r.signal, args.join(' ')).toBeNull(); // not killed by the timeout
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(/不是普通文件|不支持的文件类型/);
      noStack(r.err);
    }
  });
});

describe('an NDJSON line over the limit (issue 11)', () => {
  it('is reported as line-too-long with file and line, and the other lines are read', slow, () => {
    const long = `{"type":"service-vote","unit":"p01-s01","note":"${'x'.repeat(5000)}"}`;
    const file = write('long.ndjson', ['{"type":"service-vote","unit":"p01-s01","period":"h1","level":"satisfied"}', long, '{"type":"bogus"'].join('\n') + '\n');
    const r = pingyi(['score', scheme, file], { env: { PINGYI_MAX_LINE_BYTES: '1000' } });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`[line-too-long] ${file} line 2`);
    expect(r.err).toContain(`[data-ndjson-syntax] ${file} line 3`);
    expect(r.err).not.toContain('RangeError');
    noStack(r.err);
  });
});

describe('standard input (issue 11)', () => {
  const ndjson = facts.map((f) => JSON.stringify(f)).join('\n') + '\n';
  const data = JSON.stringify(everyIndicator.input);

  it('`-` reads standard input, its format sniffed or given by --format', slow, () => {
    const sniffedJson = pingyi(['score', scheme, '-', '--json'], { input: data });
    expect(sniffedJson.code).toBe(0);
    expectHandTotals(sniffedJson.out);
    // units and parents from the case, facts from standard input as NDJSON
    const roster = write('every-roster.json', JSON.stringify({ units: everyIndicator.input.units, parents: everyIndicator.input.parents }));
    const given = pingyi(['score', scheme, roster, '-', '--format', 'ndjson', '--json'], { input: ndjson });
    expect(given.code).toBe(0);
    expect(given.err).not.toMatch(/错误 error/);
    expectHandTotals(given.out);
    const empty = pingyi(['score', scheme, '-'], { input: '' });
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('没有任何事实记录');
  });
});
