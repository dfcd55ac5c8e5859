import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSchemes, type Scheme } from '../../../engine/index.ts';

const BASE = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;

/** Rebuild every object with its keys in the order `order` gives; arrays keep their order (it is meaningful). */
function reorderKeys(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => reorderKeys(v, order));
  if (typeof value !== 'object' || value === null) return value;
  const o = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(o)).map((k) => [k, reorderKeys(o[k], order)]));
}

/** A Fisher–Yates shuffle driven by a list of random numbers (used cyclically), so fast-check can shrink it. */
function shuffler(choices: readonly number[]): (keys: string[]) => string[] {
  let n = 0;
  return (keys) => {
    const out = [...keys];
    for (let i = out.length - 1; i > 0; i--) {
      const j = (choices[n++ % choices.length] ?? 0) % (i + 1);
      [out[i], out[j]] = [out[j] as string, out[i] as string];
    }
    return out;
  };
}

const reversed = (keys: string[]) => [...keys].reverse();
const choices = fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 40 });
const SEED = 20210517;

/** A few real edits, to check that key order changes neither what is found nor how it is said. */
const EDITS: Array<(s: Scheme) => void> = [
  (s) => void (s.version = '1.1.0'),
  (s) => void (s.rankings[0]!.tieBreak.otherwise = 'shared'),
  (s) => void (s.window = { from: '2020-12-01', to: '2021-12-31', source: '四' }),
  (s) => void ((s.indicators[0]!.children![3]!.method as { rules: Array<{ points: unknown }> }).rules[2]!.points = { kind: 'table', field: 'role', values: { collective: 15, staff: 5, deputy: 10, principal: 20 } }),
  (s) => void ((s.indicators[0]!.children![2]!.method as { quota: unknown }).quota = { scope: { kind: 'all' }, rule: { kind: 'even-split' }, source: '四' }),
  (s) => void s.factTypes.reverse(),
  // a condition is shown whole: its objects must print the same whatever their key order
  (s) => void ((s.indicators[0]!.children![3]!.method as { rules: Array<{ when: unknown }> }).rules[1]!.when = { all: [{ fact: 'channel', operator: 'in', value: ['complaint', 'letter'] }] }),
];

describe('diffSchemes: key order is no change', () => {
  it('finds nothing between a scheme and itself with every key reversed, at every depth', () => {
    expect(diffSchemes(BASE, reorderKeys(BASE, reversed) as Scheme)).toEqual([]);
    expect(diffSchemes(reorderKeys(BASE, reversed) as Scheme, BASE)).toEqual([]);
  });

  it('finds nothing for random key permutations (property, fixed seed)', () => {
    fc.assert(
      fc.property(choices, choices, (x, y) => {
        const a = reorderKeys(BASE, shuffler(x)) as Scheme;
        const b = reorderKeys(BASE, shuffler(y)) as Scheme;
        expect(diffSchemes(a, b)).toEqual([]);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('reports the same changes, said the same way, whatever the key order of either side', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: EDITS.length - 1 }), choices, choices, (e, x, y) => {
        const edited = structuredClone(BASE);
        EDITS[e]?.(edited);
        const expected = diffSchemes(BASE, edited);
        const actual = diffSchemes(reorderKeys(BASE, shuffler(x)) as Scheme, reorderKeys(edited, shuffler(y)) as Scheme);
        expect(actual).toEqual(expected);
        expect(actual.map((c) => c.summary)).toEqual(expected.map((c) => c.summary));
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('does not report fact types in another order: facts name their type', () => {
    expect(diffSchemes(BASE, { ...BASE, factTypes: [...BASE.factTypes].reverse() })).toEqual([]);
  });
});
