import type { DatasetInspection } from '../data/check-dataset.ts';
import type { Dataset, Fact, RosterUnit } from '../data/dataset.ts';
import type { Issue } from '../issue.ts';
import type { MethodContext, UnitScore } from '../methods/method.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { SelectionReason } from '../scheme/scoring-pool.ts';
import { wordsOf, type UnitWords } from '../terms.ts';
import { reportDroppedFacts } from './dropped-facts.ts';
import { findExemptions } from './exemption.ts';
import { FactIndex, RosterIndex } from '../facts/facts-index.ts';
import { IndicatorValues } from './indicator-value.ts';
import { leafState, type LeafState } from './leaf-state.ts';
import { assignPools, finishInPools, samePools } from './pools.ts';
import { settlePopulation, type Population } from './population.ts';
import { flatten, resolveTree, type ResolvedIndicator, type ResolvedVariant } from './resolve-tree.ts';
import type { UnitResult } from './result.ts';
import { validityFactTypes } from './validity-compare.ts';
import { unitResult } from './unit-result.ts';
import { checkValidity } from './validity.ts';
import { chooseVariants } from './variants.ts';
import { orderByLeafInputs } from './leaf-inputs.ts';

/**
 * The state of a season: the scheme resolved once, the facts indexed, every
 * leaf's per-unit states, and the population step (selections, totals, ranks,
 * classes, consequences) over them. `scoreScheme` builds one and reads its
 * result; a live season (season.ts) appends facts to it, re-folds only the
 * units they concern, and settles the population again — the same code either
 * way, so batch and live results cannot drift apart.
 */
export class SeasonCore {
  readonly facts: Fact[];
  readonly data: Dataset;
  readonly roster: RosterIndex;
  readonly index: FactIndex;
  readonly words: UnitWords;
  private readonly factTypeMap: ReadonlyMap<string, FactType>;
  readonly roots: ResolvedIndicator[];
  readonly all: ResolvedIndicator[];
  readonly exempt: ReturnType<typeof findExemptions>;
  readonly scored: RosterUnit[];
  /** Fact types the validity rules count: appending one may void ballots, which only a full rebuild decides. */
  readonly validityTypes: ReadonlySet<string>;
  private readonly leaves: LeafState[] = [];
  private readonly leafById = new Map<string, LeafState>();
  private readonly variantOf: Map<string, Map<string, ResolvedVariant>>;
  private readonly byId: Map<string, ResolvedIndicator>;
  private readonly fixedIssues: Issue[] = [];
  private readonly skipped: Set<number>;
  private selected = new Map<string, ReadonlyMap<string, SelectionReason>>();
  /** Values while selecting: selection-bound leaves read as not yet scored (the order of the season flow). */
  private readonly selectionValues: IndicatorValues;
  private readonly values: IndicatorValues;
  /** Units whose points may have moved since the last population step; undefined: all of them. */
  private changed: Set<string> | undefined;
  private readonly hints = new Map<string, Map<string, number>>();
  population!: Population;

