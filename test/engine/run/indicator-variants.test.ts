import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Dataset, type Indicator, type Method, type Scheme } from '../../../engine/index.ts';
import { explainUnit } from '../../../engine/explain.ts';
import { factType, miniScheme } from '../../helpers/mini-scheme.ts';

/**
 * Indicator variants: per-unit alternative children chosen by a condition on
 * `$unit` / `$parent` (e.g. units with a service window: survey 4 + window 6;
 * other units: survey 10). Numbers below are worked out by hand.
 */
const voteType = factType('vote', { level: { enum: ['s', 'b', 'd'] } });
const markType = factType('mark', { score: { type: 'number' } });
const survey = (): Method => ({
  kind: 'vote-ratio',
  factType: 'vote',
  levelField: 'level',
  levels: [
    { id: 's', name: '满意', value: 1 },
    { id: 'b', name: '基本满意', value: 0.6 },
    { id: 'd', name: '不满意', value: 0 },
  ],
  noVotes: { kind: 'population-mean' },
});
const window: Method = { kind: 'reported-score', factType: 'mark', field: 'score', combine: 'mean', scale: 100, missing: 'zero' };
const split = { all: [{ fact: '$unit', path: '$.attributes.split', operator: 'equal' as const, value: true }] };

const tree = (): Indicator => ({
  id: 'x',
  name: '服务对象',
  points: 10,
  variants: [
    {
      id: 'split',
      name: '设窗口',
      when: split,
      source: 'test',
      children: [
        { id: 'x-survey', name: '问卷', points: 4, method: survey() },
        { id: 'x-window', name: '窗口', points: 6, method: window },
      ],
    },
    { id: 'whole', name: '未设窗口', children: [{ id: 'x-all', name: '问卷', points: 10, method: survey() }] },
  ],
});

const scheme = (extra: Partial<Scheme> = {}): Scheme => miniScheme(survey(), [voteType, markType], 10, { indicators: [tree()], ...extra });

const data: Dataset = {
  units: [
    { id: 'u1', name: 'u1', category: 'a', attributes: { split: true } },
    { id: 'u2', name: 'u2', category: 'a', attributes: { split: true } },
    { id: 'u3', name: 'u3', category: 'a' },
    { id: 'u4', name: 'u4', category: 'a', attributes: { split: false } },
  ],
  facts: [
    { type: 'vote', unit: 'u1', level: 's' },
    { type: 'vote', unit: 'u1', level: 'b' },
    { type: 'vote', unit: 'u3', level: 's' },
    { type: 'vote', unit: 'u3', level: 'd' },
    { type: 'mark', unit: 'u1', score: 90 },
    { type: 'mark', unit: 'u2', score: 50 },
    { type: 'mark', unit: 'u3', score: 100 },
  ],
};

