import type { Dataset, FactType, Method, Scheme } from '../../engine/index.ts';
import { scoreScheme, validateScheme } from '../../engine/index.ts';

/** A one-indicator scheme around a method, so a method test states only what it is about. */
export function miniScheme(method: Method, factTypes: FactType[], points = 10, extra: Partial<Scheme> = {}): Scheme {
  const s: Scheme = {
    id: 'mini',
    name: '测试方案',
    jurisdiction: '测试',
    year: 2021,
    version: '1.0.0',
    source: 'test',
    totalPoints: points,
    categories: [{ id: 'a', name: 'A' }],
    parentCategories: [
      { id: 'organ', name: '机关' },
      { id: 'soe', name: '国企' },
    ],
    factTypes,
    indicators: [{ id: 'x', name: '指标', points, method }],
    rankings: [{ id: 'all', name: '排名', basis: { kind: 'total' }, pool: { kind: 'all' }, groupBy: 'none', tieBreak: { keys: [], otherwise: 'roster-order' }, source: 'test' }],
    ...extra,
  };
  const v = validateScheme(s);
  if (!v.ok) throw new Error('mini scheme invalid: ' + JSON.stringify(v.issues, null, 2));
  return s;
}

export function factType(id: string, properties: Record<string, unknown>, target: 'unit' | 'parent' = 'unit'): FactType {
  return { id, name: id, target, fields: { type: 'object', properties } };
}

export function units(...ids: string[]): Pick<Dataset, 'units' | 'parents'> {
  return {
    parents: [
      { id: 'p1', name: 'P1', category: 'organ' },
      { id: 'p2', name: 'P2', category: 'soe' },
    ],
    units: ids.map((id) => ({ id, name: id, parent: id.startsWith('q') ? 'p2' : 'p1', category: 'a' })),
  };
}

/** Score and return unit id → points of the single indicator, failing loudly on unexpected issues. */
export function points(s: Scheme, data: Dataset): Record<string, number> {
  const r = scoreScheme(s, data);
  if (!r.ok) throw new Error('run failed: ' + JSON.stringify(r.issues, null, 2));
  return Object.fromEntries(r.units.map((u) => [u.unit, u.indicators[0]?.points ?? NaN]));
}
