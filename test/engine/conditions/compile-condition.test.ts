import { describe, expect, it } from 'vitest';
import { compileCondition, type Condition } from '../../../engine/conditions/index.ts';
import { jreDecide, ownObject } from './jre-oracle.ts';

/** Decide with the compiled form and check JRE agrees, so each expectation below is JRE's too. */
async function decide(c: Condition, scope: Record<string, unknown>): Promise<boolean> {
  const mine = compileCondition(c)(scope);
  expect(await jreDecide(c, scope)).toEqual({ ok: true, fired: mine });
  return mine;
}

const leaf = (operator: Extract<Condition, { operator: unknown }>['operator'], value: unknown, path?: string): Condition =>
  path === undefined ? { fact: 'x', operator, value } : { fact: 'x', operator, value, path };

describe('operators', () => {
  it('equal / notEqual use ===, no coercion', async () => {
    expect(await decide(leaf('equal', 'city'), { x: 'city' })).toBe(true);
    expect(await decide(leaf('equal', 1), { x: '1' })).toBe(false);
    expect(await decide(leaf('equal', null), { x: undefined })).toBe(false);
    expect(await decide(leaf('notEqual', 1), { x: '1' })).toBe(true);
    expect(await decide(leaf('equal', 0), { x: -0 })).toBe(true);
  });

  it('in / notIn search the value array with indexOf', async () => {
    expect(await decide(leaf('in', ['a', 'b']), { x: 'b' })).toBe(true);
    expect(await decide(leaf('in', ['a', 'b']), { x: 'c' })).toBe(false);
    expect(await decide(leaf('notIn', ['a', 'b']), { x: 'c' })).toBe(true);
    expect(await decide(leaf('in', [1]), { x: '1' })).toBe(false);
    expect(await decide(leaf('in', [Number.NaN]), { x: Number.NaN })).toBe(false);
  });

  it('in with a string value is a substring search (JRE quirk)', async () => {
    expect(await decide(leaf('in', 'city-level'), { x: 'city' })).toBe(true);
    expect(await decide(leaf('in', 'no undefined here'), {})).toBe(true);
    expect(await decide(leaf('notIn', 'abc'), { x: '' })).toBe(false);
  });

  it('in with a number value throws, and JRE rejects the run', async () => {
    const c = leaf('in', 5);
    expect(() => compileCondition(c)({ x: 5 })).toThrow(TypeError);
    expect((await jreDecide(c, { x: 5 })).ok).toBe(false);
  });

  it('contains / doesNotContain require an array fact', async () => {
    expect(await decide(leaf('contains', 'a'), { x: ['a', 'b'] })).toBe(true);
    expect(await decide(leaf('contains', 'a'), { x: 'abc' })).toBe(false);
    expect(await decide(leaf('doesNotContain', 'z'), { x: ['a'] })).toBe(true);
    expect(await decide(leaf('doesNotContain', 'z'), { x: 'abc' })).toBe(false);
    expect(await decide(leaf('doesNotContain', 'z'), {})).toBe(false);
  });

  it('numeric operators gate on parseFloat(fact), then compare with JS coercion', async () => {
    expect(await decide(leaf('lessThan', 10), { x: 9 })).toBe(true);
    expect(await decide(leaf('lessThan', 10), { x: 10 })).toBe(false);
    expect(await decide(leaf('lessThanInclusive', 10), { x: 10 })).toBe(true);
    expect(await decide(leaf('greaterThan', 10), { x: 11 })).toBe(true);
    expect(await decide(leaf('greaterThanInclusive', 10), { x: 10 })).toBe(true);
    expect(await decide(leaf('lessThan', 10), { x: '9' })).toBe(true);
    // "10abc" passes parseFloat but compares as NaN
    expect(await decide(leaf('lessThan', 100), { x: '10abc' })).toBe(false);
    expect(await decide(leaf('greaterThan', -1), { x: null })).toBe(false);
    expect(await decide(leaf('greaterThan', -1), { x: true })).toBe(false);
    // [5] stringifies to "5": both the gate and < accept it
    expect(await decide(leaf('lessThan', 10), { x: [5] })).toBe(true);
    expect(await decide(leaf('greaterThan', 1), { x: 'Infinity' })).toBe(true);
  });

  it('an object or array value never matches by identity, even the same reference (JRE clones the rule)', async () => {
    const shared = { a: 1 };
    expect(await decide(leaf('equal', shared), { x: shared })).toBe(false);
    expect(await decide(leaf('notEqual', shared), { x: shared })).toBe(true);
    expect(await decide(leaf('contains', shared), { x: [shared] })).toBe(false);
    expect(await decide(leaf('in', [shared, 'b']), { x: shared })).toBe(false);
    expect(await decide(leaf('in', [shared, 'b']), { x: 'b' })).toBe(true);
  });

  it("the value is JRE's lossy copy: keys shadowing Object.prototype are dropped, __proto__ sets the prototype", async () => {
    // the original {"toString": 1} would throw on comparison; the copy is {} ("[object Object]")
    const hostile: unknown = JSON.parse('{"toString":1}');
    expect(await decide(leaf('greaterThan', hostile), { x: [1, 2] })).toBe(false);
    expect(await decide(leaf('lessThan', [hostile]), { x: '[object Object]' })).toBe(false);
    // an own __proto__ key holding a list makes the copy searchable by `in`
    expect(await decide(leaf('in', ownObject([['__proto__', ['a', 'b']]])), { x: 'b' })).toBe(true);
  });
});

