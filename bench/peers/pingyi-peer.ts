/**
 * pingyi's side of the peers: the scheme's own deduction method
 * (`METHODS.deduction`, the code a scoring run calls) over a roster and its
 * case facts, read back per (unit, fact) from the trace: a `rule` step is the
 * points the fact cost the unit, an `exempt` step is 0, no step is 0.
 */
import { METHODS, formatIssue, type Dataset, type Issue, type MethodContext, type ScoringMethod, type UnitScore } from '../../engine/index.ts';
import { FactIndex, RosterIndex } from '../../engine/facts/facts-index.ts';
import { wordsOf } from '../../engine/terms.ts';
import type { RuleTable } from './rule-table.ts';

/** One evaluation the peers agree on: a fact as seen by one unit (a parent's fact is seen by each of its units). */
export interface Evaluation {
  unit: string;
  fact: number;
  /** What a condition sees: the fact's fields, `$unit` and `$parent`. */
  scope: Record<string, unknown>;
}

export function evaluationsOf(data: Dataset): Evaluation[] {
  const roster = new RosterIndex(data);
  const out: Evaluation[] = [];
  data.facts.forEach((f, i) => {
    const units = f.unit !== undefined ? [roster.units.get(f.unit)] : f.parent !== undefined ? (roster.unitsOfParent.get(f.parent) ?? []) : [];
    for (const u of units) {
      if (!u) continue;
      out.push({ unit: u.id, fact: i, scope: { ...f, $unit: u, $parent: roster.parentOf(u) } });
    }
  });
  return out;
}

export interface PingyiPeer {
  /** Score every unit once with the table, every step of the trace made (what an explanation runs). */
  run(): Map<string, UnitScore>;
  /** The same, points only (`steps: false`): what a scoring run does, the steps being made when a unit is explained. */
  runPoints(): Map<string, UnitScore>;
  /** The points per evaluation of a run, in the order of `evals` (for the comparison, not timed). */
  read(scores: Map<string, UnitScore>): { points: Float64Array; rules: Map<string, number> };
  issues: Issue[];
}

export function pingyiPeer(table: RuleTable, data: Dataset, evals: readonly Evaluation[]): PingyiPeer {
  const issues: Issue[] = [];
  const roster = new RosterIndex(data);
  const facts = new FactIndex(data.facts);
  const ctx: MethodContext = {
    leaf: { id: table.leaf.id, name: table.leaf.name, max: table.leaf.max, pointer: table.leaf.pointer },
    units: data.units,
    facts,
    roster,
    words: wordsOf(table.scheme),
    report: (i) => issues.push(i),
  };
  const method = METHODS.deduction as ScoringMethod<'deduction'>;
  const slot = new Map<string, number>();
  evals.forEach((e, k) => slot.set(`${e.unit}\u0000${e.fact}`, k));
  return {
    issues,
    run: () => method.score(table.method, ctx),
    runPoints: () => method.score(table.method, { ...ctx, steps: false }),
    read(scores) {
      const out = new Float64Array(evals.length);
      const rules = new Map<string, number>();
      for (const [unit, s] of scores)
        for (const step of s.steps) {
          if (step.kind !== 'rule' && step.kind !== 'exempt' && step.kind !== 'deduped') continue;
          const k = slot.get(`${unit}\u0000${step.fact.index}`);
          if (k === undefined) throw new Error(`pingyi scored fact ${step.fact.index} for ${unit}, which is not one of its evaluations`);
          if (step.kind === 'deduped') throw new Error(`fact ${step.fact.index} was deduplicated: the generator must give each fact its own ${table.method.dedupe?.field}`);
          out[k] = step.kind === 'rule' ? Math.abs(step.points) : 0;
          rules.set(step.rule, (rules.get(step.rule) ?? 0) + 1);
        }
      return { points: out, rules };
    },
  };
}

export function describeIssues(issues: readonly Issue[]): string[] {
  return issues.slice(0, 10).map(formatIssue);
}
