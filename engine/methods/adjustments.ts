import { compileCondition, type CompiledCondition } from '../conditions/index.ts';
import type { Fact, RosterUnit } from '../data/dataset.ts';
import { dataIssue, joinPointer } from '../issue.ts';
import { clean } from '../numbers.ts';
import type { IndexedFact } from '../run/facts-index.ts';
import { factScope, readsRoster } from '../run/scope.ts';
import { unitFacts } from '../run/veto.ts';
import type { AdjustmentRule, Dedupe, RuleGroup } from '../scheme/adjustment-rule.ts';
import type { Step } from '../trace.ts';
import type { MethodContext } from './method.ts';

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
}

interface CompiledRule {
  rule: AdjustmentRule;
  index: number;
  when: CompiledCondition | undefined;
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
  step: Extract<Step, { kind: 'rule' }>;
}

export interface AdjustmentOutcome {
  /** Sum of magnitudes after dedupe and group caps. */
  total: number;
  steps: Step[];
}

export function compileTable(t: AdjustmentTable): CompiledRule[] {
  const amountFields = (type: string) => [...new Set(t.rules.flatMap((r) => (r.factType === type && r.points.kind === 'range' ? [r.points.field] : [])))];
  return t.rules.map((rule, index) => ({
    rule,
    index,
    amountFields: rule.points.kind === 'fixed' ? amountFields(rule.factType) : [],
    when: rule.when ? compileCondition(rule.when) : undefined,
    modifiers: (rule.modifiers ?? []).map((m) => ({ m, when: compileCondition(m.when) })),
    readsRoster: readsRoster(rule.when) || (rule.modifiers ?? []).some((m) => readsRoster(m.when)),
    fields: [...new Set([...factNames(rule.when), ...(rule.modifiers ?? []).flatMap((m) => factNames(m.when))])],
  }));
}

/** Facts that concern a unit: its own, and those about its parent (they apply to every unit of the parent). */
export function factsFor(ctx: MethodContext, unit: RosterUnit, factType: string): readonly IndexedFact[] {
  return unitFacts(ctx.facts, unit, factType);
}

export function applyTable(
  t: AdjustmentTable,
  compiled: readonly CompiledRule[],
  unit: RosterUnit,
  ctx: MethodContext,
  rulesPointer: string,
  sign: 1 | -1,
  only?: (fact: Fact) => boolean,
): AdjustmentOutcome {
  const parent = ctx.roster.parentOf(unit);
  const steps: Step[] = [];
  const entries: Entry[] = [];
  const types = [...new Set(compiled.map((c) => c.rule.factType))];
  const items = types
    .flatMap((type) => [...factsFor(ctx, unit, type)])
    .filter((x) => !only || only(x.fact))
    .sort((a, b) => a.ref.index - b.ref.index);

  // a case table is read for a million facts: no scope copy per fact. A table that never reads the roster is given
  // the bare fact; one that does, one scope per unit whose named fields are set from each fact in turn (a field the
  // fact lacks reads undefined, as it does in a copy of the fact)
  const scoped = compiled.some((c) => c.readsRoster);
  const fields = scoped ? namedFields(compiled) : undefined;
  const shared: Record<string, unknown> | undefined = fields ? { $unit: unit, $parent: parent } : undefined;
  for (const item of items) {
    let scope: Record<string, unknown> = item.fact;
    if (scoped) {
      if (shared && fields) {
        for (const f of fields) shared[f] = Object.hasOwn(item.fact, f) ? item.fact[f] : undefined;
        scope = shared;
      } else scope = factScope(item.fact, unit, parent);
    }
    for (const c of compiled) {
      if (c.rule.factType !== item.fact.type) continue;
      if (c.when && !c.when(scope)) continue;
      ctx.facts.use(item);
      const priced = price(c, item, ctx, rulesPointer);
      if (priced === undefined) break; // input error reported; the fact is not counted
      const exempt = c.modifiers.find((x) => x.m.kind === 'exempt' && x.when(scope));
      if (exempt) {
        steps.push({ kind: 'exempt', rule: c.rule.id, modifier: exempt.m.id, name: exempt.m.name, source: exempt.m.source, fact: item.ref });
      } else {
        const applied = c.modifiers
          .filter((x) => x.m.kind === 'multiply' && x.when(scope))
          .map((x) => ({ id: x.m.id, name: x.m.name, factor: x.m.kind === 'multiply' ? x.m.factor : 1, source: x.m.source }));
        const amount = clean(applied.reduce((acc, x) => acc * x.factor, priced.base * priced.quantity));
        const step: Extract<Step, { kind: 'rule' }> = {
          kind: 'rule',
          rule: c.rule.id,
          name: c.rule.name,
          source: c.rule.source,
          fact: item.ref,
          base: priced.base,
          quantity: priced.quantity,
          modifiers: applied,
          points: clean(sign * amount),
          ...(c.rule.group ? { group: c.rule.group } : {}),
        };
        entries.push({ rule: c, item, amount, step });
      }
      if (t.hitPolicy === 'first') break;
    }
  }

  const kept = t.dedupe ? dedupe(entries, t.dedupe, steps) : entries;
  for (const e of kept) steps.push(e.step);
  steps.sort(byFact);

  const byGroup = new Map<string | undefined, number>();
  for (const e of kept) byGroup.set(e.rule.rule.group, (byGroup.get(e.rule.rule.group) ?? 0) + e.amount);
  let total = 0;
  for (const [groupId, raw] of byGroup) {
    const group = groupId === undefined ? undefined : t.groups?.find((g) => g.id === groupId);
    if (group && raw > group.cap) {
      steps.push({ kind: 'group-cap', group: group.id, name: group.name, raw: clean(sign * raw), cap: group.cap, applied: clean(sign * group.cap), source: group.source });
      total += group.cap;
    } else total += raw;
  }
  return { total: clean(total), steps };
}