describe('undefined facts', () => {
  it('a missing fact is undefined', async () => {
    expect(await decide(leaf('equal', 'a'), {})).toBe(false);
    expect(await decide(leaf('notEqual', 'a'), {})).toBe(true);
    expect(await decide(leaf('notIn', ['a']), {})).toBe(true);
    expect(await decide(leaf('lessThan', 1), {})).toBe(false);
    expect(await decide({ fact: 'x', operator: 'equal', value: 1, path: '$.a' }, {})).toBe(false);
  });

  it('a fact present with value undefined is the same as a missing one', async () => {
    expect(await decide(leaf('in', [undefined]), { x: undefined })).toBe(true);
    expect(await decide(leaf('in', [undefined]), {})).toBe(true);
  });

  it('Object.prototype members are not facts; own keys named like them are', async () => {
    expect(await decide({ fact: 'toString', operator: 'equal', value: undefined }, {})).toBe(true);
    expect(await decide({ fact: 'constructor', operator: 'equal', value: undefined }, {})).toBe(true);
    expect(await decide({ fact: '__proto__', operator: 'equal', value: 3 }, ownObject([['__proto__', 3]]))).toBe(true);
    expect(await decide({ fact: '$unit', operator: 'equal', value: 'u', path: '$.id' }, { $unit: { id: 'u' } })).toBe(true);
  });
});

describe('paths', () => {
  const unit = { category: 'city', 类别: '县级', 'x y': 2, list: [{ b: 'first' }, { b: 'second' }], s: 'abc', zero: 0, nil: null };
  const on = (path: string, value: unknown) => ({ fact: '$unit', operator: 'equal', value, path }) as const;

  it('follows dots, indices and quoted keys', async () => {
    expect(await decide(on('$.category', 'city'), { $unit: unit })).toBe(true);
    expect(await decide(on('$.类别', '县级'), { $unit: unit })).toBe(true);
    expect(await decide(on("$['x y']", 2), { $unit: unit })).toBe(true);
    expect(await decide(on('$.list[1].b', 'second'), { $unit: unit })).toBe(true);
    expect(await decide(on("$['list'][0]['b']", 'first'), { $unit: unit })).toBe(true);
    expect(await decide(on('$[1]', 'b'), { $unit: ['a', 'b'] })).toBe(true);
  });

  it('missing steps give undefined; falsy values stop the walk', async () => {
    expect(await decide(on('$.nope.deeper', undefined), { $unit: unit })).toBe(true);
    expect(await decide(on('$.list[5]', undefined), { $unit: unit })).toBe(true);
    expect(await decide(on('$.zero', 0), { $unit: unit })).toBe(true);
    expect(await decide(on('$.nil', null), { $unit: unit })).toBe(true);
    expect(await decide(on('$.nil.a', undefined), { $unit: unit })).toBe(true);
    expect(await decide(on('$.toString', undefined), { $unit: unit })).toBe(true);
  });

  it('a nested string answers length and indices', async () => {
    expect(await decide(on('$.s.length', 3), { $unit: unit })).toBe(true);
    expect(await decide(on('$.s[0]', 'a'), { $unit: unit })).toBe(true);
    expect(await decide(on('$.list.length', 2), { $unit: unit })).toBe(true);
  });

  it('a path on a non-object fact returns the fact itself (JRE quirk)', async () => {
    expect(await decide(on('$.length', 'abc'), { $unit: 'abc' })).toBe(true);
    expect(await decide(on('$.a.b', 7), { $unit: 7 })).toBe(true);
    expect(await decide(on('$.a', null), { $unit: null })).toBe(true);
  });
});

