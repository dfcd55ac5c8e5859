import fc from 'fast-check';
import { CONDITION_OPERATORS, isFactReference, type Condition, type ConditionOperator } from '../../../engine/conditions/index.ts';
import { ownObject } from './jre-oracle.ts';

/**
 * Generators for the JRE equivalence proof. They are built to be nasty:
 * each case first draws a small pool of values that both the condition and
 * the scope pick from (so equalities, list hits, `contains` and numeric ties
 * actually happen), and paths are mostly derived from the routes that exist
 * in the scope, then extended by one step that may or may not exist.
 */

/** Object keys, incl. Object.prototype names, `__proto__`, non-ASCII, a space, and `fact`. */
export const KEYS = ['a', '0', 'length', 'category', '类别', 'x y', '-', '__proto__', 'toString', 'fact'] as const;
/** Fact names, incl. ones inherited from Object.prototype; `missing` is never an enumerable scope key. */
export const FACTS = ['level', 'n', 'tags', '$unit', 'toString', 'constructor', '__proto__', 'missing'] as const;

/** Shared references: the same object in scope and condition must still not match (JRE clones the rule). */
const SHARED: readonly unknown[] = [{ a: 1 }, [1, 2], ['city'], []];

/** Numbers as strings ("10abc" passes JRE's parseFloat gate), -0, NaN, ±Infinity, "undefined"… */
const pooled = fc.constantFrom<unknown>(
  'city', 'county', '', 'a', 'abc', 'undefined', 'null', '[object Object]',
  '10', '9', '10abc', ' 5', '0x10', '1e3', 'Infinity', 'NaN', '-0', '.5',
  0, -0, 1, 2, 9, 10, 11, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
  true, false, null, undefined,
);
const primitive = fc.oneof(
  { weight: 6, arbitrary: pooled },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);

/** Objects whose string conversion throws: JRE rejects a run when a numeric gate or `in` meets one. */
const hostile = fc
  .constantFrom<() => unknown>(
    () => JSON.parse('{"toString":1}') as unknown,
    () => Object.create(null) as unknown,
    () => ownObject([['valueOf', 1], ['toString', 2]]),
  )
  .map((make) => make());

/** Values nested up to three levels; objects built key by key so `__proto__` stays an own property. */
const { value: jsonish } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'json' },
    { weight: 5, arbitrary: primitive },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    {
      weight: 3,
      arbitrary: fc
        .shuffledSubarray([...KEYS], { minLength: 1, maxLength: 4 })
        .chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), tie('value')))))
        .map(ownObject),
    },
    fc.constantFrom(...SHARED),
    hostile,
  ),
}));
export const anyValue = jsonish;

/** Every route of own keys (array indices included) in a value, up to three steps. */
function routesOf(v: unknown, depth = 3): string[][] {
  if (depth === 0 || v === null || typeof v !== 'object') return [];
  return Object.keys(v).flatMap((k) => [[k], ...routesOf((v as Record<string, unknown>)[k], depth - 1).map((r) => [k, ...r])]);
}

/** One key in one of the spellings the subset allows for it. */
function spell(key: string, choice: number): string {
  if (/^(0|[1-9][0-9]*)$/.test(key) && choice === 0) return `[${key}]`;
  if (key.includes(' ') || choice === 1) return `['${key}']`;
  return `.${key}`;
}

/** A path into `v`: mostly an existing route, maybe one step further (e.g. `.length` of a string). */
export function pathFor(v: unknown): fc.Arbitrary<string> {
  const routes = routesOf(v);
  const extra = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('length', '0', '1', 'a', '__proto__', 'toString') });
  const random = fc.array(fc.tuple(fc.constantFrom(...KEYS, '1', '2'), fc.nat(2)), { minLength: 1, maxLength: 3 });
  const routed =
    routes.length === 0
      ? random
      : fc
          .tuple(fc.constantFrom(...routes), extra, fc.array(fc.nat(2), { minLength: 4, maxLength: 4 }))
          .map(([route, more, spelling]) => [...route, ...(more === undefined ? [] : [more])].map((k, i) => [k, spelling[i] ?? 2] as [string, number]));
  return fc.oneof({ weight: 3, arbitrary: routed }, { weight: 1, arbitrary: random }).map((steps) => `$${steps.map(([k, c]) => spell(k, c)).join('')}`);
}

