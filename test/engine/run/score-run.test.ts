import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CompletenessTally, dataCompleteness, scoreRun, scoreScheme, type Dataset, type Scheme } from '../../../engine/index.ts';

/**
 * `scoreRun` makes each unit's trace when asked (the CLI writes a province's
 * --json unit by unit): the same result as scoreScheme, unit for unit, and the
 * completeness summed over the units as they come equals the one of the whole result.
 */
const root = new URL('../../../', import.meta.url);

const cases = readdirSync(new URL('schemes/', root))
  .filter((d) => existsSync(new URL(`schemes/${d}/cases`, root)))
  .flatMap((d) =>
    readdirSync(new URL(`schemes/${d}/cases/`, root))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [d, f] as const),
  );

describe('scoreRun', () => {
  it.each(cases)('%s/%s: units made one by one equal the whole result', (dir, file) => {
    const scheme = JSON.parse(readFileSync(new URL(`schemes/${dir}/scheme.json`, root), 'utf8')) as Scheme;
    const c = JSON.parse(readFileSync(new URL(`schemes/${dir}/cases/${file}`, root), 'utf8')) as { input?: unknown; useSchemeRoster?: boolean };
    if (!c.input || typeof c.input !== 'object') return;
    const input = c.input as Dataset;
    const roster = c.useSchemeRoster ? (JSON.parse(readFileSync(new URL(`schemes/${dir}/roster.json`, root), 'utf8')) as Dataset) : undefined;
    const data: Dataset = roster ? { ...input, units: roster.units, ...(roster.parents ? { parents: roster.parents } : {}) } : input;
    const whole = scoreScheme(scheme, data);
    const run = scoreRun(scheme, data);
    expect({ ...run.result, units: [] }).toEqual({ ...whole, units: [] });
    expect(run.unitCount).toBe(whole.units.length);
    const tally = new CompletenessTally(scheme, data);
    for (let i = 0; i < run.unitCount; i++) {
      const u = run.unit(i);
      expect(u).toEqual(whole.units[i]);
      tally.add(u);
    }
    expect(tally.done()).toEqual(dataCompleteness(scheme, data, whole));
  });
});
