import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreScheme, type Dataset, type Fact, type IndicatorTrace, type Scheme } from '../../engine/index.ts';

const root = new URL('../../', import.meta.url);
const scheme = JSON.parse(readFileSync(new URL('schemes/pingyang-2021/scheme.json', root), 'utf8')) as Scheme;
const base = (JSON.parse(readFileSync(new URL('schemes/pingyang-2021/cases/01-every-indicator.json', root), 'utf8')) as { input: Dataset }).input;
const UNITS = base.units.map((u) => u.id);
const SEED = 20211130;

const date = fc.integer({ min: 0, max: 360 }).map((d) => new Date(Date.UTC(2020, 11, 1) + d * 86400000).toISOString().slice(0, 10));
const unit = fc.constantFrom(...UNITS);
/** Facts that can only take points away (deductions), all valid input. */
const deductionFact: fc.Arbitrary<Fact> = fc.oneof(
  fc.record({ type: fc.constant('online-complaint'), unit, date }),
  fc.record({ type: fc.constant('supervision-finding'), unit, channel: fc.constantFrom('inspection', 'complaint'), level: fc.constantFrom('county', 'city'), severe: fc.boolean(), date }),
  fc.record({ type: fc.constant('misconduct-case'), unit, role: fc.constantFrom('principal', 'deputy', 'staff', 'collective'), currentYear: fc.boolean(), date }),
  fc.record({ type: fc.constant('hotline-case'), unit, item: fc.constantFrom('late-feedback', 'contact-not-updated', 'shirking', 'urgent-not-handled'), role: fc.constantFrom('lead', 'co-handler'), date }),
  fc.record({ type: fc.constant('hotline-case'), unit, item: fc.constantFrom('conduct-complaint', 'poor-handling'), role: fc.constantFrom('lead', 'co-handler'), amount: fc.integer({ min: 30, max: 50 }).map((x) => x / 10), date }),
);
const bonusFact: fc.Arbitrary<Fact> = fc.oneof(
  fc.record({ type: fc.constant('commendation'), unit, level: fc.constantFrom('national', 'provincial', 'city'), deed: fc.constantFrom('a', 'b', 'c'), date }),
  fc.record({ type: fc.constant('media-coverage'), unit, level: fc.constantFrom('central', 'provincial', 'city'), deed: fc.constantFrom('a', 'b', 'c'), date }),
);

const daily = (d: Dataset) => new Map(scoreScheme(scheme, d).units.map((u) => [u.unit, u.indicators.find((t) => t.id === 'daily')?.points ?? NaN]));
const bonus = (d: Dataset) => new Map(scoreScheme(scheme, d).units.map((u) => [u.unit, u.outsideTotal]));

function checkTrace(t: IndicatorTrace): void {
  expect(t.points).toBeGreaterThanOrEqual(0);
  expect(t.points).toBeLessThanOrEqual(t.max + 1e-9);
  if (t.children) {
    const agg = t.steps.find((s) => s.kind === 'aggregate');
    const sum = t.children.reduce((a, c) => a + c.points, 0);
    expect(agg?.kind === 'aggregate' && agg.mode === 'mean' ? sum / t.children.length : sum).toBeCloseTo(t.points, 9);
    t.children.forEach(checkTrace);
  }
}

describe('invariants (fast-check, fixed seed)', () => {
  it('a deduction never raises a score', () => {
    fc.assert(
      fc.property(fc.array(deductionFact, { maxLength: 15 }), fc.array(deductionFact, { minLength: 1, maxLength: 5 }), (before, extra) => {
        const d1 = { ...base, facts: [...base.facts, ...before] };
        const d2 = { ...base, facts: [...base.facts, ...before, ...extra] };
        const a = daily(d1);
        const b = daily(d2);
        for (const u of UNITS) expect(b.get(u)!).toBeLessThanOrEqual(a.get(u)! + 1e-9);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('a commendation never lowers the bonus, which stays within its cap', () => {
    fc.assert(
      fc.property(fc.array(bonusFact, { maxLength: 10 }), fc.array(bonusFact, { minLength: 1, maxLength: 4 }), (before, extra) => {
        const a = bonus({ ...base, facts: [...base.facts, ...before] });
        const b = bonus({ ...base, facts: [...base.facts, ...before, ...extra] });
        for (const u of UNITS) {
          expect(b.get(u)!).toBeGreaterThanOrEqual(a.get(u)! - 1e-9);
          expect(b.get(u)!).toBeLessThanOrEqual(5);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('every indicator stays within [0, max], aggregates add up, and totals are the sum of the top level', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(deductionFact, bonusFact), { maxLength: 30 }), (facts) => {
        const r = scoreScheme(scheme, { ...base, facts: [...base.facts, ...facts] });
        expect(r.ok).toBe(true);
        for (const u of r.units) {
          u.indicators.forEach(checkTrace);
          expect(u.total).toBeCloseTo(u.indicators.reduce((a, t) => a + t.points, 0), 9);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('is pure: the same input gives the same result, and the input is not modified', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(deductionFact, bonusFact), { maxLength: 20 }), (facts) => {
        const data = { ...base, facts: [...base.facts, ...facts] };
        const frozen = JSON.stringify(data);
        const a = scoreScheme(scheme, data);
        const b = scoreScheme(scheme, JSON.parse(frozen) as Dataset);
        expect(JSON.stringify(data)).toBe(frozen);
        expect(b).toEqual(a);
      }),
      { seed: SEED, numRuns: 20 },
    );
  });
});
