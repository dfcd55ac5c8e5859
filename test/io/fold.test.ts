/**
 * Folding single votes into counts while reading (io/fold.ts): the scores are
 * those of the unfolded data, every problem keeps its code, file and line, and
 * the reader threads give exactly what one thread gives.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { foldPlan, scoreScheme, type Roster, type Scheme } from '../../engine/index.ts';
import { annotateIssues, fieldTypeLookup, loadDataset, readDataBuffer, type LoadOptions, type LoadResult } from '../../io/index.ts';
import { Folder } from '../../io/fold.ts';
import { foldsMostly } from '../../io/folds-mostly.ts';
import { originList } from './origin-list.ts';

const SEED = 20211126;
const scheme = JSON.parse(readFileSync(new URL('../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;
const roster = JSON.parse(readFileSync(new URL('../../schemes/pingyang-2021/roster.json', import.meta.url), 'utf8')) as Roster;
const dir = mkdtempSync(join(tmpdir(), 'pingyi-fold-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function write(lines: Array<string | Buffer>): string {
  const file = join(dir, `data-${n++}.ndjson`);
  writeFileSync(file, Buffer.concat(lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')]))));
  return file;
}

const base: LoadOptions = { roster, fieldType: fieldTypeLookup({ scheme }), parallel: false };
const fold: LoadOptions['fold'] = { scheme, plan: foldPlan(scheme) };

/** Errors as a clerk sees them: code, file, line and text (pointers differ: folded records are fewer). */
function located(r: LoadResult, issues = r.issues) {
  return annotateIssues(issues, r.origins, r.recordOrigins)
    .filter((i) => i.severity === 'error')
    .map((i) => `${i.code} ${i.file ?? ''}:${i.line ?? ''} ${i.message.en}`)
    .sort();
}

