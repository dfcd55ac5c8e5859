import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCondition, compileCondition, parseConditionPath, resolveConditionPath, type Condition } from '../../../engine/conditions/index.ts';
import { caseArb, pathFor, pathTarget } from './arbitraries.ts';
import { jreDecide, jreFactValue } from './jre-oracle.ts';

/**
 * The proof that the engine may skip JRE in hot loops: on random conditions
 * and scopes built to hit every quirk, the compiled form decides as JRE does.
 * Contract checked (see compile-condition.ts): when JRE resolves, the compiled
 * form returns the same boolean without throwing; when the compiled form
 * throws, JRE rejected too.
 */
const SEED = 20211117;

/** Whether some value in the scope, at any depth, throws when JS converts it to a string or number. */
function hasUnconvertible(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  try {
    String(v);
    Number(v);
  } catch {
    return true;
  }
  return Object.values(v).some(hasUnconvertible);
}

describe('compiled conditions decide as json-rules-engine 7.3', () => {
  it('on random nested conditions and scopes', async () => {
    const tally = { fired: 0, quiet: 0, jreRejected: 0, bothThrew: 0 };
    await fc.assert(
      fc.asyncProperty(caseArb, async ([c, scope]) => {
        const compiled = compileCondition(c); // every generated condition is in the language
        let mine: { threw: false; value: boolean } | { threw: true; error: unknown };
        try {
          mine = { threw: false, value: compiled(scope) };
        } catch (error) {
          mine = { threw: true, error };
        }
        const jre = await jreDecide(c, scope);
        if (jre.ok) {
          expect(mine).toEqual({ threw: false, value: jre.fired });
          tally[jre.fired ? 'fired' : 'quiet']++;
        } else {
          tally.jreRejected++;
          // JRE's only failures here are TypeErrors of the same JS operations
          if (mine.threw) {
            expect(mine.error).toBeInstanceOf(TypeError);
            tally.bothThrew++;
          }
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
    // CONDITION_TALLY=1 shows how the seed's cases split, when tuning the generators
    if (process.env.CONDITION_TALLY) console.log(tally);
    // the generator must exercise both decisions and the error path, not only trivial cases
    expect(tally.fired).toBeGreaterThan(100);
    expect(tally.quiet).toBeGreaterThan(100);
    expect(tally.jreRejected).toBeGreaterThan(5);
    expect(tally.bothThrew).toBeGreaterThan(0);
  });

  it('on the conditions that pass checkCondition (what schemes contain)', async () => {
    let clean = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ([c, scope]) => {
        if (checkCondition(c, '').length > 0) return;
        clean++;
        const jre = await jreDecide(c, scope);
        // a clean condition makes JRE fail only on a fact value JS cannot
        // convert to a primitive (a numeric gate stringifies the fact)
        if (!jre.ok) {
          expect(hasUnconvertible(scope)).toBe(true);
          return;
        }
        expect(compileCondition(c)(scope)).toBe(jre.fired);
      }),
      { seed: SEED + 1, numRuns: 500 },
    );
    expect(clean).toBeGreaterThan(50);
  });

  it('path resolution matches the almanac (jsonpath-plus, wrap: false) value for value', async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(
        pathTarget.chain((v) => fc.tuple(fc.constant(v), pathFor(v))),
        async ([value, path]) => {
          const keys = parseConditionPath(path);
          expect(keys).toBeDefined();
          const expected = await jreFactValue({ f: value }, 'f', path);
          expect(Object.is(resolveConditionPath(value, keys ?? []), expected)).toBe(true);
          if (expected !== undefined && expected !== value) found++;
        },
      ),
      { seed: SEED + 2, numRuns: 1000 },
    );
    if (process.env.CONDITION_TALLY) console.log({ found });
    // paths must often lead somewhere, not only to undefined
    expect(found).toBeGreaterThan(120);
  });
});

describe('hand-written scheme conditions', () => {
  const cases: Array<{ c: Condition; scope: Record<string, unknown> }> = [];
  const severeCity: Condition = {
    all: [
      { fact: 'level', operator: 'equal', value: 'city' },
      { fact: 'severe', operator: 'equal', value: true },
    ],
  };
  const inWindow: Condition = {
    any: [
      { fact: '$unit', operator: 'in', value: ['county-gov', 'township'], path: '$.category' },
      { all: [{ fact: 'points', operator: 'greaterThanInclusive', value: 2 }, { not: { fact: 'tags', operator: 'contains', value: 'repeat' } }] },
    ],
  };
  for (const c of [severeCity, inWindow]) {
    for (const scope of [
      { level: 'city', severe: true },
      { level: 'city', severe: 'true' },
      { level: 'county', severe: true, points: 2 },
      { $unit: { category: 'township' } },
      { $unit: { category: 'bureau' }, points: '3', tags: ['repeat'] },
      { $unit: undefined, points: 2.5, tags: [] },
      {},
    ]) {
      cases.push({ c, scope });
    }
  }

  it.each(cases)('case %#', async ({ c, scope }) => {
    expect(await jreDecide(c, scope)).toEqual({ ok: true, fired: compileCondition(c)(scope) });
  });

  it('reads the way a scheme author expects', () => {
    const decide = compileCondition(severeCity);
    expect(decide({ level: 'city', severe: true })).toBe(true);
    expect(decide({ level: 'city', severe: false })).toBe(false);
    expect(decide({ level: 'county', severe: true })).toBe(false);
  });
});
