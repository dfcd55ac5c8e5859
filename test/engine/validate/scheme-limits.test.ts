import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCondition, schemeJsonSchema, scoreScheme, validateScheme, type Dataset, type Scheme } from '../../../engine/index.ts';
import { canonicalJson, CanonicalJsonError, MAX_JSON_DEPTH } from '../../../engine/format/canonical-json.ts';
import { MAX_NUMBER } from '../../../engine/scheme/common.ts';

/**
 * Issue 11 "schemes that validate but score non-finite totals" and issue 10 §4:
 * numbers in schemes are finite and bounded, field names are own properties,
 * and nesting and sizes have declared limits with coded errors.
 */
const text = readFileSync(new URL('../../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8');
const pingyang = (): Record<string, any> => JSON.parse(text);
const errors = (doc: unknown) =>
  validateScheme(doc)
    .issues.filter((i) => i.severity === 'error')
    .map((i) => `${i.code} ${i.path}`);

describe('numbers in a scheme are finite and bounded', () => {
  it('rejects 1e999 (read as Infinity) for points, a cap and a base, each at its pointer', () => {
    // as a clerk would type it in the file: JSON.parse turns 1e999 into Infinity
    const doc = JSON.parse(
      text
        .replace('"totalPoints": 100', '"totalPoints": 1e999')
        .replace('"cap": 5,', '"cap": 1e999,'),
    ) as Record<string, any>;
    doc.indicators[0].children[3].method.base = JSON.parse('1e999');
    expect(errors(doc).sort()).toEqual(['schema-maximum /indicators/0/children/3/method/base', 'schema-maximum /indicators/2/method/cap', 'schema-maximum /totalPoints']);
  });

  it('rejects a number beyond ±1e9 and a negative infinity', () => {
    const doc = pingyang();
    doc.indicators[2].method.rules[0].points.values.city = 2e9;
    doc.indicators[0].children[3].method.floor = -Infinity;
    expect(errors(doc).sort()).toEqual(['schema-maximum /indicators/2/method/rules/0/points/values/city', 'schema-minimum /indicators/0/children/3/method/floor']);
  });

  it('bounds every number and integer of the format (so new definitions cannot forget it)', () => {
    const unbounded: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.type === 'number' || n.type === 'integer') {
        const lo = typeof n.minimum === 'number' ? n.minimum : n.exclusiveMinimum;
        const hi = typeof n.maximum === 'number' ? n.maximum : n.exclusiveMaximum;
        if (!(typeof lo === 'number' && typeof hi === 'number' && Math.abs(lo) <= MAX_NUMBER && Math.abs(hi) <= MAX_NUMBER)) unbounded.push(at);
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schemeJsonSchema(), '');
    expect(unbounded).toEqual([]);
  });
});

describe('field names are own properties of the fact type', () => {
  it('rejects quantityField "constructor", dateField "toString" and a table field "valueOf" that the fact type does not declare', () => {
    const doc = pingyang();
    const hotline = doc.factTypes.findIndex((f: { id: string }) => f.id === 'hotline-case');
    doc.factTypes[hotline].dateField = 'toString';
    doc.indicators[0].children[1].children[0].method.rules[1].quantityField = 'constructor';
    doc.indicators[0].children[3].method.rules[0].points.field = 'valueOf';
    expect(errors(doc).sort()).toEqual(
      [
        `unknown-field /factTypes/${hotline}/dateField`,
        'unknown-field /indicators/0/children/1/children/0/method/rules/1/quantityField',
        'unknown-field /indicators/0/children/3/method/rules/0/points/field',
      ].sort(),
    );
  });

  it('rejects a field declared under a reserved name (constructor, __proto__)', () => {
    const doc = pingyang();
    doc.factTypes[0].fields.properties.constructor = { type: 'number' };
    Object.defineProperty(doc.factTypes[1].fields.properties, '__proto__', { value: { type: 'string' }, enumerable: true, configurable: true, writable: true });
    expect(errors(doc).sort()).toEqual(['reserved-field-name /factTypes/0/fields/properties/constructor', 'reserved-field-name /factTypes/1/fields/properties/__proto__']);
  });
});

describe('declared limits: depth and sizes end in coded errors, never a stack overflow', () => {
  const nested = (levels: number) => {
    let c: unknown = { fact: '$unit', path: '$.category', operator: 'equal', value: 'x' };
    for (let i = 0; i < levels; i++) c = i % 2 === 0 ? { not: c } : { all: [c] };
    return c;
  };

  it.each([2_000, 100_000])('a condition nested %i levels deep is a limit-depth error', (levels) => {
    const doc = pingyang();
    doc.exemptions = [{ kind: 'condition', id: 'deep', name: '深', when: nested(levels), source: 't' }];
    const v = validateScheme(doc);
    expect(v.ok).toBe(false);
    expect(v.issues.map((i) => i.code)).toEqual(['limit-depth']);
    expect(v.issues[0]?.path.startsWith('/exemptions/0/when/')).toBe(true);
  });

  it('a list longer than the limit is a limit-items error at the list', () => {
    const doc = pingyang();
    doc.categories[0].owners = Array.from({ length: 100_001 }, () => ({ indicator: 'daily', owner: 'x' }));
    expect(errors(doc)).toEqual(['limit-items /categories/0/owners']);
  });

  it('30,000 conditions in one rule validate and score', () => {
    const doc = pingyang();
    const rule = doc.indicators[0].children[3].method.rules[1];
    rule.when = { any: Array.from({ length: 30_000 }, (_, i) => ({ fact: 'channel', operator: 'equal', value: `c${i}` })) };
    const v = validateScheme(doc);
    expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const c = JSON.parse(readFileSync(new URL('../../../schemes/pingyang-2021/cases/01-every-indicator.json', import.meta.url), 'utf8')) as { input: Dataset };
    const r = scoreScheme(v.scheme as Scheme, c.input);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(compileCondition(rule.when)({ channel: 'c29999' })).toBe(true);
  });

  it('canonical JSON refuses a value nested deeper than its limit with a coded error', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    let caught: unknown;
    try {
      canonicalJson(deep);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CanonicalJsonError);
    expect((caught as CanonicalJsonError).code).toBe('json-too-deep');
    expect((caught as CanonicalJsonError).path).toBe('/0'.repeat(MAX_JSON_DEPTH));
    // just inside the limit still prints
    const ok = JSON.parse('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)) as unknown;
    expect(canonicalJson(ok).length).toBeGreaterThan(0);
  });
});
