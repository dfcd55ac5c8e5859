import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSeason, scoreScheme, type Dataset, type Fact, type Issue, type RunResult, type Scheme } from '../../../engine/index.ts';

/**
 * The incremental season (issue #9): any sequence of appends gives exactly the
 * result of scoring the final data set from scratch. Every shipped and example
 * scheme's cases with an inline data set serve as the pool of facts: part of
 * them opens the season, the rest arrives in random batches in random order.
 */
const root = new URL('../../../', import.meta.url);
const SEED = 20261126;

interface Sample {
  name: string;
  scheme: Scheme;
  data: Dataset;
}

function samples(): Sample[] {
  const dirs = [
    ...readdirSync(new URL('schemes/', root)).map((d) => `schemes/${d}`),
    ...readdirSync(new URL('schemes/examples/', root)).map((d) => `schemes/examples/${d}`),
  ].filter((d) => existsSync(new URL(`${d}/scheme.json`, root)) && existsSync(new URL(`${d}/cases`, root)));
  const out: Sample[] = [];
  for (const dir of dirs) {
    const scheme = JSON.parse(readFileSync(new URL(`${dir}/scheme.json`, root), 'utf8')) as Scheme;
    const roster = existsSync(new URL(`${dir}/roster.json`, root)) ? (JSON.parse(readFileSync(new URL(`${dir}/roster.json`, root), 'utf8')) as Dataset) : undefined;
    for (const file of readdirSync(new URL(`${dir}/cases/`, root)).filter((f) => f.endsWith('.json'))) {
      const c = JSON.parse(readFileSync(new URL(`${dir}/cases/${file}`, root), 'utf8')) as { input?: unknown; useSchemeRoster?: boolean };
      if (!c.input || typeof c.input !== 'object') continue;
      const input = c.input as Dataset;
      const data: Dataset = c.useSchemeRoster && roster ? { ...input, units: roster.units, ...(roster.parents ? { parents: roster.parents } : {}) } : input;
      out.push({ name: `${dir}/cases/${file}`, scheme, data });
    }
  }
  return out;
}

/** Issues in a fixed order: a season lists them by where they arise, a batch run in one pass. */
function normal(r: RunResult): RunResult {
  const key = (i: Issue) => `${i.path}\u0000${i.code}\u0000${i.message.en}`;
  return { ...r, issues: [...r.issues].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

const all = samples();

describe('incremental season', () => {
  it('finds the scheme cases to replay', () => {
    expect(all.length).toBeGreaterThanOrEqual(15);
  });

  it.each(all.map((s) => [s.name, s] as const))('%s: any sequence of appends equals scoring the final data set', (_name, s) => {
    const n = s.data.facts.length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        fc.integer({ min: 0, max: n }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
        (order, opening, sizes) => {
          const facts = order.map((i) => s.data.facts[i] as Fact);
          const start = facts.slice(0, opening);
          const season = openSeason(s.scheme, { ...s.data, facts: start });
          const kept = [...start];
          let at = opening;
          for (let b = 0; at < facts.length; b++) {
            const batch = facts.slice(at, at + (sizes[b] ?? 1));
            at += batch.length;
            const answer = season.append(batch);
            // a refused batch leaves nothing behind; an accepted one is the next part of the data set
            if (answer.ok) kept.push(...batch);
            else expect(answer.changed).toEqual([]);
            expect(season.factCount).toBe(kept.length);
          }
          expect(normal(season.result())).toEqual(normal(scoreScheme(s.scheme, { ...s.data, facts: kept })));
        },
      ),
      { seed: SEED, numRuns: 12 },
    );
  });

  it('answers with the units whose standing moved, and leaves the given facts alone', () => {
    const s = all.find((x) => x.name.endsWith('pingyang-2021/cases/01-every-indicator.json')) as Sample;
    const votes = s.data.facts.filter((f) => f.type === 'service-vote');
    const season = openSeason(s.scheme, { ...s.data, facts: s.data.facts.filter((f) => f.type !== 'online-complaint') });
    const complaint = s.data.facts.find((f) => f.type === 'online-complaint') as Fact;
    const frozen = JSON.stringify(complaint);
    const before = season.standing().get(complaint.unit as string);
    const answer = season.append([complaint]);
    expect(answer.ok).toBe(true);
    expect(JSON.stringify(complaint)).toBe(frozen);
    const moved = answer.changed.find((c) => c.unit === complaint.unit);
    // a complaint deducts: the unit's total went down, and the answer says from what to what
    expect(moved?.before).toEqual(before);
    expect(moved?.after.total).toBeLessThan(before?.total as number);
    expect(votes.length).toBeGreaterThan(0);
  });

  it('refuses a batch with one bad fact whole, with the pointer into the season', () => {
    const s = all.find((x) => x.name.endsWith('pingyang-2021/cases/01-every-indicator.json')) as Sample;
    const season = openSeason(s.scheme, s.data);
    const n = season.factCount;
    const good = s.data.facts.find((f) => f.type === 'service-vote') as Fact;
    const answer = season.append([good, { type: 'service-vote', unit: 'nobody', period: 'h1', level: 'satisfied' }]);
    expect(answer.ok).toBe(false);
    expect(answer.issues.map((i) => [i.code, i.path])).toContainEqual(['unknown-unit', `/facts/${n + 1}/unit`]);
    expect(season.factCount).toBe(n);
    expect(normal(season.result())).toEqual(normal(scoreScheme(s.scheme, s.data)));
  });

  it('a season whose data set is not one answers appends with problems, never a throw', () => {
    const s = all[0] as Sample;
    const season = openSeason(s.scheme, { units: 'none', facts: 7 } as unknown as Dataset);
    expect(() => season.append([{ type: 'nothing' }])).not.toThrow();
    expect(season.append('x' as unknown as Fact[]).ok).toBe(false);
    expect(season.result().ok).toBe(false);
    expect(season.standing().size).toBe(0);
  });

  it('says at once that an appended fact was not taken by any rule (a network vote of a unit outside the round)', () => {
    const s = all.find((x) => x.name.endsWith('pingyang-2021/cases/02-selection-and-classification.json')) as Sample;
    const season = openSeason(s.scheme, s.data);
    // 四(二): only the units chosen for the network round take network votes
    const outside = season.result().units.find((u) => u.status === 'scored' && !u.selections.includes('network-round'));
    expect(outside).toBeDefined();
    const n = season.factCount;
    const answer = season.append([{ type: 'network-vote', unit: outside?.unit, level: 'satisfied', voter: 'service-user' }]);
    expect(answer.ok).toBe(true);
    expect(answer.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['fact-unused', `/facts/${n}`, 'warning']]);
  });
});
