import type { RosterUnit } from '../data/dataset.ts';
import type { Issue } from '../issue.ts';
import { methodFactTypes } from '../methods/fact-types.ts';
import { perUnitFinish, type ScoringMethod, type UnitScore } from '../methods/method.ts';
import { METHODS } from '../methods/registry.ts';
import type { Method } from '../scheme/methods/index.ts';
import type { ResolvedIndicator } from './resolve-tree.ts';

/** One scored leaf as the season keeps it: each unit's folded state, and the points the population step made of them. */
export interface LeafState {
  leaf: ResolvedIndicator;
  method: Method;
  impl: ScoringMethod<Method['kind'], unknown>;
  /** Fact types the method reads: an appended fact of another type leaves this leaf alone. */
  types: ReadonlySet<string>;
  /** The units it scores now, in roster order (a selection-bound leaf: the members). */
  population: RosterUnit[];
  states: Map<string, unknown>;
  /** Problems and fact uses of each unit's fold, taken back when the unit is folded again. */
  unitIssues: Map<string, Issue[]>;
  unitUses: Map<string, number[]>;
  scores: Map<string, UnitScore>;
  finishIssues: Issue[];
  finishUses: number[];
  dirty: boolean;
  /** A method whose points need no other unit: a fold sets the unit's points at once, no population step. */
  perUnit: boolean;
  /** Folded without steps; a unit's steps are made when it is explained ({@link SeasonCore.explained}). */
  lean: boolean;
  /** 分池: each member's pool, when the leaf's selection declares pools (a population step per pool). */
  poolOf: Map<string, string>;
}

/** A leaf before its first fold: nothing folded, its population step still to run. */
export function leafState(leaf: ResolvedIndicator, method: Method, population: RosterUnit[]): LeafState {
  const impl = METHODS[method.kind] as unknown as ScoringMethod<Method['kind'], unknown>;
  const perUnit = impl.finish === perUnitFinish;
  return {
    leaf,
    method,
    impl,
    types: new Set(methodFactTypes(method, leaf.pointer).map(([t]) => t)),
    population,
    states: new Map(),
    unitIssues: new Map(),
    unitUses: new Map(),
    scores: new Map(),
    finishIssues: [],
    finishUses: [],
    dirty: true,
    perUnit,
    lean: perUnit && impl.lean === true,
    poolOf: new Map(),
  };
}
