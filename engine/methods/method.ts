import type { RosterUnit } from '../data/dataset.ts';
import type { Issue } from '../issue.ts';
import type { FactIndex, RosterIndex } from '../run/facts-index.ts';
import type { MethodKind, MethodOf } from '../scheme/methods/index.ts';
import type { UnitWords } from '../terms.ts';
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
}

export interface UnitScore {
  points: number;
  steps: Step[];
}

/**
 * One scoring method. It scores all units of a leaf at once because several
 * methods need the population (a mean to blend with, a quota to check, a rank).
 */
export interface ScoringMethod<K extends MethodKind> {
  readonly kind: K;
  score(method: MethodOf<K>, ctx: MethodContext): Map<string, UnitScore>;
}

/** Where a unit is in the data set: the place to point at when something about it is missing. */
export function unitPointer(ctx: Pick<MethodContext, 'roster'>, unit: string): string {
  const i = ctx.roster.order.get(unit);
  return i === undefined ? '/units' : `/units/${i}`;
}
