import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition, type Condition } from '../../../engine/conditions/index.ts';
import { dispatchOf } from '../../../engine/methods/rule-dispatch.ts';
import { ownObject } from '../conditions/jre-oracle.ts';

/**
 * The dispatch may leave a rule untested only when testing it would give
 * false without throwing; and it keeps table order. Random tables mix guards
 * (`equal` / `in` on a field) with leaves that may throw (numeric operators,
 * `in` over a non-list, paths) before or after them, nested `any`/`not`, and
 * facts with hostile values, so a wrong shortcut shows as a difference.
 */
const SEED = 20261126;
const FIELDS = ['item', 'track', 'n', 'toString', '__proto__', '$unit'] as const;
const POOL: readonly unknown[] = ['a', 'b', 'c', '', 0, -0, 1, '1', true, false, null, Number.NaN];
const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'lessThan', 'greaterThanInclusive'] as const;

const hostile = fc.constantFrom<() => unknown>(
  () => JSON.parse('{"toString":1}') as unknown,
  () => Object.create(null) as unknown,
  () => ['a', 'b'],
).map((make) => make());
const value = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...POOL) }, { weight: 1, arbitrary: hostile });

const leaf: fc.Arbitrary<Condition> = fc
  .record({
    fact: fc.constantFrom(...FIELDS),
    operator: fc.constantFrom(...OPERATORS),
    value: fc.oneof(value, fc.array(fc.constantFrom(...POOL), { maxLength: 3 }), fc.constant('ab')),
    path: fc.option(fc.constantFrom('$.a', '$[0]'), { nil: undefined }),
  })
  .map(({ path, ...l }) => (path === undefined ? l : { ...l, path }) as Condition);
const guard: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ fact: fc.constantFrom('item', 'track'), operator: fc.constant('equal'), value: fc.constantFrom(...POOL) }) as fc.Arbitrary<Condition>,
  fc.record({ fact: fc.constantFrom('item', 'track'), operator: fc.constant('in'), value: fc.array(fc.constantFrom(...POOL), { maxLength: 3 }) }) as fc.Arbitrary<Condition>,
);
const nested: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ any: fc.array(fc.oneof(leaf, guard), { maxLength: 2 }) }) as fc.Arbitrary<Condition>,
  fc.record({ not: fc.oneof(leaf, guard) }) as fc.Arbitrary<Condition>,
);
const condition: fc.Arbitrary<Condition | undefined> = fc.oneof(
  { weight: 4, arbitrary: guard },
  { weight: 4, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: guard }, { weight: 2, arbitrary: leaf }, { weight: 1, arbitrary: nested }), { maxLength: 4 }).map((all) => ({ all }) as Condition) },
  { weight: 1, arbitrary: leaf },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const scope = fc
  .subarray([...FIELDS])
  .chain((names) => fc.tuple(...names.map((n) => fc.tuple(fc.constant(n), value))))
  .map((entries) => ownObject(entries as ReadonlyArray<readonly [string, unknown]>));

describe('rule dispatch (engine/methods/rule-dispatch.ts)', () => {
  it('leaves out only rules that would test false without throwing, and keeps table order', () => {
    const tally = { narrowed: 0, cases: 0 };
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 8 }), fc.array(scope, { minLength: 1, maxLength: 6 }), (conditions, scopes) => {
        const rules = conditions.map((c, i) => ({ i, condition: c, when: c === undefined ? undefined : compileCondition(c) }));
        const dispatch = dispatchOf(rules);
        for (const s of scopes) {
          tally.cases++;
          const candidates = dispatch.candidates(s);
          // table order, no rule twice
          const order = candidates.map((r) => r.i);
          expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
          if (candidates.length < rules.length) tally.narrowed++;
          for (const r of rules) {
            if (candidates.includes(r)) continue;
            // a left-out rule: its full test must be false and must not throw
            expect(r.when).toBeDefined();
            expect(() => r.when?.(s)).not.toThrow();
            expect(r.when?.(s)).toBe(false);
          }
        }
      }),
      { seed: SEED, numRuns: 1500 },
    );
    // the generator must make the dispatch narrow tables, not only hand every rule back
    expect(tally.narrowed).toBeGreaterThan(tally.cases / 4);
  });

  it('indexes a case table by its most common guard field (wenzhou-2024 supervision shape)', () => {
    const rules = ['major-decision', 'conduct', 'city-notice'].map((item, i) => ({
      i,
      condition: { all: [{ fact: 'item', operator: 'equal', value: item }] } as Condition,
      when: compileCondition({ all: [{ fact: 'item', operator: 'equal', value: item }] } as Condition),
    }));
    const catchAll = { i: 3, condition: undefined, when: undefined };
    const d = dispatchOf([...rules, catchAll]);
    expect(d.candidates({ item: 'conduct' }).map((r) => r.i)).toEqual([1, 3]);
    expect(d.candidates({ item: 'other' }).map((r) => r.i)).toEqual([3]);
    expect(d.candidates({}).map((r) => r.i)).toEqual([3]);
    // an inherited name is not the fact's field (conditions read own fields only)
    expect(d.candidates(Object.create({ item: 'conduct' }) as Record<string, unknown>).map((r) => r.i)).toEqual([3]);
  });
});