function valueFor(op: ConditionOperator, pick: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  switch (op) {
    case 'in':
    case 'notIn':
      // mostly lists, sometimes a string (substring quirk) or anything (JRE throws)
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(pick, { maxLength: 4 }) },
        { weight: 1, arbitrary: fc.constantFrom('city-county', 'undefined', 'abc', '') },
        { weight: 1, arbitrary: pick },
      );
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(-1, 0, 1, 2, 9, 10, 11, 1.5) }, { weight: 2, arbitrary: pick }, { weight: 1, arbitrary: fc.double() });
    default:
      return pick;
  }
}

const ABSENT = Symbol('absent');

/** A scope over a pool: most facts present; `missing` at most as a non-enumerable own property (JRE's for…in skips it). */
function scopeFrom(pick: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const names = FACTS.filter((f) => f !== 'missing');
  const slot = fc.option(pick, { nil: ABSENT, freq: 4 });
  return fc.tuple(fc.tuple(...names.map(() => slot)), fc.option(pick, { nil: ABSENT })).map(([values, hidden]) => {
    const scope = ownObject(names.flatMap((n, i) => (values[i] === ABSENT ? [] : [[n, values[i]] as const])));
    if (hidden !== ABSENT) Object.defineProperty(scope, 'missing', { value: hidden, enumerable: false });
    return scope;
  });
}

function conditionFrom(pick: fc.Arbitrary<unknown>, scope: Record<string, unknown>): fc.Arbitrary<Condition> {
  // a `{ fact: … }` value would be a fact reference, which the language excludes
  const value = pick.filter((v) => !isFactReference(v));
  const leaf: fc.Arbitrary<Condition> = fc.tuple(fc.constantFrom(...FACTS), fc.constantFrom(...CONDITION_OPERATORS)).chain(([fact, operator]) =>
    fc.record(
      {
        fact: fc.constant(fact),
        operator: fc.constant(operator),
        value: valueFor(operator, value),
        path: pathFor(Object.prototype.propertyIsEnumerable.call(scope, fact) ? scope[fact] : undefined),
      },
      { requiredKeys: ['fact', 'operator', 'value'] },
    ),
  );
  return fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'condition' },
      leaf,
      fc.record({ all: fc.array(tie('condition'), { maxLength: 4 }) }),
      fc.record({ any: fc.array(tie('condition'), { maxLength: 4 }) }),
      fc.record({ not: tie('condition') }),
    ),
  })).condition;
}

/** One case: a condition nested up to depth 3 and a scope, drawing on one shared pool of values. */
export const caseArb: fc.Arbitrary<readonly [Condition, Record<string, unknown>]> = fc
  .tuple(fc.array(jsonish, { minLength: 1, maxLength: 4 }), fc.constantFrom<unknown>(Number.NaN, -0, '', undefined, null, '10', '10abc'))
  // the pool always holds one value where JS equalities differ (NaN, -0, "10abc"…),
  // and a list of its own members, so `contains` finds things
  .chain(([base, odd]) => fc.subarray([...base, odd]).map((sub) => [...base, odd, sub]))
  .chain((pool) => {
    const pick = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: jsonish });
    return scopeFrom(pick).chain((scope) => fc.tuple(conditionFrom(pick, scope), fc.constant(scope)));
  });

/** For the path test: values dense in routes, with falsy leaves (0, "", false stop a JSONPath walk). */
export const pathTarget: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 1, arbitrary: jsonish },
  {
    weight: 3,
    arbitrary: fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'target' },
      fc.constantFrom<unknown>('', 0, false, null, undefined, 'abc', 1, true, Number.NaN),
      { weight: 2, arbitrary: fc.array(tie('value'), { minLength: 1, maxLength: 3 }) },
      {
        weight: 4,
        arbitrary: fc
          .shuffledSubarray(['a', '0', 'length', '__proto__', '类别', 'x y'], { minLength: 2 })
          .chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), tie('value')))))
          .map(ownObject),
      },
    ),
  })).value,
  },
);
