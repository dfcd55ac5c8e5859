import type { Dataset, RosterUnit } from '../data/dataset.ts';
import { dataIssue, type Issue } from '../issue.ts';
import { clean, roundTo } from '../numbers.ts';
import type { Ranking } from '../scheme/flow.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { SelectionReason } from '../scheme/scoring-pool.ts';
import { unitsInNoClass } from './class-coverage.ts';
import { classify } from './classify.ts';
import { consequencesOf } from './consequences.ts';
import type { FactIndex, RosterIndex } from '../facts/facts-index.ts';
import type { IndicatorValues } from './indicator-value.ts';
import { rankUnits, type Rankable } from './rank.ts';
import type { ResolvedIndicator } from './resolve-tree.ts';
import type { ClassResult, ConsequenceResult, RankingResult, SelectionResult } from './result.ts';
import { select } from './selection.ts';
import { findVetoes, matchingFacts, type VetoHit } from './veto.ts';

/** Where a scored unit stands: the numbers of the headline table, without the trace. */
export interface UnitStanding {
  inTotal: number;
  outsideTotal: number;
  total: number;
  ranks: Record<string, number>;
  classes: string[];
  selections: string[];
}

/** The population step's outcome: small (per unit a few numbers), recomputed after every append. */
export interface Population {
  units: Map<string, UnitStanding>;
  selections: SelectionResult[];
  rankings: RankingResult[];
  classes: ClassResult[];
  consequences: ConsequenceResult[];
  vetoes: Map<string, VetoHit[]>;
  /** Ties a ranking forbids, ties cut at a class boundary. */
  issues: Issue[];
}

export interface PopulationInput {
  scheme: Scheme;
  data: Dataset;
  roster: RosterIndex;
  facts: FactIndex;
  /** Units not exempt, in roster order. */
  scored: readonly RosterUnit[];
  /** Values while selecting (selection-bound leaves not yet scored) and after. */
  selectionValues: IndicatorValues;
  values: IndicatorValues;
  /**
   * Units whose points may have moved since `previous` (filled further by
   * `scoreSelected`); undefined: all units are computed afresh.
   */
  changed: Set<string> | undefined;
  previous: Population | undefined;
  /** Each ranking's last order (by ranking or selection and group), kept between live appends to sort nearly-sorted units. */
  hints: Map<string, Map<string, number>>;
  /**
   * Filled here selection by selection, as the flow decides them (each member
   * with how it entered): a later selection's basis already sees an earlier one's members.
   */
  selected: Map<string, ReadonlyMap<string, SelectionReason>>;
  /** Called once the selections are known: the selection-bound leaves score their members. */
  scoreSelected(): void;
}

/**
 * C. season flow after the leaves: selections → selection-bound leaves (via
 * `scoreSelected`) → totals → rankings → vetoes → classes → consequences. Cheap
 * over the units: it reads the leaves' points, never a fact of a vote.
 */
