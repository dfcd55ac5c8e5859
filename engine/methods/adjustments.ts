import { compileCondition, type CompiledCondition } from '../conditions/index.ts';
import type { Fact, RosterUnit } from '../data/dataset.ts';
import { clean } from '../numbers.ts';
import type { IndexedFact, NotScoredReason } from '../facts/facts-index.ts';
import { factScope, readsRoster } from '../facts/scope.ts';
import { unitFacts } from '../facts/unit-facts.ts';
import type { AdjustmentRule, Dedupe, NotScoredRecords, RuleGroup } from '../scheme/adjustment-rule.ts';
import type { Step } from '../trace.ts';
import type { MethodContext } from './method.ts';
import { dispatchOf, type Dispatch } from './rule-dispatch.ts';
import { price } from './rule-price.ts';

/**
 * The shared core of deduction and bonus tables: match facts to rules, price
 * each match (fixed / range / table × quantity × modifiers), count a deed or a
 * person once at its highest, and cap each group. Amounts are magnitudes;
 * `sign` (−1 for deductions) only decides how the trace shows them.
 */
export interface AdjustmentTable {
  hitPolicy: 'first' | 'all';
  rules: readonly AdjustmentRule[];
  groups?: readonly RuleGroup[] | undefined;
  dedupe?: Dedupe | undefined;
  notScored?: readonly NotScoredRecords[] | undefined;
}

export interface CompiledRule {
  rule: AdjustmentRule;
  index: number;
  when: CompiledCondition | undefined;
  /** The condition as written (rule-dispatch.ts reads its guard). */
  condition: unknown;
  modifiers: Array<{ m: NonNullable<AdjustmentRule['modifiers']>[number]; when: CompiledCondition }>;
  /** Amount fields other rules of the table read for this fact type: a value there on a fixed-points match is ignored, and said so. */
  amountFields: string[];
  /** Whether its condition or a modifier's reads `$unit` / `$parent` (else the bare fact is the scope). */
  readsRoster: boolean;
  /** The fact fields its condition and modifiers name. */
  fields: string[];
}

interface Entry {
  rule: CompiledRule;
  item: IndexedFact;
  amount: number;
  /** Absent when the run keeps points only (`ctx.steps === false`). */
  step: Extract<Step, { kind: 'rule' }> | undefined;
}

export interface AdjustmentOutcome {
  /** Sum of magnitudes after dedupe and group caps. */
  total: number;
  steps: Step[];
}

/** A table compiled once per scheme: its rules, and per fact type which of them can match a fact (rule-dispatch.ts). */
export interface CompiledTable {
  rules: CompiledRule[];
  byType: Map<string, Dispatch<CompiledRule>>;
  /** The fact types the rules read, in table order. */
  types: string[];
  /** Whether a rule reads `$unit` / `$parent` (then each fact is seen through a scope). */
  scoped: boolean;
  /** The fact fields set on the shared scope, or undefined when the scope must be a copy (a field named `__proto__`). */
  fields: string[] | undefined;
  /** Records the table declares unscored (`notScored`), per fact type; empty for most tables. */
  notScored: Map<string, Array<{ when: CompiledCondition | undefined; readsRoster: boolean; reason: NotScoredReason }>>;
}

/** `at`: the method's pointer and the indicator's name, for the reason of a declared unscored record. */
export function compileTable(t: AdjustmentTable, at?: { pointer: string; name: string }): CompiledTable {
  const amountFields = (type: string) => [...new Set(t.rules.flatMap((r) => (r.factType === type && r.points.kind === 'range' ? [r.points.field] : [])))];
  const rules: CompiledRule[] = t.rules.map((rule, index) => ({
    rule,
    index,
    amountFields: rule.points.kind === 'fixed' ? amountFields(rule.factType) : [],
    when: rule.when ? compileCondition(rule.when) : undefined,
    condition: rule.when,
    modifiers: (rule.modifiers ?? []).map((m) => ({ m, when: compileCondition(m.when) })),
    readsRoster: readsRoster(rule.when) || (rule.modifiers ?? []).some((m) => readsRoster(m.when)),
    fields: [...new Set([...factNames(rule.when), ...(rule.modifiers ?? []).flatMap((m) => factNames(m.when))])],
  }));
  const types = [...new Set(rules.map((c) => c.rule.factType))];
  const byType = new Map(types.map((type) => [type, dispatchOf(rules.filter((c) => c.rule.factType === type))]));
  const scoped = rules.some((c) => c.readsRoster);
  const notScored: CompiledTable['notScored'] = new Map();
  (t.notScored ?? []).forEach((n, j) => {
    const reason = {
      pointer: `${at?.pointer ?? ''}/notScored/${j}`,
      zh: `“${at?.name ?? ''}”规定“${n.name}”不计分(${n.source})`,
      en: `${n.id}: not scored (${n.source})`,
    };
    notScored.set(n.factType, [...(notScored.get(n.factType) ?? []), { when: n.when ? compileCondition(n.when) : undefined, readsRoster: readsRoster(n.when), reason }]);
  });
  return { rules, byType, types, scoped, fields: scoped ? namedFields(rules) : undefined, notScored };
}

