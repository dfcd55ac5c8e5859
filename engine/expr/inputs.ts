import { compileCondition, type CompiledCondition } from '../conditions/index.ts';
import type { Condition } from '../conditions/condition-schema.ts';
import type { RosterUnit } from '../data/dataset.ts';
import type { FactIndex, IndexedFact, RosterIndex } from '../facts/facts-index.ts';
import { factScope, readsRoster } from '../facts/scope.ts';
import { unitFacts } from '../facts/unit-facts.ts';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import { clean } from '../numbers.ts';
import { periodMeasure, periodOrdinal, type PeriodUnit } from '../periods/index.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { FormulaInput } from '../scheme/methods/formula.ts';
import type { Value } from './compile.ts';

/** An input's value for one unit, and how it was found (Chinese, for the explanation). null: missing, already reported. */
export interface InputValue {
  value: Value | null;
  detail: string;
  date?: true;
}

export interface InputContext {
  facts: FactIndex;
  roster: RosterIndex;
  factTypes: ReadonlyMap<string, FactType>;
  report(issue: Issue): void;
  /** Pointer of the method, for problems that concern the scheme's declaration. */
  pointer: string;
}

/** Inputs that read only the unit's (or its parent's) facts: folded per unit, so a live append refolds one unit. */
export type LocalInput = Extract<FormulaInput, { kind: 'constant' | 'count' | 'sum' | 'field' | 'periods' }>;
export type PopulationInput = Exclude<FormulaInput, LocalInput>;

export const isLocal = (i: FormulaInput): i is LocalInput => i.kind === 'constant' || i.kind === 'count' || i.kind === 'sum' || i.kind === 'field' || i.kind === 'periods';

const tests = new WeakMap<Condition, { test: CompiledCondition; scoped: boolean }>();

function matcher(c: Condition | undefined, unit: RosterUnit, roster: RosterIndex): (f: IndexedFact) => boolean {
  if (!c) return () => true;
  let t = tests.get(c);
  if (!t) tests.set(c, (t = { test: compileCondition(c), scoped: readsRoster(c) }));
  const { test, scoped } = t;
  const owner = (f: IndexedFact) => (f.fact.unit !== undefined ? roster.units.get(f.fact.unit) : undefined) ?? unit;
  return (f) => test(scoped ? factScope(f.fact, owner(f), roster.parentOf(owner(f))) : f.fact);
}

function factsOver(ctx: InputContext, unit: RosterUnit, type: string, over: 'unit' | 'parent'): readonly IndexedFact[] {
  if (over === 'unit' || unit.parent === undefined) return unitFacts(ctx.facts, unit, type);
  const siblings = ctx.roster.unitsOfParent.get(unit.parent) ?? [unit];
  return [...siblings.flatMap((u) => ctx.facts.ofUnit(type, u.id)), ...ctx.facts.ofParent(type, unit.parent)];
}

/** The value of a per-unit input: every fact it takes is marked used, so none is dropped silently. */
export function localValue(name: string, input: LocalInput, ctx: InputContext, unit: RosterUnit): InputValue {
  switch (input.kind) {
    case 'constant':
      return { value: input.value, detail: `常数${input.source ? ` 〔${input.source}〕` : ''}` };
    case 'count': {
      const match = matcher(input.when, unit, ctx.roster);
      const hit = factsOver(ctx, unit, input.factType, input.over).filter(match);
      for (const f of hit) ctx.facts.use(f);
      return { value: hit.length, detail: `${input.over === 'parent' ? '同一主管单位' : '本单位'}符合条件的“${ctx.factTypes.get(input.factType)?.name ?? input.factType}”记录 ${hit.length} 条${refs(hit)}` };
    }
    case 'sum': {
      const match = matcher(input.when, unit, ctx.roster);
      const hit = factsOver(ctx, unit, input.factType, input.over).filter(match);
      let total = 0;
      for (const f of hit) {
        ctx.facts.use(f);
        const v = f.fact[input.field];
        if (typeof v === 'number' && Number.isFinite(v)) total = clean(total + v);
        else ctx.report(dataIssue('formula-not-number', joinPointer('', 'facts', f.index, input.field), `字段“${input.field}”须为数值,记录为 ${JSON.stringify(v) ?? '空'}`, `field ${input.field} must be a number`));
      }
      return { value: total, detail: `${hit.length} 条记录的“${input.field}”之和${refs(hit)}` };
    }
    case 'field':
      return fieldValue(name, input, ctx, unit);
    case 'periods':
      return periodsValue(input, ctx, unit);
    default: {
      const never: never = input;
      return never;
    }
  }
}

