import type { UnitScore } from '../methods/method.ts';
import { clean, roundTo } from '../numbers.ts';
import type { IndicatorTrace, Step } from '../trace.ts';
import type { ResolvedIndicator, ResolvedVariant } from './resolve-tree.ts';

/** What the value of an indicator for a unit depends on, as the season holds it. */
export interface ValueSources {
  byId: ReadonlyMap<string, ResolvedIndicator>;
  /** The variant a unit takes, per indicator with variants. */
  variantOf: ReadonlyMap<string, ReadonlyMap<string, ResolvedVariant>>;
  /** A leaf's points for a unit (undefined: not scored for it); its steps may be left out (a lean leaf). */
  leafScore(leaf: string, unit: string): UnitScore | undefined;
  /** The same with every step, for the trace. */
  leafTrace(leaf: string, unit: string): UnitScore | undefined;
  /** Whether a unit is a member of a selection (a node that requires it is scored only for members). */
  isSelected(selection: string, unit: string): boolean;
}

/**
 * Points of indicators for units, from the leaves' scores up: aggregates,
 * variants, selection-bound nodes, rounding. Two walks take the same
 * decisions: `points` for the population step (numbers only, cached per unit;
 * a live append recomputes the moved units' trees and allocates nothing) and
 * `trace` for the explanation, built on demand. The season test checks on
 * every case that each unit's traces add up to the total the points walk gave.
 */
export class IndicatorValues {
  /** Per unit, per indicator: a live append forgets only the units whose leaves moved. */
  private readonly cache = new Map<string, Map<string, number>>();

  constructor(private readonly src: ValueSources) {}

  /** Whether a unit takes every variant this indicator lies inside (always, outside variants). */
  applies(r: ResolvedIndicator, unit: string): boolean {
    return r.within.every((w) => this.src.variantOf.get(w.indicator)?.get(unit)?.id === w.variant);
  }

  /** Points of an indicator for a unit; 0 for an indicator inside a variant the unit does not take. */
  value(indicator: string, unit: string): number {
    let mine = this.cache.get(unit);
    if (!mine) this.cache.set(unit, (mine = new Map()));
    let v = mine.get(indicator);
    if (v === undefined) {
      const r = this.src.byId.get(indicator);
      v = r && this.applies(r, unit) ? this.points(r, unit) : 0;
      mine.set(indicator, v);
    }
    return v;
  }

  /** Points of a node without its steps (no allocation: a live append walks every moved unit's tree). */
  points(r: ResolvedIndicator, unit: string): number {
    const requires = r.node.requires;
    if (requires && !this.src.isSelected(requires.selection, unit)) return this.notSelected(r, unit);
    let points: number;
    const variant = r.variants.length === 0 ? undefined : (this.src.variantOf.get(r.id)?.get(unit) ?? r.variants[r.variants.length - 1]);
    const kids = variant ? variant.children : r.children;
    if (kids.length > 0) {
      let total = 0;
      for (const c of kids) total += this.points(c, unit);
      points = clean((r.node.aggregate ?? 'sum') === 'sum' ? total : total / kids.length);
    } else points = this.src.leafScore(r.id, unit)?.points ?? 0;
    return r.node.rounding ? roundTo(points, r.node.rounding.digits, r.node.rounding.mode) : points;
  }

  private notSelected(r: ResolvedIndicator, unit: string): number {
    const p = (r.node.requires as NonNullable<ResolvedIndicator['node']['requires']>).otherwise;
    return p.kind === 'zero' ? 0 : p.kind === 'fixed' ? p.points : clean((r.max * this.value(p.basis, unit)) / (this.src.byId.get(p.basis)?.max ?? 1));
  }

  /** The node's trace: its points and every step behind them. */
  trace(r: ResolvedIndicator, unit: string): IndicatorTrace {
    return this.build(r, unit);
  }

  /** Forget cached values (leaf scores or selections changed): of these units, or of all. */
  clear(units?: Iterable<string>): void {
    if (units === undefined) this.cache.clear();
    else for (const u of units) this.cache.delete(u);
  }

  /** The trace walk: the same decisions as `points`, with every step (explanations are built on demand). */
  private build(r: ResolvedIndicator, unit: string): IndicatorTrace {
    const base = { id: r.id, name: r.name, max: r.max, outsideTotal: r.outsideTotal };
    const requires = r.node.requires;
    if (requires && !this.src.isSelected(requires.selection, unit)) {
      const p = requires.otherwise;
      const points = this.notSelected(r, unit);
      const step: Step = { kind: 'not-selected', selection: requires.selection, policy: p.kind, points, ...(p.source ? { source: p.source } : {}) };
      return { ...base, points, steps: [step] };
    }
    let points: number;
    let steps: Step[] = [];
    let children: IndicatorTrace[] | undefined;
    const variant = r.variants.length === 0 ? undefined : (this.src.variantOf.get(r.id)?.get(unit) ?? r.variants[r.variants.length - 1]);
    const kids = variant ? variant.children : r.children;
    if (kids.length > 0) {
      const mode = r.node.aggregate ?? 'sum';
      let total = 0;
      children = kids.map((c) => this.trace(c, unit));
      for (const c of children) total += c.points;
      points = clean(mode === 'sum' ? total : total / kids.length);
      steps = [{ kind: 'aggregate', mode, parts: children.map((c) => ({ indicator: c.id, points: c.points })), points }];
      if (variant) {
        const v = variant.node;
        steps.unshift({ kind: 'variant', indicator: r.id, variant: v.id, name: v.name, default: v.when === undefined, ...(v.source ? { source: v.source } : {}) });
      }
    } else {
      const s = this.src.leafTrace(r.id, unit);
      points = s?.points ?? 0;
      if (s) steps = [...s.steps];
    }
    if (r.node.rounding) {
      const after = roundTo(points, r.node.rounding.digits, r.node.rounding.mode);
      if (after !== points) steps.push({ kind: 'round', digits: r.node.rounding.digits, mode: r.node.rounding.mode, before: points, after, ...(r.node.rounding.source ? { source: r.node.rounding.source } : {}) });
      points = after;
    }
    return children ? { ...base, points, steps, children } : { ...base, points, steps };
  }
}
