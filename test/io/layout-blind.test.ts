/**
 * Layout-blind reading (issue #22, item 1): one data set laid out at random —
 * the roster first or anywhere, votes and cases interleaved, one file or many,
 * large or small — reads the same on the reader threads as on this thread
 * (the same records, problems with their files and lines, origins and folds),
 * and every layout scores the same. A file whose first lines are roster
 * records still goes to the threads: lines are sampled across the file.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSeason } from '../../bench/province/generate-province.ts';
import { foldPlan, scoreScheme, type Scheme } from '../../engine/index.ts';
import { Folder } from '../../io/fold.ts';
import { foldsMostly } from '../../io/folds-mostly.ts';
import { fieldTypeLookup, loadDataset, type LoadOptions } from '../../io/index.ts';
import { originList } from './origin-list.ts';

const SEED = 20261207;
const scheme = JSON.parse(readFileSync(new URL('../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;
const dir = mkdtempSync(join(tmpdir(), 'pingyi-layout-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fold: LoadOptions['fold'] = { scheme, plan: foldPlan(scheme) };
const base: LoadOptions = { fieldType: fieldTypeLookup({ scheme }), fold };

/** The data set as lines: the bench's seeded season (roster, single votes, cases, ratings); with `dirty`, two bad lines. */
const season = writeSeason(mkdtempSync(join(dir, 'season-')), { units: 60, parents: 6, votes: 6000, cases: 400 }, SEED);
const seasonLines = season.files.map((f) => readFileSync(f, 'utf8').trimEnd().split('\n'));
function dataLines(dirty: boolean): { roster: string[]; rest: string[] } {
  const [rosterLines, ...others] = seasonLines as [string[], ...string[][]];
  const rest = others.flat();
  if (dirty) rest.push('{"type":"service-vote",', '{"record":"toString"}');
  return { roster: rosterLines, rest };
}

let n = 0;
function writeFiles(parts: string[][]): string[] {
  return parts.map((lines) => {
    const file = join(dir, `part-${n++}.ndjson`);
    writeFileSync(file, lines.length === 0 ? '' : `${lines.join('\n')}\n`);
    return file;
  });
}

/** A layout: the roster first or shuffled in, the lines shuffled, cut into files at random places. */
const layout = fc.record({
  rosterFirst: fc.boolean(),
  shuffle: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  cuts: fc.uniqueArray(fc.integer({ min: 1, max: 6600 }), { maxLength: 7 }),
  dirty: fc.boolean(),
});

function laidOut(l: { rosterFirst: boolean; shuffle: number; cuts: number[]; dirty: boolean }): string[][] {
  const { roster: r, rest } = dataLines(l.dirty);
  // Fisher–Yates with a small seeded generator (Park–Miller), the seed drawn by fast-check
  const shuffled = [...rest];
  let x = l.shuffle;
  for (let i = shuffled.length - 1; i > 0; i--) {
    x = (x * 48271) % 2147483647;
    const j = x % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  const lines = l.rosterFirst ? [...r, ...shuffled] : shuffled.flatMap((x, i) => (i < r.length ? [r[i] as string, x] : [x]));
  const cuts = [0, ...[...l.cuts].filter((c) => c < lines.length).sort((a, b) => a - b), lines.length];
  return cuts.slice(1).map((end, k) => lines.slice(cuts[k], end));
}

describe('layout-blind reading (issue #22)', () => {
  it('a file of roster records first and votes after goes to the threads: lines are sampled across the file', async () => {
    const { roster: r, rest } = dataLines(false);
    const [file, cases] = writeFiles([[...r, ...r, ...rest], rest.filter((x) => x.includes('hotline-case'))]);
    const folder = new Folder(scheme, foldPlan(scheme));
    expect(r.length).toBeGreaterThan(60); // more roster lines than the first sample looks at
    expect(await foldsMostly(file as string, folder)).toBe(true);
    expect(await foldsMostly(cases as string, folder)).toBe(false);
  });

  it('property: any layout gives on the threads what one thread gives, and every layout the same standing', async () => {
    let reference: unknown;
    await fc.assert(
      fc.asyncProperty(layout, async (l) => {
        const files = writeFiles(laidOut(l));
        const one = await loadDataset(files, { ...base, parallel: false });
        // files from 30 KB are large (cut in ranges); smaller ones go to a thread whole when together they are as large
        const many = await loadDataset(files, { ...base, parallel: { minBytes: 30_000, threads: 2 } });
        expect(many.issues).toEqual(one.issues);
        expect(many.dataset).toEqual(one.dataset);
        expect(originList(many.origins)).toEqual(originList(one.origins));
        expect(many.recordOrigins).toEqual(one.recordOrigins);
        expect(many.folding).toEqual(one.folding);
        if (l.dirty) {
          expect(one.dataset).toBeUndefined();
          expect(one.issues.filter((i) => i.severity === 'error').map((i) => i.code).sort()).toEqual(['data-ndjson-record', 'data-ndjson-syntax']);
          return;
        }
        const result = scoreScheme(scheme, one.dataset!);
        const problems = result.issues.map((i) => `${i.severity} ${i.code}`).sort();
        const units = result.units.map((u) => ({ unit: u.unit, total: u.total, ranks: u.ranks, classes: u.classes })).sort((a, b) => a.unit.localeCompare(b.unit));
        const standing = { ok: result.ok, problems, units };
        expect(units.length, problems.join('\n')).toBe(60);
        reference ??= standing;
        expect(standing).toEqual(reference);
      }),
      { seed: SEED, numRuns: 6, endOnFailure: true },
    );
  }, 300_000);
});
