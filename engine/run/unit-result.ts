import type { RosterUnit } from '../data/dataset.ts';
import type { IndicatorTrace } from '../trace.ts';
import type { Population } from './population.ts';
import type { UnitResult } from './result.ts';

/** One unit's result as the season reads it: exempt, or scored with its trace (made by `indicators`, on demand). */
export function unitResult(u: RosterUnit, exemptBy: UnitResult['exemptBy'], p: Population, indicators: () => IndicatorTrace[]): UnitResult {
  const meta = { unit: u.id, name: u.name, ...(u.parent ? { parent: u.parent } : {}), ...(u.category ? { category: u.category } : {}) };
  if (exemptBy) return { ...meta, status: 'exempt', exemptBy, inTotal: 0, outsideTotal: 0, total: 0, indicators: [], ranks: {}, classes: [], selections: [] };
  const s = p.units.get(u.id);
  const result: UnitResult = {
    ...meta,
    status: 'scored',
    inTotal: s?.inTotal ?? 0,
    outsideTotal: s?.outsideTotal ?? 0,
    total: s?.total ?? 0,
    indicators: indicators(),
    ranks: { ...(s?.ranks ?? {}) },
    classes: [...(s?.classes ?? [])],
    selections: [...(s?.selections ?? [])],
  };
  const vetoes = p.vetoes.get(u.id);
  if (vetoes) result.vetoes = vetoes.map((h) => ({ veto: h.veto, name: h.name, effect: h.effect.kind, fact: h.fact, source: h.source }));
  return result;
}