describe('folding votes while reading', () => {
  it('equal votes become one record with the summed count, at the first one’s line, after the records kept as they are', async () => {
    const v = (level: string, extra = '') => `{"type":"service-vote","unit":"p01-s01","period":"h1","level":"${level}"${extra}}`;
    const file = write([v('satisfied'), '{"type":"supervisor-rating","unit":"p01-s01","score":4.5}', v('satisfied', ',"count":3'), v('basic'), v('satisfied'), v('satisfied', ',"id":"x1"')]);
    const r = await loadDataset([file], { ...base, fold });
    expect(r.issues).toEqual([]);
    expect(r.dataset?.facts).toEqual([
      { type: 'supervisor-rating', unit: 'p01-s01', score: 4.5 },
      // a record with its own id is a record of its own
      { type: 'service-vote', unit: 'p01-s01', period: 'h1', level: 'satisfied', id: 'x1' },
      { type: 'service-vote', unit: 'p01-s01', period: 'h1', level: 'satisfied', count: 5 },
      { type: 'service-vote', unit: 'p01-s01', period: 'h1', level: 'basic', count: 1 },
    ]);
    expect(originList(r.origins).map((o) => o?.line)).toEqual([2, 6, 1, 4]);
    // 6 fact records read, 4 in the data set; of the service votes, 4 folded into 2
    expect(r.folding).toEqual({ read: 6, facts: 4, byType: { 'service-vote': { read: 4, facts: 2 } } });
  });

  it('CSV votes fold the same way; a row with a bad cell stays as it is, its problem pointing at it', async () => {
    const file = join(dir, 'votes.csv');
    writeFileSync(file, ['type,unit,period,level,count', 'service-vote,p01-s01,h1,satisfied,', 'service-vote,p01-s01,h1,satisfied,2', 'service-vote,p01-s02,h1,basic,x', 'service-vote,p01-s01,h1,satisfied,'].join('\n') + '\n');
    const r = await loadDataset([file], { ...base, fold });
    expect(r.issues.map((i) => [i.code, i.path, i.line])).toEqual([['data-csv-number', '/facts/0/count', 4]]);
    // unfolded, the same problem at the same line; its pointer names the record's index among the records kept
    const plain = await loadDataset([file], base);
    expect(plain.issues.map((i) => [i.code, i.path, i.line, i.message.en])).toEqual([['data-csv-number', '/facts/2/count', 4, r.issues[0]?.message.en]]);
    expect(plain.dataset).toBeUndefined();
    const ok = join(dir, 'votes-ok.csv');
    writeFileSync(ok, ['type,unit,period,level,count', 'service-vote,p01-s01,h1,满意,', 'service-vote,p01-s01,h1,satisfied,2', 'service-vote,p01-s02,h1,basic,', 'service-vote,p01-s01,h1,satisfied,'].join('\n') + '\n');
    const f = await loadDataset([ok], { ...base, labels: () => new Map([['满意', 'satisfied']]), fold });
    expect(f.dataset?.facts).toEqual([
      { type: 'service-vote', unit: 'p01-s01', period: 'h1', level: 'satisfied', count: 4 },
      { type: 'service-vote', unit: 'p01-s02', period: 'h1', level: 'basic', count: 1 },
    ]);
    expect(originList(f.origins).map((o) => o?.line)).toEqual([2, 4]);
  });

  it('a vote about a unit missing from the roster is kept and reported at its own line (a second reading knows the roster)', async () => {
    const v = (unit: string) => `{"type":"network-vote","unit":"${unit}","level":"satisfied","voter":"service-user"}`;
    const file = write([v('p01-s01'), v('nobody'), v('p01-s01'), v('nobody')]);
    const r = await loadDataset([file], { ...base, fold });
    const run = scoreScheme(scheme, r.dataset as never);
    const issues = annotateIssues(run.issues, r.origins, r.recordOrigins).filter((i) => i.code === 'unknown-unit');
    expect(issues.map((i) => i.line)).toEqual([2, 4]);
  });

  it('property: scores, ranks and classes of the folded data equal the unfolded data’s; errors keep code, file and line', async () => {
    const units = roster.units.slice(0, 30).map((u) => u.id);
    const vote = fc.record({
      type: fc.constantFrom('service-vote', 'network-vote'),
      unit: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...units) }, { weight: 1, arbitrary: fc.constant('nobody') }),
      period: fc.constantFrom('h1', 'h2'),
      level: fc.oneof({ weight: 30, arbitrary: fc.constantFrom('satisfied', 'basic', 'dissatisfied') }, { weight: 1, arbitrary: fc.constant('bogus') }),
      voter: fc.constantFrom('service-user', 'representative'),
      count: fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 2.5, '3') }),
      id: fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('v1') }),
      note: fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('x') }),
      broken: fc.oneof({ weight: 60, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    });
    const line = (v: typeof vote extends fc.Arbitrary<infer T> ? T : never) => {
      if (v.broken) return '{"type":"service-vote",';
      const rec: Record<string, unknown> = { type: v.type, unit: v.unit, level: v.level };
      if (v.type === 'service-vote') rec.period = v.period;
      else rec.voter = v.voter;
      if (v.count !== undefined) rec.count = v.count;
      if (v.id !== undefined) rec.id = v.id;
      if (v.note !== undefined) rec.note = v.note;
      return JSON.stringify(rec);
    };
    await fc.assert(
      fc.asyncProperty(fc.array(vote, { minLength: 1, maxLength: 300 }), async (votes) => {
        const file = write(votes.map(line));
        const plain = await loadDataset([file], base);
        const folded = await loadDataset([file], { ...base, fold });
        expect(located(folded)).toEqual(located(plain));
        if (!plain.dataset || !folded.dataset) {
          expect(folded.dataset).toBe(plain.dataset);
          return;
        }
        const a = scoreScheme(scheme, plain.dataset);
        const b = scoreScheme(scheme, folded.dataset);
        expect(b.ok).toBe(a.ok);
        expect(located(folded, b.issues)).toEqual(located(plain, a.issues));
        const standing = (r: typeof a) => r.units.map((u) => ({ unit: u.unit, total: u.total, ranks: u.ranks, classes: u.classes }));
        expect(standing(b)).toEqual(standing(a));
        expect(b.classes).toEqual(a.classes);
      }),
      { seed: SEED, numRuns: 25 },
    );
  }, 300_000);
});

