import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSeason, scoreScheme, validateScheme, type Dataset, type Fact, type Scheme } from '../../../engine/index.ts';

/**
 * 分池计分 (issue #10 §1 "separate pools scored separately"), on the example scheme
 * schemes/examples/separate-pools: the office's listed units (c, d, e) and the computed
 * entrants (top 1 a, bottom 1 f) each form their own population for the network round's
 * no-vote default and small-sample blend (示例 二(三)、二(四)).
 */
const dir = new URL('../../../schemes/examples/separate-pools/', import.meta.url);
const scheme = JSON.parse(readFileSync(new URL('scheme.json', dir), 'utf8')) as Scheme;
const data = (JSON.parse(readFileSync(new URL('cases/01-two-pools.json', dir), 'utf8')) as { input: Dataset }).input;

const network = (r: ReturnType<typeof scoreScheme>, unit: string) => r.units.find((u) => u.unit === unit)?.indicators.find((i) => i.id === 'network');
const merged = (): Scheme => {
  const s = structuredClone(scheme);
  delete s.indicators[1]?.requires?.pools;
  return s;
};

describe('separate pools scored separately', () => {
  it('each pool has its own mean: e (no votes) gets the listed pool’s mean, f (2 votes) is blended with the computed pool’s', () => {
    const r = scoreScheme(scheme, data);
    expect(r.ok).toBe(true);
    // 二(四) listed pool: c 3/4 × 40 = 30, d 5/5 × 40 = 40 → mean 35; e has no vote → 35
    expect(network(r, 'e')?.points).toBe(35);
    // 二(四) computed pool: a 4/4 × 40 = 40, f 1/2 × 40 = 20 → mean 30; f has 2 < 4 votes → 30 × 0.7 + 20 × 0.3 = 27
    expect(network(r, 'f')?.points).toBe(27);
    expect(network(r, 'c')?.points).toBe(30);
    expect(network(r, 'a')?.points).toBe(40);
    // the trace says which pool and how many members it had, with the clause
    expect(network(r, 'e')?.steps[0]).toEqual({ kind: 'pool', selection: 'network-round', pool: 'office-list', name: '评议办确定的单位', members: 3, source: '示例 二(三):评议办确定的网络评议单位单独计算平均分' });
    expect(network(r, 'f')?.steps).toContainEqual(expect.objectContaining({ kind: 'blend', populationMean: 30, points: 27 }));
    // b is outside the round: the selection's `otherwise` (二(一)), no pool
    expect(network(r, 'b')?.steps.map((s) => s.kind)).toEqual(['not-selected']);
  });

  it('merged (no pools declared) the mean is the whole round’s: (30 + 40 + 40 + 20) / 4 = 32.5, so the pools matter', () => {
    const r = scoreScheme(merged(), data);
    expect(network(r, 'e')?.points).toBe(32.5);
    // 32.5 × 0.7 + 20 × 0.3 = 22.75 + 6 = 28.75
    expect(network(r, 'f')?.points).toBeCloseTo(28.75, 9);
  });

  it('a unit the office lists later leaves the computed pool: both pools and the top 1 are decided again, live as in batch', () => {
    const season = openSeason(scheme, data);
    const listA: Fact = { type: 'office-list', unit: 'a', document: '评议办〔2021〕2号' };
    const answer = season.append([listA]);
    expect(answer.ok).toBe(true);
    const batch = scoreScheme(scheme, { ...data, facts: [...data.facts, listA] });
    expect(season.result()).toEqual(batch);
    // listed pool now a 40, c 30, d 40 → mean 110 / 3; e (no votes) gets it
    expect(network(batch, 'e')?.points).toBeCloseTo(110 / 3, 9);
    // the computed pool: top 1 of b 50, f 30 is b (no votes: mean of the pool's units with votes = f's own 20), bottom 1 is f.
    // f: 2 votes < 4 → 20 × 0.7 + 20 × 0.3 = 20; b: no votes → 20
    expect(network(batch, 'f')?.points).toBeCloseTo(20, 9);
    expect(network(batch, 'b')?.points).toBeCloseTo(20, 9);
    // moved: b, e, f (points); a enters the listed ranking (a 40 shares 1st with d); c falls to 4th there;
    // d keeps its total and shared 1st. Overall: a 98, d 80, c 75, e 71.67, b 70, f 57 (b and f swap)
    expect(answer.changed.map((c) => c.unit).sort()).toEqual(['a', 'b', 'c', 'e', 'f']);
    expect(season.standing().get('c')?.ranks).toEqual({ overall: 3, listed: 4 });
  });

  it('a member that changes pool while the round keeps the same members: the pools’ steps run again (live = batch)', () => {
    // roster a 58, c 45, f 30; the office lists c → c listed, a top, f bottom (everyone is in the round)
    const three: Dataset = { ...data, units: data.units.filter((u) => ['a', 'c', 'f'].includes(u.id)), facts: data.facts.filter((f) => ['a', 'c', 'f'].includes(f.unit as string) && !(f.type === 'office-list' && f.unit !== 'c')) };
    const season = openSeason(scheme, three);
    // computed pool a 40, f 20 → mean 30; f (2 votes) → 30 × 0.7 + 20 × 0.3 = 27
    expect(network(season.result(), 'f')?.points).toBe(27);
    // the office lists a too: a listed, c listed, f is the top 1 of the rest (bottom 1: none left) — the same three members
    const listA: Fact = { type: 'office-list', unit: 'a', document: '评议办〔2021〕2号' };
    expect(season.append([listA]).ok).toBe(true);
    const batch = scoreScheme(scheme, { ...three, facts: [...three.facts, listA] });
    expect(season.result()).toEqual(batch);
    expect(batch.selections[0]?.members.map((m) => [m.unit, m.reason])).toEqual([['a', 'listed'], ['c', 'listed'], ['f', 'top']]);
    // f alone in the computed pool: mean 20 → 20 × 0.7 + 20 × 0.3 = 20
    expect(network(batch, 'f')?.points).toBeCloseTo(20, 9);
  });

  it('a quota is the pool’s too: 2 of the 3 listed units 优秀 breaks “at most 50%” (⌊3 × 50%⌋ = 1), though 2 of all 5 members would keep it (⌊5 × 50%⌋ = 2)', () => {
    const rated = (pools: boolean): Scheme => {
      const s = structuredClone(scheme);
      s.factTypes.push({ id: 'net-rating', name: '网络评议等次', target: 'unit', key: ['unit'], fields: { type: 'object', properties: { grade: { type: 'string' } }, required: ['grade'] } });
      const node = s.indicators[1] as NonNullable<Scheme['indicators'][number]>;
      node.method = {
        kind: 'graded-rating',
        factType: 'net-rating',
        mode: 'grade',
        gradeField: 'grade',
        grades: [
          { id: 'excellent', name: '优秀', points: 40 },
          { id: 'good', name: '良好', points: 30 },
        ],
        quota: { scope: { kind: 'all' }, rule: { kind: 'shares', shares: [{ grade: 'excellent', percent: 50, bound: 'at-most' }], rounding: 'floor' }, source: '优秀不超过 50%' },
        missing: { kind: 'error' },
      };
      if (!pools) delete node.requires?.pools;
      return s;
    };
    const grades: Record<string, string> = { a: 'good', c: 'excellent', d: 'excellent', e: 'good', f: 'good' };
    const facts = [...data.facts.filter((f) => f.type !== 'network-vote'), ...Object.entries(grades).map(([unit, grade]) => ({ type: 'net-rating', unit, grade }))];
    expect(validateScheme(rated(true)).ok).toBe(true);
    // the first 优秀 of the listed pool is c's rating: facts 0–5 scores, 6–8 office-list, 9 a's rating, 10 c's
    expect(scoreScheme(rated(true), { ...data, facts }).issues.map((i) => [i.code, i.path])).toEqual([['quota-broken', '/facts/10']]);
    expect(scoreScheme(rated(false), { ...data, facts }).issues).toEqual([]);
  });

  describe('validation', () => {
    const withPools = (pools: unknown): Scheme => {
      const s = structuredClone(scheme);
      (s.indicators[1]?.requires as { pools: unknown }).pools = pools;
      return s;
    };
    const codes = (s: Scheme) => validateScheme(s).issues.map((i) => [i.code, i.path]);

    it('a way of entering in no pool (its members would go unscored)', () => {
      expect(codes(withPools([{ id: 'l', name: 'l', reasons: ['listed'], source: 't' }, { id: 't', name: 't', reasons: ['top'], source: 't' }]))).toEqual([['pool-reason-missing', '/indicators/1/requires/pools']]);
    });

    it('a way of entering in two pools, and one the selection cannot produce', () => {
      expect(codes(withPools([{ id: 'l', name: 'l', reasons: ['listed', 'carry-over'], source: 't' }, { id: 't', name: 't', reasons: ['top', 'bottom', 'listed'], source: 't' }]))).toEqual([
        ['impossible-reason', '/indicators/1/requires/pools/0/reasons/1'],
        ['pool-reason-twice', '/indicators/1/requires/pools/1/reasons/2'],
      ]);
    });

    it('pool ids are unique', () => {
      expect(codes(withPools([{ id: 'l', name: 'l', reasons: ['listed'], source: 't' }, { id: 'l', name: 't', reasons: ['top', 'bottom'], source: 't' }]))).toEqual([['duplicate-id', '/indicators/1/requires/pools/1/id']]);
    });
  });
});
