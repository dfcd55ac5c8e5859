/**
 * Smoke version of the bench's live part: single appends to a small scored
 * season all go through, and the season afterwards stands where a batch run
 * over the same facts stands. Skipped while the engine has no openSeason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSeason, scoreScheme, validateScheme, type Scheme } from '../../engine/index.ts';
import { generateCityYear } from '../../bench/generate-city-year.ts';
import { liveFacts, percentile, runLive } from '../../bench/live/live-latency.ts';

const scheme = validateScheme(JSON.parse(readFileSync(new URL('../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as unknown).scheme as Scheme;
const small = () => generateCityYear({ seed: 5, units: 60, parents: 6, votes: 6000, cases: 600 }).data;

describe('bench live latency (smoke)', () => {
  it('percentiles are nearest-rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('the live facts are valid facts of the scheme, seeded', () => {
    const data = small();
    const facts = liveFacts(data, 80, 3);
    expect(facts).toEqual(liveFacts(data, 80, 3));
    const r = scoreScheme(scheme, { ...data, facts: [...data.facts, ...facts] });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(new Set(facts.map((f) => f.type)).size).toBeGreaterThan(3);
  });

  it('appends one fact at a time to a scored season; it ends where a batch run ends', () => {
    const data = small();
    const r = runLive(scheme, data, { seed: 3, appends: 80 });
    expect(r.refused).toEqual([]);
    expect(r.ms).toHaveLength(80);
    expect(r.factCount).toEqual({ before: data.facts.length, after: data.facts.length + 80 });
    expect(r.unitsChanged).toBeGreaterThan(0);
    // a second season fed the same facts, compared with scoring them in one go
    const season = openSeason(scheme, data);
    for (const f of liveFacts(data, 80, 3)) season.append([f]);
    const batch = scoreScheme(scheme, { ...data, facts: [...data.facts, ...liveFacts(data, 80, 3)] });
    const live = season.standing();
    for (const u of batch.units) expect(live.get(u.unit)?.total ?? null, u.unit).toBe(u.status === 'scored' ? u.total : null);
  });
});