describe('folding votes read from standard input', () => {
  it('NDJSON on standard input folds like the same file: problems at `-` and their lines, a vote of an unknown unit at its own line, no temporary file left', async () => {
    const lines = [
      ...Array.from({ length: 400 }, (_, i) => JSON.stringify({ type: 'service-vote', unit: roster.units[i % 20]?.id, period: 'h1', level: ['satisfied', 'basic'][i % 2] })),
      '{"type":',
      JSON.stringify({ type: 'service-vote', unit: 'nobody', period: 'h1', level: 'basic' }),
    ];
    const file = write(lines);
    // a temporary folder of this test's own (os.tmpdir() reads TMPDIR), so other tests' spools cannot be counted
    const own = mkdtempSync(join(dir, 'tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    onTestFinished(() => {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    });
    const fromFile = await loadDataset([file], { ...base, fold });
    const fromStdin = await loadDataset(['-'], { ...base, fold, stdin: Readable.from([readFileSync(file)]) });
    expect(fromStdin.folding).toEqual(fromFile.folding);
    expect(fromStdin.folding?.read).toBeGreaterThan(fromStdin.folding?.facts ?? Infinity);
    expect(fromStdin.dataset).toEqual(fromFile.dataset);
    const at = (r: LoadResult) => r.issues.map((i) => [i.code, i.file, i.line]);
    expect(at(fromStdin)).toEqual(at(fromFile).map(([code, , line]) => [code, '-', line]));
    expect(at(fromStdin)).toContainEqual(['data-ndjson-syntax', '-', 401]);
    // without a syntax error the data set is built, and the unknown unit is reported by the engine at line 402 of `-`
    const clean = Buffer.from(lines.filter((l) => l !== '{"type":').join('\n') + '\n');
    const r = await loadDataset(['-'], { ...base, fold, stdin: Readable.from([clean]) });
    const scored = scoreScheme(scheme, r.dataset as NonNullable<LoadResult['dataset']>);
    const unknown = annotateIssues(scored.issues, r.origins, r.recordOrigins).filter((i) => i.code === 'unknown-unit');
    expect(unknown.map((i) => [i.file, i.line])).toEqual([['-', 401]]);
    expect(readdirSync(own)).toEqual([]);
  }, 60_000);
});

describe('folding votes read from an Excel workbook', () => {
  it('a sheet of single votes folds like NDJSON: the same scores; a row with a problem stays at its sheet and row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('service-vote');
    ws.addRow(['unit', 'period', 'level']);
    for (let i = 0; i < 600; i++) ws.addRow([roster.units[i % 30]?.id, i % 2 ? 'h1' : 'h2', ['satisfied', 'basic', 'dissatisfied'][i % 3]]);
    const clean = Buffer.from(await wb.xlsx.writeBuffer());
    ws.addRow([roster.units[0]?.id, 'h1', '很满意']);
    const dirty = Buffer.from(await wb.xlsx.writeBuffer());
    const opts = { ...base, name: 'votes.xlsx', format: 'xlsx' as const };
    const plain = await readDataBuffer(clean, opts);
    const folded = await readDataBuffer(clean, { ...opts, fold });
    expect(folded.folding).toMatchObject({ read: 600 });
    expect(folded.dataset?.facts.length).toBeLessThan(200);
    const a = scoreScheme(scheme, plain.dataset as NonNullable<LoadResult['dataset']>);
    const b = scoreScheme(scheme, folded.dataset as NonNullable<LoadResult['dataset']>);
    expect(b.units.map((u) => [u.unit, u.total])).toEqual(a.units.map((u) => [u.unit, u.total]));
    // the bad level is found by the engine at the row's pointer, which the origins place at its sheet and row
    const bad = await readDataBuffer(dirty, { ...opts, fold });
    const r = scoreScheme(scheme, bad.dataset as NonNullable<LoadResult['dataset']>);
    const located = annotateIssues(r.issues, bad.origins, bad.recordOrigins).filter((i) => i.severity === 'error');
    expect(located.map((i) => [i.sheet, i.row])).toEqual([['service-vote', 602]]);
  }, 60_000);
});

describe('reader threads (large NDJSON files cut into byte ranges)', () => {
  // roster and history records, votes, case facts; with `dirty`, load errors in the later ranges
  const make = (dirty: boolean): Array<string | Buffer> => {
    const lines: Array<string | Buffer> = [];
    for (let i = 0; i < 3000; i++) {
      if (!dirty && [100, 2500, 2600, 2700].includes(i)) continue;
      const unit = roster.units[i % 40]?.id as string;
      if (i === 5) lines.push(JSON.stringify({ record: 'history', unit, year: 2020, outcome: 'satisfied' }));
      // invalid UTF-8 (a GBK file): reported once, at the first such line
      else if (i === 100 || i === 2700) lines.push(Buffer.concat([Buffer.from(`{"record":"unit","id":"x${i}","name":"`), Buffer.from([0xc6, 0xbd, 0xd1, 0xf4]), Buffer.from('"}')]));
      else if (i === 2500) lines.push('{"type":"service-vote",');
      else if (i === 2600) lines.push('{"record":"toString"}');
      else if (i === 2650) lines.push('');
      else if (i === 2800) lines.push('{"type":"service-vote","unit":"nobody","period":"h1","level":"basic"}');
      // numbers JSON text would not give back (-0, Infinity): the reader threads send such records as objects
      else if (i === 2950) lines.push(`{"type":"hotline-case","id":"z0","unit":"${unit}","item":"poor-handling","role":"lead","date":"2021-03-01","amount":-0}`);
      else if (i === 2960) lines.push(`{"type":"supervisor-rating","unit":"${unit}","score":1e309}`);
      else if (i === 2900) lines.push('{"type":"service-vote","unit":"' + unit + '","period":"h2","level":"basic"}\r');
      else if (i % 7 === 0) lines.push(JSON.stringify({ type: 'hotline-case', id: `c${i}`, unit, item: 'late-feedback', role: 'lead', date: '2021-03-01' }));
      else lines.push(JSON.stringify({ type: i % 3 ? 'service-vote' : 'network-vote', unit, level: ['satisfied', 'basic', 'dissatisfied'][i % 3], ...(i % 3 ? { period: i % 2 ? 'h1' : 'h2' } : { voter: 'service-user' }) }));
    }
    return lines;
  };

  it('give the data set, problems (code, pointer, message, line) and origins of one thread, for 2 and 3 ranges, folded or not', async () => {
    for (const [file, f] of [[write(make(false)), fold], [write(make(false)), undefined], [write(make(true)), fold]] as const) {
      const one = await loadDataset([file], { ...base, ...(f ? { fold: f } : {}) });
      for (const threads of [2, 3]) {
        const many = await loadDataset([file], { ...base, ...(f ? { fold: f } : {}), parallel: { minBytes: 0, threads, all: true } });
        expect(many.issues).toEqual(one.issues);
        expect(many.dataset).toEqual(one.dataset);
        expect(originList(many.origins)).toEqual(originList(one.origins));
        expect(many.recordOrigins).toEqual(one.recordOrigins);
        expect(many.folding).toEqual(one.folding);
        if (one.dataset === undefined) continue; // the dirty file: its load errors compared above
        expect(Object.is(many.dataset?.facts.find((x) => x.id === 'z0')?.amount, -0)).toBe(true);
        expect(many.dataset?.facts.find((x) => x.type === 'supervisor-rating')?.score).toBe(Infinity);
        expect(many.dataset?.facts.length).toBeGreaterThan(400);
      }
    }
  }, 120_000);

  it('several files read one ahead on the threads give what one thread gives, in input order (a bad file in the middle too)', async () => {
    const files = [write(make(false)), write(make(true)), write(make(false).slice(0, 1500)), write(make(false))];
    for (const f of [fold, undefined]) {
      const one = await loadDataset(files, { ...base, ...(f ? { fold: f } : {}) });
      const many = await loadDataset(files, { ...base, ...(f ? { fold: f } : {}), parallel: { minBytes: 0, threads: 2, all: true } });
      expect(many.issues).toEqual(one.issues);
      expect(many.dataset).toEqual(one.dataset);
      expect(originList(many.origins)).toEqual(originList(one.origins));
      expect(many.recordOrigins).toEqual(one.recordOrigins);
      expect(many.folding).toEqual(one.folding);
      // the problems name each file at its own lines, in input order
      expect(many.issues.filter((i) => i.code === 'data-ndjson-syntax').map((i) => [i.file, i.line])).toEqual([[files[1], 2501]]);
    }
    // the clean files alone: a data set, the same on one thread and on two
    const clean = [files[0] as string, files[2] as string, files[3] as string];
    const one = await loadDataset(clean, { ...base, fold });
    const many = await loadDataset(clean, { ...base, fold, parallel: { minBytes: 0, threads: 2, all: true } });
    expect(one.dataset?.facts.length).toBeGreaterThan(400);
    expect(many.dataset).toEqual(one.dataset);
    expect(originList(many.origins)).toEqual(originList(one.origins));
  }, 240_000);

  it('only files whose first lines mostly fold go to the threads; the others are read on this thread, with the same result', async () => {
    const unit = (i: number) => roster.units[i % 40]?.id as string;
    const votes = write(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ type: 'service-vote', unit: unit(i), period: 'h1', level: 'basic' })));
    const cases = write(Array.from({ length: 2000 }, (_, i) => JSON.stringify({ type: 'hotline-case', id: `c${i}`, unit: unit(i), item: 'late-feedback', role: 'lead', date: '2021-03-01' })));
    // half and half: still worth the threads; a third folding: not
    const half = write(Array.from({ length: 2000 }, (_, i) => (i % 2 ? JSON.stringify({ type: 'network-vote', unit: unit(i), level: 'satisfied', voter: 'service-user' }) : `{"type":"hotline-case","id":"h${i}","unit":"${unit(i)}","item":"late-feedback","role":"lead","date":"2021-03-01"}`)));
    const third = write(Array.from({ length: 2000 }, (_, i) => (i % 3 === 0 ? JSON.stringify({ type: 'service-vote', unit: unit(i), period: 'h2', level: 'satisfied' }) : JSON.stringify({ type: 'supervisor-rating', unit: unit(i), score: 4 }))));
    const folder = new Folder(scheme, foldPlan(scheme));
    expect(await Promise.all([votes, cases, half, third].map((f) => foldsMostly(f, folder)))).toEqual([true, false, true, false]);
    // a vote with an id never folds; a missing file is read (and reported) on this thread
    expect(await foldsMostly(write([JSON.stringify({ type: 'service-vote', id: 'v1', unit: unit(0), period: 'h1', level: 'basic' })]), folder)).toBe(false);
    expect(await foldsMostly(join(dir, 'missing.ndjson'), folder)).toBe(false);
    // the files read on this thread come first, between and after those on the threads (then they are read
    // while the threads work, and merged in their turn); a bad line in one of them keeps its file and line
    const bad = write([...Array.from({ length: 50 }, (_, i) => JSON.stringify({ type: 'supervisor-rating', unit: unit(i), score: 3 })), '{"type":', JSON.stringify({ type: 'service-vote', unit: unit(1), period: 'h1', level: 'basic' })]);
    for (const files of [[cases, votes, third, half], [votes, cases, half, third], [votes, half, bad, votes]]) {
      const one = await loadDataset(files, { ...base, fold });
      const many = await loadDataset(files, { ...base, fold, parallel: { minBytes: 0, threads: 2 } });
      expect(many.issues).toEqual(one.issues);
      expect(many.dataset).toEqual(one.dataset);
      expect(originList(many.origins)).toEqual(originList(one.origins));
      expect(many.recordOrigins).toEqual(one.recordOrigins);
      expect(many.folding).toEqual(one.folding);
      if (files.includes(bad)) {
        expect(many.issues.filter((i) => i.code === 'data-ndjson-syntax').map((i) => [i.file, i.line])).toEqual([[bad, 51]]);
        continue;
      }
      expect(one.folding?.read).toBeGreaterThan(one.folding?.facts ?? Infinity);
    }
  }, 120_000);

  it('a bad record in a later range is reported at its true line', async () => {
    const file = write(make(true));
    const r = await loadDataset([file], { ...base, fold, parallel: { minBytes: 0, threads: 2, all: true } });
    const at = (code: string) => r.issues.filter((i) => i.code === code).map((i) => [i.line, i.message.en]);
    expect(at('data-ndjson-syntax')).toEqual([[2501, expect.stringMatching(/^line 2501, column 24: /)]]);
    expect(at('data-ndjson-record')).toEqual([[2601, 'line 2601: "record" must be unit, parent, fact or history']]);
    expect(at('data-encoding')).toEqual([[101, expect.any(String)]]);
  }, 120_000);
});