const named = new WeakMap<readonly CompiledRule[], string[] | null>();

/**
 * The fact fields a table's conditions name, or null when one is a name an
 * object cannot hold as a plain field (`__proto__`…): those tables copy the fact.
 */
function namedFields(compiled: readonly CompiledRule[]): string[] | undefined {
  let v = named.get(compiled);
  if (v === undefined) {
    const all = [...new Set(compiled.flatMap((c) => c.fields))].filter((f) => f !== '$unit' && f !== '$parent');
    v = all.includes('__proto__') ? null : all;
    named.set(compiled, v);
  }
  return v ?? undefined;
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

function price(c: CompiledRule, item: IndexedFact, ctx: MethodContext, rulesPointer: string): { base: number; quantity: number } | undefined {
  const p = c.rule.points;
  const fact = item.fact;
  let base: number;
  switch (p.kind) {
    case 'fixed':
      base = p.value;
      for (const f of c.amountFields) {
        if (fact[f] === undefined) continue;
        ctx.report(
          dataIssue(
            'amount-ignored',
            joinPointer('', 'facts', item.ref.index, f),
            `规则“${c.rule.name}”(${c.rule.source})为固定分值 ${p.value} 分,记录中的 ${f} = ${JSON.stringify(fact[f])} 不起作用`,
            `rule "${c.rule.id}" has fixed points ${p.value}; the recorded ${f} = ${JSON.stringify(fact[f])} is ignored`,
            'warning',
          ),
        );
      }
      break;
    case 'range': {
      const v = fact[p.field];
      if (v === undefined) return missingField(c, item, p.field, ctx);
      if (typeof v !== 'number' || v < p.min || v > p.max) {
        ctx.report(
          dataIssue(
            'amount-out-of-range',
            joinPointer('', 'facts', item.ref.index, p.field),
            `规则“${c.rule.name}”(${c.rule.source})视情分值应在 ${p.min}–${p.max} 之间,记录为 ${JSON.stringify(v)}`,
            `rule "${c.rule.id}" takes an amount within ${p.min}–${p.max}; the fact records ${JSON.stringify(v)} (scheme ${rulesPointer}/${c.index}/points)`,
          ),
        );
        return undefined;
      }
      base = v;
      break;
    }
    case 'table': {
      const key = fact[p.field];
      if (key === undefined) return missingField(c, item, p.field, ctx);
      // own rows only: a recorded "toString" is not a row of the table
      const row = String(key);
      const v = Object.hasOwn(p.values, row) ? p.values[row] : undefined;
      if (v === undefined) {
        ctx.report(
          dataIssue(
            'table-key-unknown',
            joinPointer('', 'facts', item.ref.index, p.field),
            `规则“${c.rule.name}”的分值表没有“${row}”这一项(可选:${Object.keys(p.values).join('、')})`,
            `rule "${c.rule.id}" has no row "${row}" (rows: ${Object.keys(p.values).join(', ')})`,
          ),
        );
        return undefined;
      }
      base = v;
      break;
    }
    default: {
      const never: never = p;
      return never;
    }
  }
  let quantity = 1;
  if (c.rule.quantityField !== undefined) {
    const q = fact[c.rule.quantityField];
    quantity = q === undefined ? 1 : Number(q);
    if (!(Number.isFinite(quantity) && quantity >= 0)) {
      ctx.report(
        dataIssue(
          'bad-quantity',
          joinPointer('', 'facts', item.ref.index, c.rule.quantityField),
          `规则“${c.rule.name}”的数量(人次)须为不小于 0 的数,记录为 ${JSON.stringify(q)}`,
          `rule "${c.rule.id}" needs a quantity ≥ 0; the fact records ${JSON.stringify(q)}`,
        ),
      );
      return undefined;
    }
  }
  return { base, quantity };
}

/** A rule reads a field the fact does not have: name the field, never "undefined". */
function missingField(c: CompiledRule, item: IndexedFact, field: string, ctx: MethodContext): undefined {
  ctx.report(
    dataIssue(
      'missing-field',
      joinPointer('', 'facts', item.ref.index, field),
      `缺少字段 ${field}(规则“${c.rule.name}”按此字段计分,${c.rule.source})`,
      `missing field ${field} (rule "${c.rule.id}" prices the fact by it)`,
    ),
  );
  return undefined;
}

/**
 * One key (a person, a deed) counts once per fact type, with its highest entry; the others are shown as set aside.
 * With `rules`, only entries of those rules take part (e.g. sanctions of one person, not every per-person item).
 */
function dedupe(entries: Entry[], d: Dedupe, steps: Step[]): Entry[] {
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
    steps.push({ kind: 'deduped', rule: e.rule.rule.id, fact: e.item.ref, key: String(key), keptFact: winner.item.ref, source: d.source });
    return false;
  });
}