/** Facts that concern a unit: its own, and those about its parent (they apply to every unit of the parent). */
export function factsFor(ctx: MethodContext, unit: RosterUnit, factType: string): readonly IndexedFact[] {
  return unitFacts(ctx.facts, unit, factType);
}

export function applyTable(
  t: AdjustmentTable,
  table: CompiledTable,
  unit: RosterUnit,
  ctx: MethodContext,
  rulesPointer: string,
  sign: 1 | -1,
  only?: (fact: Fact) => boolean,
): AdjustmentOutcome {
  const parent = ctx.roster.parentOf(unit);
  // a scoring run keeps points only; the steps are made when one unit is explained (the same code, so they add up)
  const explain = ctx.steps !== false;
  const steps: Step[] = [];
  const entries: Entry[] = [];
  const items = itemsOf(ctx, unit, table.types, only);

  // a case table is read for a million facts: no scope copy per fact. A rule that never reads the roster is given
  // the bare fact; one that does, one scope per unit whose named fields are set from the fact, once per fact and
  // only when such a rule is tested (a field the fact lacks reads undefined, as it does in a copy of the fact)
  const { scoped, fields } = table;
  const shared: Record<string, unknown> | undefined = fields ? { $unit: unit, $parent: parent } : undefined;
  for (const item of items) {
    const fact = item.fact;
    let scope: Record<string, unknown> | undefined;
    // only the rules whose guard the fact passes are tested (rule-dispatch.ts); the guard field is a fact field,
    // the same in the fact and in its scope
    const candidates = table.byType.get(fact.type)?.candidates(fact) ?? [];
    let taken = false;
    for (const c of candidates) {
      let seen: Record<string, unknown> = fact;
      if (scoped && c.readsRoster) {
        if (scope === undefined) {
          if (shared && fields) {
            for (const f of fields) shared[f] = Object.hasOwn(fact, f) ? fact[f] : undefined;
            scope = shared;
          } else scope = factScope(fact, unit, parent);
        }
        seen = scope;
      }
      if (c.when && !c.when(seen)) continue;
      taken = true;
      ctx.facts.use(item);
      const priced = price(c, item, ctx, rulesPointer);
      if (priced === undefined) break; // input error reported; the fact is not counted
      const exempt = c.modifiers.length === 0 ? undefined : c.modifiers.find((x) => x.m.kind === 'exempt' && x.when(seen));
      if (exempt) {
        if (explain) steps.push({ kind: 'exempt', rule: c.rule.id, modifier: exempt.m.id, name: exempt.m.name, source: exempt.m.source, fact: item.ref });
      } else {
        let amount = priced.base * priced.quantity;
        const applied: Extract<Step, { kind: 'rule' }>['modifiers'] = [];
        for (const x of c.modifiers) {
          if (x.m.kind !== 'multiply' || !x.when(seen)) continue;
          amount *= x.m.factor;
          if (explain) applied.push({ id: x.m.id, name: x.m.name, factor: x.m.factor, source: x.m.source });
        }
        amount = clean(amount);
        let step: Extract<Step, { kind: 'rule' }> | undefined;
        if (explain) {
          step = {
            kind: 'rule',
            rule: c.rule.id,
            name: c.rule.name,
            source: c.rule.source,
            fact: item.ref,
            base: priced.base,
            quantity: priced.quantity,
            modifiers: applied,
            points: clean(sign * amount),
          };
          if (c.rule.group) step.group = c.rule.group;
        }
        entries.push({ rule: c, item, amount, step });
      }
      if (t.hitPolicy === 'first') break;
    }
    if (!taken && table.notScored.size > 0) {
      const hit = table.notScored.get(fact.type)?.find((n) => n.when === undefined || n.when(n.readsRoster ? factScope(fact, unit, parent) : fact));
      if (hit) ctx.facts.notScored(item, hit.reason);
    }
  }

  const kept = t.dedupe ? dedupe(entries, t.dedupe, explain ? steps : undefined) : entries;
  // kept entries are in fact order already; exempt and set-aside steps are merged in by fact (a stable sort)
  const merge = steps.length > 0;
  for (const e of kept) if (e.step) steps.push(e.step);
  if (merge) steps.sort(byFact);

  const byGroup = new Map<string | undefined, number>();
  for (const e of kept) byGroup.set(e.rule.rule.group, (byGroup.get(e.rule.rule.group) ?? 0) + e.amount);
  let total = 0;
  for (const [groupId, raw] of byGroup) {
    const group = groupId === undefined ? undefined : t.groups?.find((g) => g.id === groupId);
    if (group?.cap !== undefined && raw > group.cap) {
      if (explain) steps.push({ kind: 'group-cap', group: group.id, name: group.name, raw: clean(sign * raw), cap: group.cap, applied: clean(sign * group.cap), source: group.source });
      total += group.cap;
    } else total += raw;
  }
  return { total: clean(total), steps };
}

