/**
 * Smoke version of the bench's peers: pingyi's deduction method, json-rules-engine
 * and a ZEN decision table built from the same scheme rules agree on every
 * generated fact (a few hundred), and the fact set exercises every rule. No timing.
 */
import { describe, expect, it } from 'vitest';
import { generateCases } from '../../bench/peers/generate-cases.ts';
import { runPeers } from '../../bench/peers/peers.ts';
import { largestDeductionTable } from '../../bench/peers/rule-table.ts';
import { zenRows } from '../../bench/peers/zen-peer.ts';

describe('bench peers (smoke)', () => {
  it('picks the largest deduction table of the shipped schemes', () => {
    const t = largestDeductionTable();
    expect(t.method.kind).toBe('deduction');
    expect(t.method.rules.length).toBeGreaterThanOrEqual(15);
  });

  it('the three engines give the same points on every fact', async () => {
    const r = await runPeers({ facts: 400, units: 60, parents: 6, runs: 1, zenBatch: 50 });
    expect(r.rejected).toEqual([]);
    expect(r.disagreements).toEqual([]);
    expect(r.evaluations).toBeGreaterThanOrEqual(400);
    // most facts cost points; some do not (a rule on $unit the unit fails, an exempt case)
    expect(r.priced).toBeGreaterThan(r.evaluations / 2);
    expect(r.priced).toBeLessThan(r.evaluations);
    expect(r.pingyi.ms).toHaveLength(1);
    // the points-only scoring run gives every unit the traced run's total
    expect(r.pointsDiffer).toEqual([]);
    expect(r.pingyiPoints.ms).toHaveLength(1);
    // every rule of the table decided some fact
    for (const rule of r.table.method.rules) expect(r.ruleHits.get(rule.id) ?? 0, rule.id).toBeGreaterThan(0);
  });

  it('the ZEN table puts each rule\'s exempt rows first, then one row per multiply case and price', () => {
    const t = largestDeductionTable();
    const rows = zenRows(t.method);
    for (const r of t.method.rules) {
      const mine = rows.filter((x) => x.rule === r.id);
      const exempt = (r.modifiers ?? []).filter((m) => m.kind === 'exempt').length;
      const multiply = (r.modifiers ?? []).filter((m) => m.kind === 'multiply').length;
      const prices = r.points.kind === 'table' ? Object.keys(r.points.values).length : 1;
      expect(mine).toHaveLength(exempt + 2 ** multiply * prices);
      expect(mine.slice(0, exempt).every((x) => x.points === '0')).toBe(true);
    }
  });

  it('the case generator is seeded', () => {
    const t = largestDeductionTable();
    const a = generateCases(t.scheme, t.method, { seed: 7, facts: 50, units: 10, parents: 2 });
    const b = generateCases(t.scheme, t.method, { seed: 7, facts: 50, units: 10, parents: 2 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