  constructor(
    readonly scheme: Scheme,
    data: Dataset,
    private readonly checked: DatasetInspection,
    /** A live season records each unit's fact uses to take them back when it folds the unit again; a one-off run need not. */
    private readonly live = false,
  ) {
    this.facts = [...data.facts];
    this.data = { ...data, facts: this.facts };
    this.words = wordsOf(scheme);
    this.factTypeMap = new Map(scheme.factTypes.map((f) => [f.id, f]));
    this.roster = new RosterIndex(data);
    // validity rules decide whether the season counts and which ballots are void; facts the data check
    // rejected are seen as bare records of their type (counted, no fields read: their values are not safe to read)
    const seen = { ...data, facts: data.facts.map((f, i) => (checked.unusable.has(i) ? { type: f.type } : f)) };
    const validity = checkValidity(scheme, seen);
    this.fixedIssues.push(...validity.issues);
    this.validityTypes = new Set((scheme.validity ?? []).flatMap(validityFactTypes));
    this.skipped = new Set([...checked.unusable, ...validity.voided]);
    this.index = new FactIndex(this.facts, this.skipped, checked.unusableTargets);
    this.roots = resolveTree(scheme);
    this.all = flatten(this.roots);
    this.byId = new Map(this.all.map((r) => [r.id, r]));
    this.exempt = findExemptions(scheme, data, this.roster);
    this.scored = data.units.filter((u) => !this.exempt.has(u.id));
    this.variantOf = chooseVariants(this.all, data.units, this.roster);
    const isSelected = (selection: string, unit: string) => this.selected.get(selection)?.has(unit) ?? false;
    this.values = new IndicatorValues({
      byId: this.byId,
      variantOf: this.variantOf,
      leafScore: (leaf, unit) => this.leafById.get(leaf)?.scores.get(unit),
      leafTrace: (leaf, unit) => this.explained(leaf, unit),
      isSelected,
    });
    this.selectionValues = new IndicatorValues({
      byId: this.byId,
      variantOf: this.variantOf,
      leafScore: (leaf, unit) => (this.byId.get(leaf)?.requires !== undefined ? undefined : this.leafById.get(leaf)?.scores.get(unit)),
      leafTrace: (leaf, unit) => (this.byId.get(leaf)?.requires !== undefined ? undefined : this.explained(leaf, unit)),
      isSelected,
    });
    for (const leaf of this.all) {
      const method = leaf.node.method;
      if (!method) continue;
      const population = leaf.requires === undefined ? this.scored.filter((u) => this.values.applies(leaf, u.id)) : [];
      const ls = leafState(leaf, method, population);
      this.leaves.push(ls);
      this.leafById.set(leaf.id, ls);
      for (const u of population) this.fold(ls, u);
    }
    orderByLeafInputs(this.leaves, this.leafById);
    this.settle();
  }

  /** Issues found once for the whole data set (validity), kept with the season. */
  get seasonIssues(): readonly Issue[] {
    return this.fixedIssues;
  }

  /**
   * Append facts already checked (no errors): index them, re-fold the units they
   * concern in the leaves that read their types, settle the population.
   */
  append(batch: readonly Fact[]): void {
    const touched = new Map<string, Set<string>>();
    for (const fact of batch) {
      const index = this.facts.length;
      this.facts.push(fact);
      this.index.add(fact, index);
      const units = fact.unit !== undefined ? [fact.unit] : fact.parent !== undefined ? (this.roster.unitsOfParent.get(fact.parent) ?? []).map((u) => u.id) : this.scored.map((u) => u.id);
      let set = touched.get(fact.type);
      if (!set) touched.set(fact.type, (set = new Set()));
      for (const u of units) set.add(u);
    }
    for (const ls of this.leaves) {
      const types = [...touched.keys()].filter((t) => ls.types.has(t));
      if (types.length === 0) continue;
      // the population step runs again even when no unit of the roster is touched: a parent's record
      // without units still moves the other parents' places (a per-unit method has none to run)
      ls.dirty = !ls.perUnit;
      const again = new Set<string>();
      for (const t of types) for (const u of touched.get(t) ?? []) again.add(u);
      for (const u of ls.population) if (again.has(u.id)) this.fold(ls, u);
    }
    this.settle();
  }

