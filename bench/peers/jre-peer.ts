/**
 * json-rules-engine's side of the peers: one JRE rule per scheme rule (its
 * fact type test AND its `when`, the condition objects as the scheme writes
 * them, since pingyi's conditions are JRE's format) and one per modifier (the
 * rule's test AND the modifier's `when`), run per fact with `engine.run`.
 * JRE reports which rules hold; the table semantics around it are a few lines
 * here: the first rule by order wins (hit policy `first`), an exempt modifier
 * makes it 0, multiply modifiers scale its price (fixed, table row, or the
 * recorded amount within the range).
 */
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { clean, type AdjustmentRule, type Condition } from '../../engine/index.ts';
import type { Evaluation } from './pingyi-peer.ts';
import type { DeductionMethod } from './rule-table.ts';

interface RuleEvent {
  rule: number;
  /** Index of the modifier in the rule, or -1 for the rule itself. */
  modifier: number;
}

function jreRules(method: DeductionMethod): RuleProperties[] {
  const out: RuleProperties[] = [];
  method.rules.forEach((r, i) => {
    const base: Condition[] = [{ fact: 'type', operator: 'equal', value: r.factType } as Condition, ...(r.when ? [r.when] : [])];
    const add = (extra: Condition[], modifier: number, name: string) =>
      out.push({ name, conditions: structuredClone({ all: [...base, ...extra] }) as unknown as TopLevelCondition, event: { type: 'hit', params: { rule: i, modifier } satisfies RuleEvent } });
    add([], -1, r.id);
    (r.modifiers ?? []).forEach((m, j) => add([m.when], j, `${r.id}/${m.id}`));
  });
  return out;
}

/** The price of a matched rule on one fact, as the scheme defines it (the input is generated valid: no range or row errors). */
export function priceOf(rule: AdjustmentRule, fact: Record<string, unknown>): number {
  const p = rule.points;
  const base = p.kind === 'fixed' ? p.value : p.kind === 'table' ? (p.values[String(fact[p.field])] as number) : (fact[p.field] as number);
  const q = rule.quantityField === undefined ? 1 : Number(fact[rule.quantityField] ?? 1);
  return base * q;
}

export interface JrePeer {
  rules: number;
  evaluate(scope: Record<string, unknown>): Promise<number>;
  runAll(evals: readonly Evaluation[]): Promise<Float64Array>;
}

export function jrePeer(method: DeductionMethod): JrePeer {
  const rules = jreRules(method);
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  const evaluate = async (scope: Record<string, unknown>): Promise<number> => {
    const { events } = await engine.run(scope);
    let first = Infinity;
    for (const e of events) {
      const p = e.params as unknown as RuleEvent;
      if (p.modifier === -1 && p.rule < first) first = p.rule;
    }
    if (first === Infinity) return 0;
    const rule = method.rules[first] as AdjustmentRule;
    const mods = rule.modifiers ?? [];
    const held = new Set<number>();
    for (const e of events) {
      const p = e.params as unknown as RuleEvent;
      if (p.rule === first && p.modifier >= 0) held.add(p.modifier);
    }
    if (mods.some((m, j) => m.kind === 'exempt' && held.has(j))) return 0;
    let amount = priceOf(rule, scope);
    mods.forEach((m, j) => {
      if (m.kind === 'multiply' && held.has(j)) amount *= m.factor;
    });
    return clean(amount);
  };
  return {
    rules: rules.length,
    evaluate,
    async runAll(evals) {
      const out = new Float64Array(evals.length);
      for (let k = 0; k < evals.length; k++) out[k] = await evaluate((evals[k] as Evaluation).scope);
      return out;
    },
  };
}