const pointsOf = (r: ReturnType<typeof scoreScheme>, unit: string, id: string): number | undefined => {
  const find = (list: ReadonlyArray<{ id: string; points: number; children?: unknown }>): number | undefined => {
    for (const t of list) {
      if (t.id === id) return t.points;
      const inner = find((t.children ?? []) as Array<{ id: string; points: number; children?: unknown }>);
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  return find(r.units.find((u) => u.unit === unit)?.indicators ?? []);
};

describe('indicator variants', () => {
  it('each unit takes the first variant whose condition holds, else the default; leaves score only their variant’s units', () => {
    const r = scoreScheme(scheme(), data);
    // u3 takes no window: its window mark is not dropped silently (issue #10 §2), it is a warning at the fact
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['fact-unused', '/facts/6', 'warning']]);
    // u1: (1 + 0.6) ÷ 2 = 0.8 × 4 = 3.2; window 90 × 6 ÷ 100 = 5.4; total 8.6
    // u2: no votes → mean of the split units with votes only (u1: 3.2), not u3's; window 50 → 3; total 6.2
    // u3 (no attribute → default): (1 + 0) ÷ 2 × 10 = 5; its window mark is not used
    // u4 (split: false → default): no votes → mean of the whole-variant units (u3: 5)
    expect(Object.fromEntries(r.units.map((u) => [u.unit, u.total]))).toEqual({ u1: 8.6, u2: 6.2, u3: 5, u4: 5 });
    expect(pointsOf(r, 'u1', 'x-survey')).toBe(3.2);
    expect(pointsOf(r, 'u1', 'x-window')).toBe(5.4);
    expect(pointsOf(r, 'u2', 'x-survey')).toBe(3.2);
    expect(pointsOf(r, 'u3', 'x-window')).toBeUndefined();
    expect(pointsOf(r, 'u3', 'x-all')).toBe(5);
    expect(pointsOf(r, 'u1', 'x-all')).toBeUndefined();
  });

  it('traces and explains the variant taken', () => {
    const r = scoreScheme(scheme(), data);
    const u1 = r.units.find((u) => u.unit === 'u1');
    const u3 = r.units.find((u) => u.unit === 'u3');
    expect(u1?.indicators[0]?.steps[0]).toEqual({ kind: 'variant', indicator: 'x', variant: 'split', name: '设窗口', default: false, source: 'test' });
    expect(u3?.indicators[0]?.steps[0]).toEqual({ kind: 'variant', indicator: 'x', variant: 'whole', name: '未设窗口', default: true });
    expect(explainUnit(u1 as NonNullable<typeof u1>)).toContain('变体 variant split「设窗口」');
  });

  it('an indicator of a variant a unit does not take counts 0 where referenced (ranking basis)', () => {
    const s = scheme({
      rankings: [{ id: 'w', name: '窗口排名', basis: { kind: 'indicator', id: 'x-window' }, pool: { kind: 'all' }, groupBy: 'none', tieBreak: { keys: [], otherwise: 'roster-order' }, source: 'test' }],
    });
    const r = scoreScheme(s, data);
    // 5.4, 3, 0, 0 → u1, u2, u3, u4 (u3 before u4 by roster order)
    expect(r.rankings[0]?.groups[0]?.entries.map((e) => [e.unit, e.value])).toEqual([
      ['u1', 5.4],
      ['u2', 3],
      ['u3', 0],
      ['u4', 0],
    ]);
  });

  it('works under a parent condition and inside a mean of periods', () => {
    const s = miniScheme(survey(), [voteType, markType], 10, {
      indicators: [
        {
          id: 'year',
          name: '年度',
          points: 10,
          aggregate: 'mean',
          children: [
            {
              ...tree(),
              id: 'h1',
              percent: 100,
              points: undefined,
              variants: tree().variants?.map((v) => ({
                ...v,
                ...(v.when ? { when: { all: [{ fact: '$parent', path: '$.attributes.split', operator: 'equal' as const, value: true }] } } : {}),
                children: v.children.map((c) => ({ ...c, id: `${c.id}-h1` })),
              })),
            },
            { id: 'h2', name: '下半年', percent: 100, method: window },
          ],
        },
      ],
    });
    const d: Dataset = {
      parents: [{ id: 'p', name: 'p', attributes: { split: true } }],
      units: [{ id: 'u1', name: 'u1', category: 'a', parent: 'p' }],
      facts: [
        { type: 'vote', unit: 'u1', level: 's' },
        { type: 'mark', unit: 'u1', score: 80 },
      ],
    };
    // h1 (split, chosen by the parent's attribute): survey 1 × 4 = 4; window 80 × 6 ÷ 100 = 4.8 → 8.8; h2: 80 × 10 ÷ 100 = 8; mean (8.8 + 8) ÷ 2 = 8.4
    expect(scoreScheme(s, d).units[0]?.total).toBe(8.4);
  });
});

describe('indicator variants: validation', () => {
  const codes = (s: Scheme) => validateScheme(s).issues.map((i) => [i.code, i.path]);
  const base = (): Scheme => ({ ...scheme() });

  it('accepts a well-formed tree', () => {
    expect(codes(base())).toEqual([]);
  });

  it('needs a default last and a condition on every other variant', () => {
    const s = base();
    const vs = s.indicators[0]?.variants ?? [];
    const [first, second] = vs;
    if (!first || !second) throw new Error('fixture');
    s.indicators[0] = { ...tree(), variants: [{ ...first, when: undefined }, { ...second, when: split }] } as Indicator;
    expect(codes(s)).toEqual([
      ['variant-condition', '/indicators/0/variants/0/when'],
      ['variant-default', '/indicators/0/variants/1/when'],
    ]);
  });

  it('checks each variant’s children add up, ids are unique, and conditions see only $unit / $parent', () => {
    const s = base();
    const t = tree();
    const [first, second] = t.variants ?? [];
    if (!first || !second) throw new Error('fixture');
    s.indicators[0] = {
      ...t,
      variants: [
        { ...first, when: { all: [{ fact: 'level', operator: 'equal', value: 's' }] }, children: [{ id: 'x-survey', name: '问卷', points: 5, method: survey() }] },
        { ...second, id: 'split', children: [{ id: 'x-survey', name: '问卷', points: 10, method: survey() }] },
      ],
    };
    expect(codes(s)).toEqual(
      expect.arrayContaining([
        ['unknown-fact', '/indicators/0/variants/0/when/all/0/fact'],
        ['points-sum', '/indicators/0/variants/0/children'],
        ['duplicate-id', '/indicators/0/variants/1/id'],
        ['duplicate-id', '/indicators/0/variants/1/children/0/id'],
      ]),
    );
  });

  it('an indicator has children, variants or a method, exactly one', () => {
    const s = base();
    s.indicators[0] = { ...tree(), method: window };
    expect(codes(s)).toContainEqual(['leaf-or-branch', '/indicators/0']);
  });
});
