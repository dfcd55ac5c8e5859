/**
 * What a scheme change does to real data: the same data set scored under
 * both versions, unit by unit. A reviewer reads the diff for what changed in
 * the rules and the impact for whom it hurts or helps.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Issue } from '../issue.ts';
import { clean } from '../numbers.ts';
import type { RunResult, UnitResult } from '../run/result.ts';
import { scoreScheme } from '../run/score-scheme.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { Ref } from './change.ts';

export interface Before<T> {
  before: T;
  after: T;
}

export interface UnitImpact {
  unit: string;
  name: string;
  /** null: the unit is not in that run's result (the run failed on its input). */
  status: Before<UnitResult['status'] | null>;
  /** null when the unit is not scored (exempt, or the run failed). */
  total: Before<number | null>;
  /** after − before; null when either side has no total. */
  delta: number | null;
  /** Rank in the headline ranking; null outside its pool. */
  rank: Before<number | null>;
  /** Rank per ranking id present in both versions. */
  ranks: Record<string, Before<number | null>>;
  classes: Before<string[]>;
  /** Classes the unit enters / leaves. */
  entered: string[];
  left: string[];
  /** Whether anything about the unit changed: total, status, a rank or a class. */
  moved: boolean;
}

export interface ClassChange {
  unit: string;
  name: string;
  entered: Ref[];
  left: Ref[];
}

export interface Impact {
  /** The first ranking present in both versions (by id), whose ranks head the table. */
  headline: Ref | null;
  /** Every ranking present in both versions, in the new version's order. */
  rankings: Ref[];
  /** Every unit, largest movers first: by |delta| of total, then by the change of headline rank. */
  units: UnitImpact[];
  /** Units whose classification changed, in the same order. */
  classChanges: ClassChange[];
  ok: Before<boolean>;
  /** The issues of either run, passed through. */
  issues: Before<Issue[]>;
}

const scored = (u: UnitResult | undefined): number | null => (u && u.status === 'scored' ? u.total : null);
const rankIn = (u: UnitResult | undefined, id: string | undefined): number | null => (u && id !== undefined ? (u.ranks[id] ?? null) : null);

export function impactOf(a: Scheme, b: Scheme, data: Dataset): Impact {
  const ra = scoreScheme(a, data);
  const rb = scoreScheme(b, data);
  const rankings: Ref[] = b.rankings.filter((r) => a.rankings.some((x) => x.id === r.id)).map((r) => ({ id: r.id, name: r.name }));
  // "first common ranking": first in the old version's order that the new one keeps
  const first = a.rankings.find((r) => b.rankings.some((x) => x.id === r.id));
  const headline = first ? { id: first.id, name: b.rankings.find((x) => x.id === first.id)?.name ?? first.name } : null;
  const units = unitsOf(ra, rb).map(({ id, name, ua, ub }) => unitImpact(id, name, ua, ub, rankings, headline?.id));
  const order = new Map(units.map((u, i) => [u.unit, i]));
  units.sort((x, y) => moveSize(y) - moveSize(x) || rankMove(y) - rankMove(x) || (order.get(x.unit) ?? 0) - (order.get(y.unit) ?? 0));
  const className = classNames(a, b);
  const classChanges = units
    .filter((u) => u.entered.length > 0 || u.left.length > 0)
    .map((u) => ({ unit: u.unit, name: u.name, entered: u.entered.map(className), left: u.left.map(className) }));
  return { headline, rankings, units, classChanges, ok: { before: ra.ok, after: rb.ok }, issues: { before: ra.issues, after: rb.issues } };
}

/** The units of both runs in roster order (the same data, so the same roster, unless one run failed). */
function unitsOf(ra: RunResult, rb: RunResult): Array<{ id: string; name: string; ua?: UnitResult; ub?: UnitResult }> {
  const byA = new Map(ra.units.map((u) => [u.unit, u]));
  const byB = new Map(rb.units.map((u) => [u.unit, u]));
  const ids = [...new Set([...ra.units.map((u) => u.unit), ...rb.units.map((u) => u.unit)])];
  return ids.map((id) => {
    const ua = byA.get(id);
    const ub = byB.get(id);
    return { id, name: ub?.name ?? ua?.name ?? id, ...(ua ? { ua } : {}), ...(ub ? { ub } : {}) };
  });
}

function unitImpact(unit: string, name: string, ua: UnitResult | undefined, ub: UnitResult | undefined, rankings: Ref[], headline: string | undefined): UnitImpact {
  const total = { before: scored(ua), after: scored(ub) };
  const delta = total.before !== null && total.after !== null ? clean(total.after - total.before) : null;
  const ranks: Record<string, Before<number | null>> = {};
  for (const r of rankings) ranks[r.id] = { before: rankIn(ua, r.id), after: rankIn(ub, r.id) };
  const classes = { before: ua?.classes ?? [], after: ub?.classes ?? [] };
  const entered = classes.after.filter((c) => !classes.before.includes(c));
  const left = classes.before.filter((c) => !classes.after.includes(c));
  const status = { before: ua?.status ?? null, after: ub?.status ?? null };
  const moved =
    status.before !== status.after ||
    total.before !== total.after ||
    entered.length > 0 ||
    left.length > 0 ||
    Object.values(ranks).some((r) => r.before !== r.after);
  return { unit, name, status, total, delta, rank: { before: rankIn(ua, headline), after: rankIn(ub, headline) }, ranks, classes, entered, left, moved };
}

/**
 * |delta|; a unit scored on one side only (exempted or no longer exempt)
 * has moved more than any delta can say, so it sorts first.
 */
function moveSize(u: UnitImpact): number {
  if (u.delta !== null) return Math.abs(u.delta);
  return u.status.before !== u.status.after ? Infinity : 0;
}

/** |change of headline rank|; entering or leaving the ranking counts as the largest change. */
function rankMove(u: UnitImpact): number {
  const { before, after } = u.rank;
  if (before === null && after === null) return 0;
  if (before === null || after === null) return Infinity;
  return Math.abs(after - before);
}

function classNames(a: Scheme, b: Scheme): (id: string) => Ref {
  const names = new Map<string, string>();
  for (const c of [...(a.classifications ?? []), ...(b.classifications ?? [])]) names.set(c.id, c.name);
  return (id) => ({ id, name: names.get(id) ?? id });
}