  /** The selection flow and everything after it, from the leaves' current states. */
  private settle(): void {
    for (const ls of this.leaves) if (ls.leaf.requires === undefined && ls.dirty) this.finish(ls);
    const changed = this.changed;
    const before = this.selected;
    // a selection's basis may read an earlier selection's members: with several, values while selecting are not kept
    if (changed === undefined || (this.scheme.selections ?? []).length > 1) this.selectionValues.clear();
    else this.selectionValues.clear(changed);
    this.selected = new Map();
    this.population = settlePopulation(
      {
        scheme: this.scheme,
        data: this.data,
        roster: this.roster,
        facts: this.index,
        scored: this.scored,
        selectionValues: this.selectionValues,
        values: this.values,
        selected: this.selected,
        changed,
        previous: changed === undefined ? undefined : this.population,
        hints: this.hints,
        scoreSelected: () => {
          // a unit that entered or left a selection takes another branch of its selection-bound nodes
          if (changed) for (const [id, now] of this.selected) for (const u of symmetricDifference(before.get(id), now)) changed.add(u);
          for (const ls of this.leaves) if (ls.leaf.requires !== undefined) this.scoreMembers(ls, this.selected.get(ls.leaf.requires) ?? new Map());
          if (changed === undefined) this.values.clear();
          else this.values.clear(changed);
        },
      },
      this.roots,
    );
    this.changed = new Set();
  }

  /** A selection-bound leaf scores its members: units that left are let go, units that entered are folded. */
  private scoreMembers(ls: LeafState, members: ReadonlyMap<string, SelectionReason>): void {
    const next = this.scored.filter((u) => members.has(u.id) && this.values.applies(ls.leaf, u.id));
    const was = new Set(ls.population.map((u) => u.id));
    const now = new Set(next.map((u) => u.id));
    for (const id of was) if (!now.has(id)) this.forget(ls, id);
    for (const u of next) if (!ls.states.has(u.id)) this.fold(ls, u);
    if (!ls.perUnit && (next.length !== was.size || next.some((u) => !was.has(u.id)))) ls.dirty = true;
    if (ls.leaf.pools && !ls.perUnit) {
      // a member that entered another way (listed now, computed before) moves to another pool: both pools' steps change
      const poolOf = assignPools(ls.leaf.pools, next, members);
      if (!samePools(poolOf, ls.poolOf)) ls.dirty = true;
      ls.poolOf = poolOf;
    }
    ls.population = next;
    if (ls.dirty) this.finish(ls);
  }

  private context(ls: LeafState, sink: Issue[], steps = !ls.lean): MethodContext {
    const { leaf } = ls;
    return { leaf: { id: leaf.id, name: leaf.name, max: leaf.max, pointer: leaf.pointer }, units: ls.population, facts: this.index, roster: this.roster, words: this.words, report: (i) => sink.push(i), steps, factTypes: this.factTypeMap, leafPoints: (id, unit) => this.leafById.get(id)?.scores.get(unit)?.points };
  }

  /**
   * A leaf's score of a unit with every step: as kept, or for a lean leaf made
   * now by folding the unit again with steps — the same code on the same facts,
   * so the steps add up to the kept points; its uses and problems were counted
   * by the fold and are not counted again.
   */
  explained(leaf: string, unit: string): UnitScore | undefined {
    const ls = this.leafById.get(leaf);
    const kept = ls?.scores.get(unit);
    const u = this.roster.units.get(unit);
    if (!ls?.lean || kept === undefined || u === undefined) return kept;
    this.index.muted = true;
    try {
      return ls.impl.unit(ls.method, this.context(ls, [], true), u) as UnitScore;
    } finally {
      this.index.muted = false;
    }
  }

  /** Fold one unit's facts for a leaf again, taking back what its previous fold used and reported. */
  private fold(ls: LeafState, unit: RosterUnit): void {
    this.forget(ls, unit.id);
    const issues: Issue[] = [];
    const uses: number[] = [];
    this.index.recorder = this.live ? uses : undefined;
    try {
      ls.states.set(unit.id, ls.impl.unit(ls.method, this.context(ls, issues), unit));
    } finally {
      this.index.recorder = undefined;
    }
    if (issues.length > 0) ls.unitIssues.set(unit.id, issues);
    if (uses.length > 0) ls.unitUses.set(unit.id, uses);
    if (ls.perUnit && !ls.dirty) {
      const score = ls.states.get(unit.id) as UnitScore;
      if (this.changed && ls.scores.get(unit.id)?.points !== score.points) this.changed.add(unit.id);
      ls.scores.set(unit.id, score);
    }
  }

