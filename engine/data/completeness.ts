/**
 * How complete a data set is for a scheme, so that a run on 2 units' facts
 * cannot rank 363 units without a word (brief rule 9: nothing silent). Per
 * fact type: how many units (or parents) have records and how many have
 * none; per scored indicator: how many units got their points from a
 * missing-data policy (no votes, no rating: taken as 0, the mean, full marks).
 */
import type { RunResult, UnitResult } from '../run/result.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { IndicatorTrace } from '../trace.ts';
import type { Dataset } from './dataset.ts';

export interface FactTypeCoverage {
  factType: string;
  name: string;
  /** `season`: one record for the whole season (a meeting, a ballot box); counted as one target. */
  target: 'unit' | 'parent' | 'season';
  /** Facts of this type in the data set. */
  facts: number;
  /** Units (or parents) with at least one fact of this type. */
  with: number;
  /** Units (or parents) of the roster with none. */
  without: number;
  /** The first few ids without records, to look them up. */
  firstIds: string[];
}

export interface DefaultedPoints {
  indicator: string;
  name: string;
  /** The policy the scheme declares for missing data (`zero`, `population-mean`, `full`…). */
  policy: string;
  /** Scored units whose points here come from that policy. */
  units: number;
  /** Of these, how many got 0 points. */
  zero: number;
  firstIds: string[];
}

export interface Completeness {
  /** Facts in the data set, of any type. */
  facts: number;
  factTypes: FactTypeCoverage[];
  defaulted: DefaultedPoints[];
}

const FIRST_IDS = 5;

export function dataCompleteness(scheme: Scheme, data: Dataset, result?: RunResult): Completeness {
  const tally = new CompletenessTally(scheme, data);
  for (const u of result?.units ?? []) tally.add(u);
  return tally.done();
}

/**
 * The same, with the units given one at a time (a province's result is
 * written unit by unit and never held whole).
 */
export class CompletenessTally {
  private readonly factTypes: FactTypeCoverage[];
  private readonly defaulted = new Map<string, DefaultedPoints>();
  private readonly facts: number;

  constructor(scheme: Scheme, data: Dataset) {
    this.facts = data.facts.length;
    // one pass over the facts for every fact type at once (a province has a million facts and a dozen types)
    const byType = new Map<string, { facts: number; seen: Set<string> }>(scheme.factTypes.map((ft) => [ft.id, { facts: 0, seen: new Set<string>() }]));
    const targetOf = new Map(scheme.factTypes.map((ft) => [ft.id, ft.target]));
    for (const f of data.facts) {
      const t = byType.get(f.type);
      if (t === undefined) continue;
      t.facts++;
      const target = targetOf.get(f.type);
      const who = target === 'parent' ? f.parent : target === 'season' ? 'season' : f.unit;
      if (typeof who === 'string') t.seen.add(who);
    }
    this.factTypes = scheme.factTypes.map((ft): FactTypeCoverage => {
      const ids = ft.target === 'parent' ? (data.parents ?? []).map((p) => p.id) : ft.target === 'season' ? ['season'] : data.units.map((u) => u.id);
      const { facts, seen } = byType.get(ft.id) as { facts: number; seen: Set<string> };
      const missing = ids.filter((id) => !seen.has(id));
      return { factType: ft.id, name: ft.name, target: ft.target, facts, with: ids.length - missing.length, without: missing.length, firstIds: missing.slice(0, FIRST_IDS) };
    });
  }

  /** A unit's points that came from a default policy (missing, no votes), read off its trace. */
  add(u: UnitResult): void {
    if (u.status !== 'scored') return;
    const visit = (t: IndicatorTrace): void => {
      for (const s of t.steps) {
        if (s.kind !== 'missing' && s.kind !== 'no-votes') continue;
        const key = `${t.id}\u0000${s.policy}`;
        const d = this.defaulted.get(key) ?? { indicator: t.id, name: t.name, policy: s.policy, units: 0, zero: 0, firstIds: [] };
        d.units++;
        if (s.points === 0) d.zero++;
        if (d.firstIds.length < FIRST_IDS) d.firstIds.push(u.unit);
        this.defaulted.set(key, d);
      }
      t.children?.forEach(visit);
    };
    u.indicators.forEach(visit);
  }

  done(): Completeness {
    return { facts: this.facts, factTypes: this.factTypes, defaulted: [...this.defaulted.values()] };
  }
}
