import { describe, expect, it } from 'vitest';
import { checkCondition } from '../../../engine/conditions/index.ts';

const AT = '/indicators/0/method/filter';
const facts = new Set(['level', 'severe', 'n', '$unit']);

/** The [code, path] pairs of the issues, which is what callers and editors rely on. */
const found = (c: unknown, ...known: [] | [ReadonlySet<string> | undefined]) =>
  checkCondition(c, AT, known.length === 0 ? facts : known[0]).map((i) => [i.code, i.path] as const);

describe('checkCondition', () => {
  it('accepts a clean condition', () => {
    const c = {
      all: [
        { fact: 'level', operator: 'in', value: ['city', 'county'] },
        { any: [{ fact: 'n', operator: 'greaterThan', value: 3 }, { not: { fact: 'severe', operator: 'equal', value: true } }] },
        { fact: '$unit', operator: 'equal', value: 'x', path: "$.tags[0]['sub key']" },
        { any: [] },
      ],
    };
    expect(checkCondition(c, AT, facts)).toEqual([]);
  });

  it.each([
    ['condition-not-object', { all: [1] }, `${AT}/all/0`],
    ['condition-not-object', null, AT],
    ['condition-not-object', { any: [[]] }, `${AT}/any/0`],
    ['condition-ambiguous', { all: [], any: [] }, AT],
    ['condition-reference-unsupported', { any: [{ condition: 'isCity' }] }, `${AT}/any/0/condition`],
    ['condition-list-expected', { any: { fact: 'n', operator: 'equal', value: 1 } }, `${AT}/any`],
    ['condition-single-expected', { not: [{ fact: 'n', operator: 'equal', value: 1 }] }, `${AT}/not`],
    ['condition-unknown-property', { all: [], priority: 2 }, `${AT}/priority`],
    ['condition-unknown-property', { fact: 'n', operator: 'equal', value: 1, name: 'x' }, `${AT}/name`],
    ['params-unsupported', { all: [{ fact: 'n', operator: 'equal', value: 1, params: { a: 1 } }] }, `${AT}/all/0/params`],
    ['condition-missing-property', { all: [{ fact: 'n', operator: 'equal' }] }, `${AT}/all/0/value`],
    ['condition-property-type', { fact: 5, operator: 'equal', value: 1 }, `${AT}/fact`],
    ['condition-property-type', { fact: '', operator: 'equal', value: 1 }, `${AT}/fact`],
    ['condition-property-type', { fact: 'n', operator: 3, value: 1 }, `${AT}/operator`],
    ['condition-property-type', { fact: 'n', operator: 'equal', value: 1, path: 3 }, `${AT}/path`],
    ['unknown-fact', { all: [{ fact: 'n', operator: 'equal', value: 1 }, { fact: 'levle', operator: 'equal', value: 'city' }] }, `${AT}/all/1/fact`],
    ['operator-decorator-unsupported', { all: [{ fact: 'n', operator: 'everyFact:greaterThan', value: 1 }] }, `${AT}/all/0/operator`],
    ['unknown-operator', { all: [{ fact: 'n', operator: 'equal', value: 1 }, { fact: 'n', operator: 'greaterThanOrEqual', value: 1 }] }, `${AT}/all/1/operator`],
    ['fact-value-unsupported', { fact: 'n', operator: 'greaterThan', value: { fact: 'level' } }, `${AT}/value`],
    ['in-value-not-array', { not: { fact: 'level', operator: 'in', value: 'city' } }, `${AT}/not/value`],
    ['in-value-not-array', { fact: 'level', operator: 'notIn', value: null }, `${AT}/value`],
    ['numeric-value-not-number', { fact: 'n', operator: 'lessThan', value: '10' }, `${AT}/value`],
    ['value-compared-by-identity', { fact: 'level', operator: 'equal', value: ['city'] }, `${AT}/value`],
    ['value-compared-by-identity', { fact: 'level', operator: 'in', value: ['city', { a: 1 }] }, `${AT}/value/1`],
    ['unsupported-path', { fact: '$unit', operator: 'equal', value: 1, path: '$..category' }, `${AT}/path`],
  ])('%s at the offending node (%#)', (code, c, path) => {
    const issues = checkCondition(c, AT, facts);
    expect(issues.length).toBeGreaterThan(0);
    const issue = issues.find((i) => i.code === code);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.path).toBe(path);
    expect(issue?.source).toBe('scheme');
    expect(issue?.severity).toBe('error');
    expect(issue?.message.zh).toMatch(/\p{Script=Han}/u);
    expect(issue?.message.en).toMatch(/^[\x20-\x7e…—]+$/);
  });

  it('reports exactly one issue per problem, where it is', () => {
    expect(found({ fact: 'levle', operator: 'regex', value: 1, path: '$.a.*' })).toEqual([
      ['unknown-fact', `${AT}/fact`],
      ['unknown-operator', `${AT}/operator`],
      ['unsupported-path', `${AT}/path`],
    ]);
    expect(found({ fact: 'n', operator: 'lessThan', value: Number.NaN })).toEqual([['numeric-value-not-number', `${AT}/value`]]);
    expect(found({ not: 'x' })).toEqual([['condition-not-object', `${AT}/not`]]);
  });

  it('escapes pointer tokens', () => {
    expect(found({ fact: 'n', operator: 'equal', value: 1, 'a/b': 1 })).toEqual([['condition-unknown-property', `${AT}/a~1b`]]);
  });

  it('checks facts only when the known set is given', () => {
    expect(found({ fact: 'anything', operator: 'equal', value: 1 }, undefined)).toEqual([]);
    expect(found({ fact: 'anything', operator: 'equal', value: 1 }, new Set())).toEqual([['unknown-fact', `${AT}/fact`]]);
  });

  it.each([
    ['$', false],
    ['', false],
    ['a.b', false],
    ['$.a.b', true],
    ['$.a[0].b', true],
    ["$['a']", true],
    ["$['a b']['c-d']", true],
    ['$.类别', true],
    ['$.a[01]', false],
    ['$.a[-1]', false],
    ['$[*]', false],
    ['$.a[0:2]', false],
    ["$['a.b']", false],
    ['$["a"]', false],
    ['$.a b', false],
    ['$.$', false],
    ['$.a~', false],
    ['$.a^', false],
    ['$.@string()', false],
    ['$[?(@.a)]', false],
    ['$.a,b', false],
  ])('path %j supported: %s', (path, ok) => {
    const issues = found({ fact: '$unit', operator: 'equal', value: 1, path });
    expect(issues).toEqual(ok ? [] : [['unsupported-path', `${AT}/path`]]);
  });
});