  private forget(ls: LeafState, unit: string): void {
    const uses = ls.unitUses.get(unit);
    if (uses) this.index.release(uses);
    ls.unitUses.delete(unit);
    ls.unitIssues.delete(unit);
    ls.states.delete(unit);
    if (ls.perUnit && !ls.dirty && ls.scores.delete(unit)) this.changed?.add(unit);
  }

  private finish(ls: LeafState): void {
    this.index.release(ls.finishUses);
    const issues: Issue[] = [];
    const uses: number[] = [];
    this.index.recorder = uses;
    const was = ls.scores;
    try {
      const ctx = this.context(ls, issues);
      const { pools, requires } = ls.leaf;
      ls.scores = pools && requires !== undefined && !ls.perUnit ? finishInPools(ls.impl, ls.method, ctx, ls.states, requires, pools, ls.poolOf) : ls.impl.finish(ls.method, ctx, ls.states);
    } finally {
      this.index.recorder = undefined;
    }
    const changed = this.changed;
    if (changed) {
      for (const [u, s] of ls.scores) if (was.get(u)?.points !== s.points) changed.add(u);
      for (const u of was.keys()) if (!ls.scores.has(u)) changed.add(u);
    }
    ls.finishIssues = issues;
    ls.finishUses = uses;
    ls.dirty = false;
  }

  /**
   * Every problem of the season in the order a clerk reads them: the data check,
   * validity, each leaf's (unit by unit, then its population step), facts no rule
   * took, then ranks and classes.
   */
  issues(): Issue[] {
    const out: Issue[] = [...this.checked.issues, ...this.fixedIssues];
    // leaves in the order the flow scores them: those before the selections, then the selection-bound ones
    const inOrder = [...this.leaves.filter((l) => l.leaf.requires === undefined), ...this.leaves.filter((l) => l.leaf.requires !== undefined)];
    for (const ls of inOrder) {
      for (const u of ls.population) out.push(...(ls.unitIssues.get(u.id) ?? []));
      out.push(...ls.finishIssues);
    }
    // a fact the data check already reported (unknown unit, duplicate…) is not reported again as dropped
    const flagged = new Set(this.checked.issues.map((i) => /^\/facts\/(\d+)/.exec(i.path)?.[1]).filter((x) => x !== undefined));
    for (const i of reportDroppedFacts(this.scheme, this.data, this.all, this.index, this.exempt, this.skipped)) if (!flagged.has(/^\/facts\/(\d+)/.exec(i.path)?.[1] ?? '')) out.push(i);
    out.push(...this.population.issues);
    return out;
  }

  /** Warnings for facts of `indexes` no scoring rule took (a live append's answer says so at once). */
  droppedAmong(indexes: Iterable<number>): Issue[] {
    return reportDroppedFacts(this.scheme, this.data, this.all, this.index, this.exempt, this.skipped, indexes);
  }

  /** Every unit with its trace (built now: traces are large and a live season needs them only on demand). */
  units(): UnitResult[] {
    return this.data.units.map((_, i) => this.unitAt(i));
  }

  /** The unit at roster place `i` with its trace, built on demand (a province's traces need not all be in memory at once). */
  unitAt(i: number): UnitResult {
    const u = this.data.units[i] as RosterUnit;
    return unitResult(u, this.exempt.get(u.id), this.population, () => this.roots.map((r) => this.values.trace(r, u.id)));
  }

}

/** Units in exactly one of two sets. */
function symmetricDifference(a: ReadonlyMap<string, unknown> | undefined, b: ReadonlyMap<string, unknown>): string[] {
  const out = [...b.keys()].filter((u) => !a?.has(u));
  if (a) for (const u of a.keys()) if (!b.has(u)) out.push(u);
  return out;
}
