/**
 * Smoke version of the bench's CLI parts: a tiny seeded season written to
 * NDJSON files and scored by `node bin/pingyi.js score … --json` as a child
 * process (from the sources, so no build is needed). No timing: the run exits
 * 0 and its JSON ranks every unit of the roster.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROVINCE, scaled, writeSeason } from '../../bench/province/generate-province.ts';
import { mixSeason } from '../../bench/province/mix-season.ts';
import { parseTimings, runScoreCli } from '../../bench/province/run-cli.ts';
import { expandResult } from '../../engine/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'pingyi-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const size = { units: 200, parents: 15, votes: 20_000, cases: 2_000 };
const sub = (name: string) => {
  const d = join(dir, name);
  mkdirSync(d);
  return d;
};

describe('bench province season (smoke)', () => {
  it('writes the records it says, one vote per line, seeded', () => {
    const a = writeSeason(dir, size, 3);
    expect(a.counts.unit).toBe(200);
    expect(a.counts.parent).toBe(15);
    expect((a.counts['service-vote'] ?? 0) + (a.counts['network-vote'] ?? 0)).toBe(20_000);
    expect(a.facts).toBe(20_000 + 2_000 + (a.counts['supervisor-rating'] ?? 0));
    const votes = readFileSync(a.files[1] as string, 'utf8').trimEnd().split('\n');
    expect(votes).toHaveLength(8_000);
    for (const line of votes.slice(0, 50)) {
      const v = JSON.parse(line) as Record<string, unknown>;
      expect(v.type).toBe('service-vote');
      expect(v).not.toHaveProperty('count');
      expect(v).not.toHaveProperty('id');
    }
    // interleaved across units, as an export is, not grouped by unit
    expect(new Set(votes.slice(0, 40).map((l) => (JSON.parse(l) as { unit: string }).unit)).size).toBeGreaterThan(5);
  });

  it('scales the province size', () => {
    expect(scaled(PROVINCE, 1)).toEqual(PROVINCE);
    expect(scaled(PROVINCE, 0.1)).toEqual({ units: 2000, parents: 150, votes: 2_000_000, cases: 100_000 });
  });

  it('pingyi score runs on the files as a child process and ranks every unit', { timeout: 240_000 }, async () => {
    const season = writeSeason(dir, size, 11);
    const r = await runScoreCli({ scheme: 'schemes/pingyang-2021', files: season.files, timings: false, captureStdout: true, env: { PINGYI_FROM_SOURCE: '1' } });
    expect(r.exitCode, r.stderrTail).toBe(0);
    expect(r.maxRssMiB).toBeGreaterThan(0);
    const result = JSON.parse(r.stdout as string) as {
      ok: boolean;
      units: Array<{ unit: string; status: string; total: number | null }>;
      rankings: Array<{ order: string[] } | Record<string, unknown>>;
      issues: Array<{ severity: string }>;
    };
    expect(result.ok).toBe(true);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.units).toHaveLength(200);
    const exempt = result.units.filter((u) => u.status !== 'scored').map((u) => u.unit);
    expect(exempt.sort()).toEqual([...season.exempt].sort());
    for (const u of result.units.filter((x) => x.status === 'scored')) {
      expect(typeof u.total).toBe('number');
      expect(u.total as number).toBeGreaterThan(0);
      expect(u.total as number).toBeLessThanOrEqual(100 + 5);
    }
    expect(result.rankings.length).toBeGreaterThan(0);
  });

  it('one mixed file (issue #22): the roster first, then every other line of the split files, interleaved; seeded', () => {
    const split = writeSeason(sub('mix-a'), size, 3);
    const lines = split.files.map((f) => readFileSync(f, 'utf8').trimEnd().split('\n'));
    const mixed = mixSeason(split, 4);
    expect(mixed.files).toHaveLength(1);
    const all = readFileSync(mixed.files[0] as string, 'utf8').trimEnd().split('\n');
    const [roster, ...rest] = lines as [string[], ...string[][]];
    expect(all.slice(0, roster.length)).toEqual(roster);
    expect(all.slice(roster.length).sort()).toEqual(rest.flat().sort());
    expect(mixed.lines).toEqual([all.length]);
    // interleaved: other records among the first thousand lines after the roster, votes among the last thousand
    expect(all.slice(roster.length, roster.length + 1000).some((l) => !l.includes('-vote"'))).toBe(true);
    expect(all.slice(-1000).some((l) => l.includes('-vote"'))).toBe(true);
    // same seeds, same bytes
    const again = mixSeason(writeSeason(sub('mix-b'), size, 3), 4);
    expect(readFileSync(again.files[0] as string, 'utf8')).toBe(readFileSync(mixed.files[0] as string, 'utf8'));
  });

  it('pingyi score on the one mixed file gives the units of the split files', { timeout: 240_000 }, async () => {
    const split = writeSeason(sub('mix-c'), size, 11);
    const a = await runScoreCli({ scheme: 'schemes/pingyang-2021', files: split.files, timings: false, captureStdout: true, env: { PINGYI_FROM_SOURCE: '1' } });
    const mixed = mixSeason(split, 12);
    const b = await runScoreCli({ scheme: 'schemes/pingyang-2021', files: mixed.files, timings: false, captureStdout: true, env: { PINGYI_FROM_SOURCE: '1' } });
    expect([a.exitCode, b.exitCode], b.stderrTail).toEqual([0, 0]);
    const units = (out: string) => {
      const e = expandResult(JSON.parse(out));
      if (!e.ok) throw new Error(e.issue.message.en);
      // the standing (fact indices in the traces follow the file order, which differs)
      return (e.result.units as Array<{ unit: string; total: number | null; ranks: unknown; classes: unknown }>).map((u) => ({ unit: u.unit, total: u.total, ranks: u.ranks, classes: u.classes }));
    };
    const ua = units(a.stdout as string);
    expect(ua).toHaveLength(200);
    expect(units(b.stdout as string)).toEqual(ua);
  });

  it('reads the --timings line of the streaming CLI', () => {
    const t = parseTimings('12 个警告 warnings\ntimings {"readMs":1,"scoreMs":2,"writeMs":3,"facts":4,"folded":5,"maxRssMiB":6.5}\n');
    expect(t).toEqual({ readMs: 1, scoreMs: 2, writeMs: 3, facts: 4, folded: 5, maxRssMiB: 6.5 });
    expect(parseTimings('no timings here')).toBeUndefined();
  });
});