describe('all / any / not', () => {
  const t: Condition = { fact: 'x', operator: 'equal', value: 1 };
  const f: Condition = { fact: 'x', operator: 'equal', value: 2 };

  it('combine as expected', async () => {
    expect(await decide({ all: [t, t] }, { x: 1 })).toBe(true);
    expect(await decide({ all: [t, f] }, { x: 1 })).toBe(false);
    expect(await decide({ any: [f, t] }, { x: 1 })).toBe(true);
    expect(await decide({ any: [f, f] }, { x: 1 })).toBe(false);
    expect(await decide({ not: t }, { x: 1 })).toBe(false);
    expect(await decide({ not: { all: [t, f] } }, { x: 1 })).toBe(true);
  });

  it('empty all and empty any both hold (JRE quirk)', async () => {
    expect(await decide({ all: [] }, {})).toBe(true);
    expect(await decide({ any: [] }, {})).toBe(true);
    expect(await decide({ not: { any: [] } }, {})).toBe(false);
  });

  it('JRE rejects the run when any leaf throws, even one a short-circuit would skip', async () => {
    const c: Condition = { any: [t, { fact: 'x', operator: 'in', value: 5 }] };
    expect(compileCondition(c)({ x: 1 })).toBe(true);
    expect((await jreDecide(c, { x: 1 })).ok).toBe(false);
  });
});

describe('compilation', () => {
  it('is cached per condition object', () => {
    const c: Condition = { all: [{ fact: 'x', operator: 'equal', value: 1 }, { fact: 'y', operator: 'equal', value: 2 }] };
    expect(compileCondition(c)).toBe(compileCondition(c));
    // a copy is a new key (children are shared objects, so they stay cached)
    expect(compileCondition({ ...c })).not.toBe(compileCondition(c));
    // a one-element all is its element: no wrapper call in the hot loop
    const only: Condition = { fact: 'x', operator: 'equal', value: 1 };
    expect(compileCondition({ all: [only] })).toBe(compileCondition(only));
  });

  it('refuses what the language leaves out, pointing at the node', () => {
    const bad = (c: unknown) => () => compileCondition(c as Condition);
    expect(bad({ condition: 'named' })).toThrow(/\/condition: condition references/);
    expect(bad({ all: [{ fact: 'x', operator: 'everyFact:equal', value: 1 }] })).toThrow(/\/all\/0\/operator/);
    expect(bad({ fact: 'x', operator: 'regex', value: 1 })).toThrow(/\/operator/);
    expect(bad({ fact: 'x', operator: 'equal', value: { fact: 'y' } })).toThrow(/\/value: fact-valued/);
    expect(bad({ fact: 'x', operator: 'equal', value: 1, params: {} })).toThrow(/\/params/);
    expect(bad({ fact: 'x', operator: 'equal', value: 1, path: '$..a' })).toThrow(/\/path/);
    expect(bad({ not: [] })).toThrow(/\/not/);
    expect(bad({ all: {} })).toThrow(/\/all/);
    expect(bad({ all: [], any: [] })).toThrow(/\/all: unexpected/);
    expect(bad({ fact: 'x', operator: 'equal' })).toThrow(/\/value/);
  });
});