const refs = (hit: readonly IndexedFact[]) => (hit.length === 0 ? '' : `(${hit.slice(0, 8).map((f) => `/facts/${f.index}`).join(', ')}${hit.length > 8 ? ' …' : ''})`);

function fieldValue(name: string, input: Extract<LocalInput, { kind: 'field' }>, ctx: InputContext, unit: RosterUnit): InputValue {
  const match = matcher(input.when, unit, ctx.roster);
  const hit = unitFacts(ctx.facts, unit, input.factType).filter(match);
  const isDate = (ctx.factTypes.get(input.factType)?.fields.properties[input.field] as { format?: unknown } | undefined)?.format === 'date';
  for (const f of hit) ctx.facts.use(f);
  if (hit.length > 1) {
    ctx.report(dataIssue('formula-several-records', joinPointer('', 'facts', (hit[1] as IndexedFact).index), `输入“${input.name}”只取一条记录,本单位有 ${hit.length} 条`, `input ${name} reads one record; unit ${unit.id} has ${hit.length}`));
    return { value: null, detail: `记录 ${hit.length} 条,应为一条` };
  }
  const f = hit[0];
  if (!f) {
    if (input.missing === 'error') {
      if (!ctx.facts.hadUnusable(input.factType, unit.id)) {
        ctx.report(dataIssue('formula-missing-record', `/units/${ctx.roster.order.get(unit.id) ?? ''}`, `单位 ${unit.id}(${unit.name})缺少“${input.name}”的记录`, `unit ${unit.id} has no ${input.factType} record for input ${name}`));
      }
      return { value: null, detail: '无记录' };
    }
    return { value: input.missing, detail: `无记录,按规定取 ${input.missing}` };
  }
  const raw = f.fact[input.field];
  const value = isDate ? periodOrdinal(raw, 'date') : typeof raw === 'number' || typeof raw === 'boolean' ? raw : undefined;
  if (value === undefined) {
    ctx.report(dataIssue('formula-bad-value', joinPointer('', 'facts', f.index, input.field), `字段“${input.field}”的值 ${JSON.stringify(raw) ?? '空'} 不可用于计算`, `field ${input.field} holds ${JSON.stringify(raw)}, not usable in the formula`));
    return { value: null, detail: '值不可用' };
  }
  return { value, detail: `记录 /facts/${f.index} 的“${input.field}”`, ...(isDate ? { date: true as const } : {}) };
}

function periodsValue(input: Extract<LocalInput, { kind: 'periods' }>, ctx: InputContext, unit: RosterUnit): InputValue {
  const decl = ctx.factTypes.get(input.factType)?.period;
  // validation refuses a period measure on a type without periods; a caller that skipped it still gets no crash
  if (!decl) return { value: null, detail: '事实类型未声明期别' };
  const impl = periodMeasure(input.measure.kind);
  const all = unitFacts(ctx.facts, unit, input.factType);
  const match = matcher(input.when, unit, ctx.roster);
  const markCond = impl.mark(input.measure as never);
  const mark = markCond ? matcher(markCond, unit, ctx.roster) : undefined;
  const matched = new Set<number>();
  const marks = new Set<number>();
  for (const f of all) {
    const isMatch = match(f);
    const isMark = mark?.(f) ?? false;
    if (!isMatch && !isMark) continue;
    ctx.facts.use(f);
    const p = periodOrdinal(f.fact[decl.field], decl.unit);
    if (p === undefined) {
      ctx.report(dataIssue('bad-period', joinPointer('', 'facts', f.index, decl.field), `期别“${String(f.fact[decl.field])}”不是${UNIT_FORMAT[decl.unit]}`, `period ${JSON.stringify(f.fact[decl.field])} is not a ${decl.unit} (${UNIT_FORMAT[decl.unit]})`));
      continue;
    }
    if (isMatch) matched.add(p);
    if (isMark) marks.add(p);
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const m = impl.measure(input.measure as never, { matched: sorted(matched), marks: sorted(marks), unit: decl.unit });
  return { value: m.value, detail: m.zh };
}

const UNIT_FORMAT: Record<PeriodUnit, string> = { month: 'YYYY-MM', quarter: 'YYYY-Q1…Q4', half: 'YYYY-H1/H2', date: 'YYYY-MM-DD' };
