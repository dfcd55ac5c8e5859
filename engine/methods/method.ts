import type { RosterUnit } from '../data/dataset.ts';
import type { Issue } from '../issue.ts';
import type { FactIndex, RosterIndex } from '../facts/facts-index.ts';
import type { MethodKind, MethodOf } from '../scheme/methods/index.ts';
import type { UnitWords } from '../terms.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Step } from '../trace.ts';

/** The leaf indicator a method scores, resolved from the tree. */
export interface LeafInfo {
  id: string;
  name: string;
  /** Maximum points of the indicator after percentages are resolved. */
  max: number;
  /** JSON Pointer of the indicator in the scheme. */
  pointer: string;
}

export interface MethodContext {
  leaf: LeafInfo;
  /** The units to score, in roster order. Methods that rank or average work over exactly these. */
  units: readonly RosterUnit[];
  facts: FactIndex;
  roster: RosterIndex;
  /** What the scheme calls units and parents (科室 / 单位), for messages. */
  words: UnitWords;
  /** Input problems found while scoring (range out of bounds, quota broken…) go here, with data pointers. */
  report(issue: Issue): void;
  /** The scheme's fact types by id: a formula reads field types and period declarations. */
  factTypes?: ReadonlyMap<string, FactType>;
  /** Points of another leaf for a unit, once that leaf is finished (a formula's `indicator` input); undefined: not scored for it. */
  leafPoints?(leaf: string, unit: string): number | undefined;
  /**
   * false: points only. A lean method ({@link ScoringMethod.lean}) may then
   * leave its steps out; the season makes them when one unit is explained.
   * Absent or true: every step.
   */
  steps?: boolean;
}

export interface UnitScore {
  points: number;
  steps: Step[];
}

/**
 * One scoring method, split in two so that a live season re-folds only the
 * units a new fact concerns (issue: one vote must not rescore a million):
 * - `unit` folds the facts that concern one unit (its own and its parent's)
 *   into a state of the method's own type, reading no other unit's facts;
 * - `finish` turns every unit's state into points, with whatever the
 *   population decides (a mean to blend with, a quota to check, a rank). It
 *   is cheap over the units and may read the leaf's facts only where the
 *   method ranks parents by their own records.
 * `score` runs both over `ctx.units`: the batch path.
 */
export interface ScoringMethod<K extends MethodKind, S = unknown> {
  readonly kind: K;
  /**
   * Its points need no other unit (`finish` is {@link perUnitFinish}) and `unit`
   * honours `ctx.steps === false`: a season folds it without steps (a case
   * table's are most of a province's memory) and runs `unit` again, with
   * steps, for the one unit it explains.
   */
  readonly lean?: boolean;
  unit(method: MethodOf<K>, ctx: MethodContext, unit: RosterUnit): S;
  finish(method: MethodOf<K>, ctx: MethodContext, states: ReadonlyMap<string, S>): Map<string, UnitScore>;
  score(method: MethodOf<K>, ctx: MethodContext): Map<string, UnitScore>;
}

/** A method from its two parts; `score` is always the two run in order, so batch and live cannot drift apart. */
export function defineMethod<K extends MethodKind, S>(parts: Omit<ScoringMethod<K, S>, 'score'>): ScoringMethod<K, S> {
  return {
    ...parts,
    score(method, ctx) {
      const states = new Map<string, S>();
      for (const u of ctx.units) states.set(u.id, parts.unit(method, ctx, u));
      return parts.finish(method, ctx, states);
    },
  };
}

/** A method whose points need no other unit: `finish` hands the states on. */
export function perUnitFinish(_method: unknown, ctx: MethodContext, states: ReadonlyMap<string, UnitScore>): Map<string, UnitScore> {
  const out = new Map<string, UnitScore>();
  for (const u of ctx.units) {
    const s = states.get(u.id);
    if (s) out.set(u.id, s);
  }
  return out;
}

/** Compiled once per method object (conditions, rule tables): a live season calls `unit` once per touched unit. */
export function compiledFor<M extends object, T>(cache: WeakMap<M, T>, method: M, make: () => T): T {
  let v = cache.get(method);
  if (v === undefined) cache.set(method, (v = make()));
  return v;
}

/** Where a unit is in the data set: the place to point at when something about it is missing. */
export function unitPointer(ctx: Pick<MethodContext, 'roster'>, unit: string): string {
  const i = ctx.roster.order.get(unit);
  return i === undefined ? '/units' : `/units/${i}`;
}