/** The unit's facts (its own and its parent's) of the table's types, in data order; the index's own list when it is the only one. */
function itemsOf(ctx: MethodContext, unit: RosterUnit, types: readonly string[], only: ((fact: Fact) => boolean) | undefined): readonly IndexedFact[] {
  let one: readonly IndexedFact[] | undefined;
  let many: IndexedFact[] | undefined;
  const add = (list: readonly IndexedFact[]) => {
    if (list.length === 0) return;
    if (one === undefined) one = list;
    else (many ??= [...one]).push(...list);
  };
  for (const type of types) {
    add(ctx.facts.ofUnit(type, unit.id));
    if (unit.parent !== undefined) add(ctx.facts.ofParent(type, unit.parent));
  }
  let items = many ?? one ?? NONE;
  if (only) items = items.filter((x) => only(x.fact));
  for (let i = 1; i < items.length; i++) {
    if ((items[i - 1] as IndexedFact).index > (items[i] as IndexedFact).index) return [...items].sort((a, b) => a.index - b.index);
  }
  return items;
}

const NONE: readonly IndexedFact[] = [];

/**
 * The fact fields a table's conditions name, or undefined when one is a name an
 * object cannot hold as a plain field (`__proto__`…): those tables copy the fact.
 */
function namedFields(compiled: readonly CompiledRule[]): string[] | undefined {
  const all = [...new Set(compiled.flatMap((c) => c.fields))].filter((f) => f !== '$unit' && f !== '$parent');
  return all.includes('__proto__') ? undefined : all;
}

/** Fact names a condition reads (`$unit` / `$parent` included), every branch walked. */
function factNames(c: unknown): string[] {
  if (c === null || typeof c !== 'object') return [];
  if (Array.isArray(c)) return c.flatMap(factNames);
  const r = c as Record<string, unknown>;
  return [...(typeof r.fact === 'string' ? [r.fact] : []), ...factNames(r.all), ...factNames(r.any), ...factNames(r.not)];
}

function byFact(a: Step, b: Step): number {
  const fa = 'fact' in a && a.fact ? a.fact.index : 0;
  const fb = 'fact' in b && b.fact ? b.fact.index : 0;
  return fa - fb;
}

/**
 * One key (a person, a deed) counts once per fact type, with its highest entry; the others are shown as set aside.
 * With `rules`, only entries of those rules take part (e.g. sanctions of one person, not every per-person item).
 */
function dedupe(entries: Entry[], d: Dedupe, steps: Step[] | undefined): Entry[] {
  const best = new Map<string, Entry>();
  const keyOf = (e: Entry): unknown => (d.rules === undefined || d.rules.includes(e.rule.rule.id) ? e.item.fact[d.field] : undefined);
  for (const e of entries) {
    const key = keyOf(e);
    if (key === undefined || key === null || key === '') continue;
    const k = `${e.item.fact.type}\u0000${String(key)}`;
    const cur = best.get(k);
    if (!cur || e.amount > cur.amount) best.set(k, e);
  }
  return entries.filter((e) => {
    const key = keyOf(e);
    if (key === undefined || key === null || key === '') return true;
    const winner = best.get(`${e.item.fact.type}\u0000${String(key)}`) as Entry;
    if (winner === e) return true;
    steps?.push({ kind: 'deduped', rule: e.rule.rule.id, fact: e.item.ref, key: String(key), keptFact: winner.item.ref, source: d.source });
    return false;
  });
}