export function settlePopulation(input: PopulationInput, roots: readonly ResolvedIndicator[]): Population {
  const { scheme, data, roster, facts, scored, values, changed, previous } = input;
  const issues: Issue[] = [];
  const report = (i: Issue) => issues.push(i);
  const rankables = (units: readonly RosterUnit[], basis: { kind: 'total' } | { kind: 'indicator'; id: string }, v: IndicatorValues, totals?: Map<string, number>): Rankable[] =>
    units.map((u) => new UnitRankable(u.id, basis.kind === 'total' ? (totals?.get(u.id) ?? 0) : v.value(basis.id, u.id), roster.order.get(u.id) ?? 0, v));
  const hint = (key: string): Map<string, number> => {
    let h = input.hints.get(key);
    if (!h) input.hints.set(key, (h = new Map()));
    return h;
  };

  const selections: SelectionResult[] = [];
  const { selected } = input;
  for (const s of scheme.selections ?? []) {
    const listed = s.listed ? matchingFacts(facts, roster, scored, s.listed.factType, s.listed.when) : undefined;
    const res = select(s, scheme, rankables(scored, s.basis, input.selectionValues), data, listed, hint(`selection\u0000${s.id}`));
    selections.push(res);
    selected.set(s.id, new Map(res.members.map((m) => [m.unit, m.reason])));
  }
  input.scoreSelected();

  const selectionsOf = new Map<string, string[]>();
  for (const s of selections) for (const m of s.members) selectionsOf.set(m.unit, [...(selectionsOf.get(m.unit) ?? []), s.id]);

  const units = new Map<string, UnitStanding>();
  const totals = new Map<string, number>();
  const rounding = scheme.rounding?.total;
  for (const u of scored) {
    const kept = changed === undefined || changed.has(u.id) ? undefined : previous?.units.get(u.id);
    if (kept) {
      // nothing under this unit moved: its totals stand (ranks and classes are decided again below)
      totals.set(u.id, kept.total);
      units.set(u.id, { inTotal: kept.inTotal, outsideTotal: kept.outsideTotal, total: kept.total, ranks: {}, classes: [], selections: selectionsOf.get(u.id) ?? [] });
      continue;
    }
    let inTotal = 0;
    let outside = 0;
    for (const r of roots) {
      const p = values.points(r, u.id);
      if (r.outsideTotal) outside += p;
      else inTotal += p;
    }
    inTotal = clean(inTotal);
    outside = clean(outside);
    const total = rounding ? roundTo(inTotal + outside, rounding.digits, rounding.mode) : clean(inTotal + outside);
    totals.set(u.id, total);
    units.set(u.id, { inTotal, outsideTotal: outside, total, ranks: {}, classes: [], selections: selectionsOf.get(u.id) ?? [] });
  }

  const rankings: RankingResult[] = [];
  for (const rk of scheme.rankings) {
    const groups = new Map<string, RosterUnit[]>();
    for (const u of poolOf(rk.pool, scored, selections)) {
      const key = rk.groupBy === 'category' ? (u.category ?? '') : '*';
      const list = groups.get(key);
      if (list) list.push(u);
      else groups.set(key, [u]);
    }
    const result: RankingResult = { id: rk.id, name: rk.name, groups: [] };
    for (const [key, members] of groups) {
      const { entries, unresolvedTies } = rankUnits(rankables(members, rk.basis, values, totals), rk.tieBreak, hint(`ranking\u0000${rk.id}\u0000${key}`));
      for (const tie of unresolvedTies) {
        report(dataIssue('unresolved-tie', `/units/${roster.order.get(tie[0] as string) ?? ''}`, `排名“${rk.name}”中 ${tie.join('、')} 成绩完全相同,方案规定不得并列(${rk.tieBreak.source ?? rk.source})`, `ranking ${rk.id}: units ${tie.join(', ')} are tied and the scheme forbids ties`));
      }
      result.groups.push({ key, entries });
      for (const e of entries) {
        const s = units.get(e.unit);
        if (s) s.ranks[rk.id] = e.rank;
      }
    }
    rankings.push(result);
  }
  const vetoes = findVetoes(scheme.vetoes ?? [], facts, roster, scored);
  const classes = classify({
    classes: scheme.classifications ?? [],
    rankingDefs: scheme.rankings,
    rankings,
    history: data.history ?? [],
    year: scheme.year,
    scored: scored.map((u) => u.id),
    value: (basis, unit) => (basis.kind === 'total' ? (totals.get(unit) ?? 0) : values.value(basis.id, unit)),
    vetoes,
    order: roster.order,
    report,
  });
  for (const c of classes) for (const id of c.units) units.get(id)?.classes.push(c.id);
  if (scheme.classesCoverAll === true) for (const issue of unitsInNoClass(scored, classes, roster.order)) report(issue);
  const consequences = consequencesOf(scheme.consequences ?? [], classes, roster, facts, scored);
  return { units, selections, rankings, classes, consequences, vetoes, issues };
}

/** A unit as a ranking sees it; tie-break keys read through the values (no closure per unit). */
class UnitRankable implements Rankable {
  constructor(
    readonly unit: string,
    readonly value: number,
    readonly order: number,
    private readonly values: IndicatorValues,
  ) {}

  keys(indicator: string): number {
    return this.values.value(indicator, this.unit);
  }
}

/** Who a ranking ranks: every scored unit, or the members of a selection (only those that entered by the listed reasons). */
function poolOf(pool: Ranking['pool'], scored: readonly RosterUnit[], selections: readonly SelectionResult[]): RosterUnit[] {
  switch (pool.kind) {
    case 'all':
      return [...scored];
    case 'selection': {
      const sel = selections.find((x) => x.id === pool.id);
      const ids = new Set((sel?.members ?? []).filter((m) => pool.reasons === undefined || pool.reasons.includes(m.reason)).map((m) => m.unit));
      return scored.filter((u) => ids.has(u.id));
    }
    default: {
      const never: never = pool;
      return never;
    }
  }
}
