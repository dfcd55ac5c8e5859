import { describe, expect, it } from 'vitest';
import { explainUnit, scoreScheme, validateScheme, type Method, type Scheme } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/** Issue #20 item 4: a bonus or a rule group without a cap has none, and the trace never shows a sentinel. */
const award = factType('award', { level: { enum: ['city', 'province'] } });
const bonus = (extra: Partial<Extract<Method, { kind: 'bonus' }>>): Method => ({
  kind: 'bonus',
  hitPolicy: 'first',
  rules: [{ id: 'city', name: '市级表彰', source: 't', factType: 'award', points: { kind: 'table', field: 'level', values: { city: 2, province: 4 } } }],
  ...extra,
});
const schemeOf = (m: Method): Scheme => ({ ...miniScheme(bonus({ cap: 5 }), [award], 5), indicators: [{ id: 'x', name: '表彰加分', points: 5, method: m }] });
const facts = [
  { type: 'award', unit: 'u1', level: 'province' },
  { type: 'award', unit: 'u1', level: 'province' },
  { type: 'award', unit: 'u1', level: 'city' },
];

describe('optional caps', () => {
  it('a bonus with no cap and mayExceedMax counts every point (2 × 4 + 2 = 10 over a 5-point indicator)', () => {
    const s = schemeOf(bonus({ mayExceedMax: true }));
    expect(validateScheme(s).issues).toEqual([]);
    const r = scoreScheme(s, { ...units('u1'), facts });
    expect(r.units[0]?.indicators[0]?.points).toBe(10);
    const text = explainUnit(r.units[0] as (typeof r.units)[number]);
    expect(text).toContain('+4');
    expect(text).not.toMatch(/封顶|cap|1e9|1000000000/);
  });

  it('a bonus without a cap and without mayExceedMax is an error at the method', () => {
    const v = validateScheme(schemeOf(bonus({})));
    expect(v.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['bonus-over-max', '/indicators/0/method', 'error']]);
    expect(v.issues[0]?.message.zh).toContain('未设上限');
  });

  it('a cap above the indicator points is an error at the cap; at or below it is fine', () => {
    expect(validateScheme(schemeOf(bonus({ cap: 6 }))).issues.map((i) => [i.code, i.path])).toEqual([['bonus-over-max', '/indicators/0/method/cap']]);
    expect(validateScheme(schemeOf(bonus({ cap: 5 }))).issues).toEqual([]);
    expect(validateScheme(schemeOf(bonus({ cap: 6, mayExceedMax: true }))).issues).toEqual([]);
  });

  it('a rule group without a cap sums its rules uncapped, and shows no group-cap step', () => {
    const m: Method = {
      kind: 'deduction',
      floor: 0,
      hitPolicy: 'first',
      rules: [{ id: 'f', name: '问题', source: 't', factType: 'award', points: { kind: 'fixed', value: 2 }, group: 'g' }],
      groups: [{ id: 'g', name: '不限扣', source: 't' }],
    };
    const s = schemeOf(m);
    const deduct = { ...s, indicators: [{ id: 'x', name: '督查', points: 5, method: m }] };
    expect(validateScheme(deduct).issues).toEqual([]);
    // three facts × 2 = 6 from 5, floored at 0 (no group cap between)
    const r = scoreScheme(deduct, { ...units('u1'), facts });
    expect(r.units[0]?.indicators[0]?.points).toBe(0);
    const steps = explainUnit(r.units[0] as (typeof r.units)[number]);
    expect(steps).toContain('-2');
    expect(steps).not.toContain('限 ');
  });
});
