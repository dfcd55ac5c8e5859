import { UniqueKeys } from '../data/check-dataset.ts';
import { factChecker, type FactChecker } from '../data/check-fact.ts';
import { checkDatasetShape } from '../data/dataset-shape.ts';
import type { Dataset, Fact } from '../data/dataset.ts';
import { hasErrors, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { Population, UnitStanding } from './population.ts';
import type { RunResult } from './result.ts';
import type { SeasonCore } from './season-core.ts';
import { openCore, resultOf } from './score-scheme.ts';

/** What the headline table shows for one unit. `total` is null for an exempt unit. */
export interface Standing {
  total: number | null;
  ranks: Record<string, number>;
  classes: string[];
}

export interface StandingChange {
  unit: string;
  before: Standing;
  after: Standing;
}

export interface AppendResult {
  /** false when the batch holds an error: then nothing of the batch was applied. */
  ok: boolean;
  /** Problems of the appended facts, warnings for those no rule took; pointers are `/facts/<index in the season's whole fact list>`. */
  issues: Issue[];
  /** Units whose total, a rank or classes moved, in roster order. */
  changed: StandingChange[];
}

export interface Season {
  /** Check and fold a batch (one fact or many): per-unit work of the touched units, then the population step. */
  append(facts: readonly Fact[]): AppendResult;
  /** The full result, equal to scoring the data set with every appended fact from scratch. */
  result(): RunResult;
  /** Standing of every unit of the roster now (no traces). */
  standing(): Map<string, Standing>;
  /** Facts in the season (initial and appended). */
  readonly factCount: number;
}

/**
 * A live season (issue: one new vote must not rescore a million facts). The
 * data set is scored once; an appended fact is checked like a data file's
 * (same codes; keys against every fact so far), indexed, the units it concerns
 * are folded again in the leaves that read its type, and the population step
 * (means, quotas, selections, ranks, classes) runs over the units' states.
 * Two cases rebuild from scratch instead, because a single fact can change what
 * every other fact means: a type a validity rule counts (it may void ballots),
 * and a season whose data set was rejected (nothing incremental to keep).
 * The season never mutates `data` or the facts given to it.
 */
export function openSeason(scheme: Scheme, data: Dataset): Season {
  return new LiveSeason(scheme, data);
}

class LiveSeason implements Season {
  private opened: { core: SeasonCore } | { failed: RunResult };
  /** Uniqueness keys of every fact so far. */
  private readonly keys = new UniqueKeys();
  private readonly checker: FactChecker;
  private readonly types: ReadonlyMap<string, FactType>;
  /** The facts of a season whose data set was rejected (a live core holds its own). */
  private rejectedFacts: Fact[] = [];

  constructor(
    private readonly scheme: Scheme,
    private readonly data: Dataset,
  ) {
    this.opened = openCore(scheme, data, true);
    if ('failed' in this.opened) this.rejectedFacts = [...(Array.isArray(data.facts) ? data.facts : [])];
    const units = Array.isArray(data.units) ? data.units : [];
    this.checker = factChecker(scheme, { units: new Set(units.map((u) => u?.id)), parents: new Set((Array.isArray(data.parents) ? data.parents : []).map((p) => p?.id)) });
    this.types = new Map(scheme.factTypes.map((t) => [t.id, t]));
    this.allFacts.forEach((f, i) => {
      const ft = f && typeof f === 'object' && typeof f.type === 'string' ? this.types.get(f.type) : undefined;
      if (ft) this.keys.check(f, i, ft, []);
    });
  }

  private get allFacts(): readonly Fact[] {
    return 'core' in this.opened ? this.opened.core.facts : this.rejectedFacts;
  }

  get factCount(): number {
    return this.allFacts.length;
  }

  append(batch: readonly Fact[]): AppendResult {
    const base = this.allFacts.length;
    const keys = this.keys.layer();
    const issues = this.check(batch, base, keys);
    if (hasErrors(issues)) return { ok: false, issues, changed: [] };
    keys.commit();
    const before = this.populationNow();
    const copies = batch.map((f) => ({ ...f }));
    const opened = this.opened;
    if ('core' in opened && !copies.some((f) => opened.core.validityTypes.has(f.type))) opened.core.append(copies);
    else {
      const facts = [...this.allFacts, ...copies];
      this.opened = openCore(this.scheme, { ...this.data, facts }, true);
      this.rejectedFacts = 'failed' in this.opened ? facts : [];
    }
    // nothing dropped silently: an appended fact no rule took (an exempt unit, a unit outside the round) is said at once
    if ('core' in this.opened) issues.push(...this.opened.core.droppedAmong(copies.map((_, j) => base + j)));
    const units = Array.isArray(this.data.units) ? this.data.units.map((u) => u?.id) : [];
    return { ok: true, issues, changed: changes(units, before, this.populationNow()) };
  }

  result(): RunResult {
    return 'core' in this.opened ? resultOf(this.opened.core) : this.opened.failed;
  }

  standing(): Map<string, Standing> {
    const p = this.populationNow();
    return new Map((Array.isArray(this.data.units) ? this.data.units : []).map((u) => [u?.id, standingOf(p?.units.get(u?.id))]));
  }

  /** The population step's outcome now (never mutated once made: an append makes a new one). */
  private populationNow(): Population | undefined {
    return 'core' in this.opened ? this.opened.core.population : undefined;
  }

  /** The batch checked as a data file's facts are (same codes and words), pointers into the season's whole list. */
  private check(batch: readonly Fact[], base: number, keys: UniqueKeys): Issue[] {
    const shape = checkDatasetShape({ units: [], facts: batch });
    if (shape.length > 0) return shape.map((i) => ({ ...i, path: i.path.replace(/^\/facts\/(\d+)/, (_, j: string) => `/facts/${base + Number(j)}`) }));
    const issues: Issue[] = [];
    batch.forEach((f, j) => this.checker.check(f, base + j, issues, (fact, i, ft) => keys.check(fact, i, ft, issues)));
    return issues;
  }
}

function standingOf(s: UnitStanding | undefined): Standing {
  return s ? { total: s.total, ranks: { ...s.ranks }, classes: [...s.classes] } : { total: null, ranks: {}, classes: [] };
}

/** Units whose total, any rank or classes moved, in roster order; compared in place, copied only when they moved. */
function changes(units: readonly string[], before: Population | undefined, after: Population | undefined): StandingChange[] {
  const out: StandingChange[] = [];
  const same = (a: UnitStanding | undefined, b: UnitStanding | undefined): boolean => {
    if (a === undefined || b === undefined) return a === b;
    if (a.total !== b.total || a.classes.length !== b.classes.length || a.classes.some((c, i) => b.classes[i] !== c)) return false;
    const ka = Object.keys(a.ranks);
    return ka.length === Object.keys(b.ranks).length && ka.every((k) => a.ranks[k] === b.ranks[k]);
  };
  for (const unit of units) {
    const a = before?.units.get(unit);
    const b = after?.units.get(unit);
    if (!same(a, b)) out.push({ unit, before: standingOf(a), after: standingOf(b) });
  }
  return out;
}
