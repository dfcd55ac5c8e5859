import { inspectDataset } from '../data/check-dataset.ts';
import { checkDatasetShape } from '../data/dataset-shape.ts';
import type { Dataset, Fact } from '../data/dataset.ts';
import { dataIssue, hasErrors, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Scheme } from '../scheme/scheme.ts';
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
  /** Problems of the appended facts; pointers are `/facts/<index in the season's whole fact list>`. */
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
  private readonly keyed: Map<string, FactType>;
  /** Uniqueness keys seen so far → the fact index holding each. */
  private readonly keys = new Map<string, number>();
  /** The facts of a season whose data set was rejected (a live core holds its own). */
  private rejectedFacts: Fact[] = [];

  constructor(
    private readonly scheme: Scheme,
    private readonly data: Dataset,
  ) {
    this.opened = openCore(scheme, data);
    if ('failed' in this.opened) this.rejectedFacts = [...(Array.isArray(data.facts) ? data.facts : [])];
    this.keyed = new Map(scheme.factTypes.filter((t) => t.key !== undefined).map((t) => [t.id, t]));
    this.allFacts.forEach((f, i) => {
      const k = this.keyOf(f);
      if (k !== undefined && !this.keys.has(k)) this.keys.set(k, i);
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
    const issues = this.check(batch, base);
    if (hasErrors(issues)) return { ok: false, issues, changed: [] };
    const before = this.standing();
    const copies = batch.map((f) => ({ ...f }));
    batch.forEach((f, j) => {
      const k = this.keyOf(f);
      if (k !== undefined && !this.keys.has(k)) this.keys.set(k, base + j);
    });
    const opened = this.opened;
    if ('core' in opened && !copies.some((f) => opened.core.validityTypes.has(f.type))) opened.core.append(copies);
    else {
      const facts = [...this.allFacts, ...copies];
      this.opened = openCore(this.scheme, { ...this.data, facts });
      this.rejectedFacts = 'failed' in this.opened ? facts : [];
    }
    return { ok: true, issues, changed: changes(before, this.standing()) };
  }

  result(): RunResult {
    return 'core' in this.opened ? resultOf(this.opened.core) : this.opened.failed;
  }

  standing(): Map<string, Standing> {
    const out = new Map<string, Standing>();
    if (!('core' in this.opened)) return out;
    const { core } = this.opened;
    for (const u of core.data.units) {
      const s = core.population.units.get(u.id);
      out.set(u.id, s ? { total: s.total, ranks: { ...s.ranks }, classes: [...s.classes] } : { total: null, ranks: {}, classes: [] });
    }
    return out;
  }

  /** The batch checked as a data file's facts would be, pointers into the season's whole list. */
  private check(batch: readonly Fact[], base: number): Issue[] {
    const shift = (i: Issue): Issue => ({ ...i, path: i.path.replace(/^\/facts\/(\d+)/, (_, j: string) => `/facts/${base + Number(j)}`) });
    const shape = checkDatasetShape({ units: [], facts: batch });
    if (shape.length > 0) return shape.map(shift);
    const { units, parents } = this.data;
    const checked = inspectDataset(this.scheme, { units, ...(parents ? { parents } : {}), facts: [...batch] });
    // roster problems belong to the data set, reported when it was opened; keys are checked against every fact below
    const issues = checked.issues.filter((i) => i.path.startsWith('/facts/') && i.code !== 'duplicate-fact').map(shift);
    const seen = new Map<string, number>();
    batch.forEach((f, j) => {
      const k = this.keyOf(f);
      if (k === undefined) return;
      const first = this.keys.get(k) ?? seen.get(k);
      if (first === undefined) {
        seen.set(k, base + j);
        return;
      }
      const ft = this.keyed.get(f.type) as FactType & { key: string[] };
      const what = ft.key.map((x) => `${x}=${String(f[x])}`).join(', ');
      issues.push(
        dataIssue('duplicate-fact', `/facts/${base + j}`, `“${ft.name}”重复:${what} 已见于 /facts/${first}(唯一键 ${ft.key.join(' + ')})`, `duplicate ${ft.id}: ${what} already at /facts/${first} (key ${ft.key.join(' + ')})`),
      );
    });
    return issues;
  }

  /** The uniqueness key of a fact whose type declares one (as the data check builds it). */
  private keyOf(f: Fact): string | undefined {
    const ft = f && typeof f === 'object' && typeof f.type === 'string' ? this.keyed.get(f.type) : undefined;
    return ft?.key ? `${ft.id}\u0000${JSON.stringify(ft.key.map((k) => f[k] ?? null))}` : undefined;
  }
}

/** Units whose total, any rank or classes moved, in roster order. */
function changes(before: ReadonlyMap<string, Standing>, after: ReadonlyMap<string, Standing>): StandingChange[] {
  const out: StandingChange[] = [];
  const same = (a: Standing, b: Standing) =>
    a.total === b.total &&
    a.classes.join('\u0000') === b.classes.join('\u0000') &&
    Object.keys(a.ranks).length === Object.keys(b.ranks).length &&
    Object.entries(a.ranks).every(([k, v]) => b.ranks[k] === v);
  const none: Standing = { total: null, ranks: {}, classes: [] };
  for (const [unit, a] of after) {
    const b = before.get(unit) ?? none;
    if (!same(b, a)) out.push({ unit, before: b, after: a });
  }
  return out;
}
