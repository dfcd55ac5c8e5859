import type { UnitScore } from '../methods/method.ts';
import { clean, roundTo } from '../numbers.ts';
import type { IndicatorTrace, Step } from '../trace.ts';
import type { ResolvedIndicator, ResolvedVariant } from './resolve-tree.ts';

/** What the value of an indicator for a unit depends on, as the season holds it. */
export interface ValueSources {
  byId: ReadonlyMap<string, ResolvedIndicator>;
  /** The variant a unit takes, per indicator with variants. */
  variantOf: ReadonlyMap<string, ReadonlyMap<string, ResolvedVariant>>;
  /** A leaf's points and steps for a unit (undefined: not scored for it). */
  leafScore(leaf: string, unit: string): UnitScore | undefined;
  /** Whether a unit is a member of a selection (a node that requires it is scored only for members). */
  isSelected(selection: string, unit: string): boolean;
}

/**
 * Points of indicators for units, from the leaves' scores up: aggregates,
 * variants, selection-bound nodes, rounding. One walk serves both the
 * population step (points only, cached; a live append recomputes thousands of
 * these) and the explanation (the same walk with its steps), so the two can
 * never disagree about a number.
 */
export class IndicatorValues {
  private readonly cache = new Map<string, number>();

  constructor(private readonly src: ValueSources) {}

  /** Whether a unit takes every variant this indicator lies inside (always, outside variants). */
  applies(r: ResolvedIndicator, unit: string): boolean {
    return r.within.every((w) => this.src.variantOf.get(w.indicator)?.get(unit)?.id === w.variant);
  }

  /** Points of an indicator for a unit; 0 for an indicator inside a variant the unit does not take. */
  value(indicator: string, unit: string): number {
    const key = `${indicator}\u0000${unit}`;
    let v = this.cache.get(key);
    if (v === undefined) {
      const r = this.src.byId.get(indicator);
      v = r && this.applies(r, unit) ? this.walk(r, unit, false).points : 0;
      this.cache.set(key, v);
    }
    return v;
  }

  /** Points of a node without its steps. */
  points(r: ResolvedIndicator, unit: string): number {
    return this.walk(r, unit, false).points;
  }

  /** The node's trace: its points and every step behind them. */
  trace(r: ResolvedIndicator, unit: string): IndicatorTrace {
    return this.walk(r, unit, true) as IndicatorTrace;
  }

  /** Forget cached values (leaf scores or selections changed). */
  clear(): void {
    this.cache.clear();
  }

  private walk(r: ResolvedIndicator, unit: string, explain: boolean): IndicatorTrace | { points: number } {
    const base = { id: r.id, name: r.name, max: r.max, outsideTotal: r.outsideTotal };
    const requires = r.node.requires;
    if (requires && !this.src.isSelected(requires.selection, unit)) {
      const p = requires.otherwise;
      const points =
        p.kind === 'zero' ? 0 : p.kind === 'fixed' ? p.points : clean((r.max * this.value(p.basis, unit)) / (this.src.byId.get(p.basis)?.max ?? 1));
      if (!explain) return { points };
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
      if (explain) {
        children = kids.map((c) => this.trace(c, unit));
        for (const c of children) total += c.points;
      } else for (const c of kids) total += this.walk(c, unit, false).points;
      points = clean(mode === 'sum' ? total : total / kids.length);
      if (explain && children) {
        steps = [{ kind: 'aggregate', mode, parts: children.map((c) => ({ indicator: c.id, points: c.points })), points }];
        if (variant) {
          const v = variant.node;
          steps.unshift({ kind: 'variant', indicator: r.id, variant: v.id, name: v.name, default: v.when === undefined, ...(v.source ? { source: v.source } : {}) });
        }
      }
    } else {
      const s = this.src.leafScore(r.id, unit);
      points = s?.points ?? 0;
      if (explain && s) steps = [...s.steps];
    }
    if (r.node.rounding) {
      const after = roundTo(points, r.node.rounding.digits, r.node.rounding.mode);
      if (explain && after !== points) steps.push({ kind: 'round', digits: r.node.rounding.digits, mode: r.node.rounding.mode, before: points, after, ...(r.node.rounding.source ? { source: r.node.rounding.source } : {}) });
      points = after;
    }
    if (!explain) return { points };
    return children ? { ...base, points, steps, children } : { ...base, points, steps };
  }
}
