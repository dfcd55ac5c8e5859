import type { RosterUnit } from '../data/dataset.ts';
import { isLocal, localValue, prepareFormula, type EvalEnv, type ExprStep, type InputValue, type PreparedFormula, type Value } from '../expr/index.ts';
import { dataIssue, schemeIssue, type Issue } from '../issue.ts';
import { clean, roundTo } from '../numbers.ts';
import type { FormulaInput, FormulaMethod } from '../scheme/methods/formula.ts';
import type { Step } from '../trace.ts';
import { compiledFor, defineMethod, type MethodContext, type UnitScore } from './method.ts';

type State = Map<string, InputValue>;

const prepared = new WeakMap<FormulaMethod, { issues: Issue[]; prepared?: PreparedFormula }>();

const exprStep = (s: ExprStep): Step => ({ kind: 'formula-op', text: s.text, with: s.with, value: s.value, ...(s.date ? { date: true as const } : {}) });

/** B.12: points from an expression over declared inputs; population inputs (max, place…) are settled in `finish`. */
export const formula = defineMethod<'formula', State>({
  kind: 'formula',
  unit(m, ctx, unit) {
    const state: State = new Map();
    const ictx = { facts: ctx.facts, roster: ctx.roster, factTypes: ctx.factTypes ?? new Map(), report: ctx.report, pointer: ctx.leaf.pointer };
    for (const [name, input] of Object.entries(m.inputs)) if (isLocal(input)) state.set(name, localValue(name, input, ictx, unit));
    return state;
  },
  finish(m, ctx, states) {
    const p = compiledFor(prepared, m, () => prepareFormula(m, ctx.factTypes ?? new Map(), `${ctx.leaf.pointer}/method`, ctx.leaf.max));
    const out = new Map<string, UnitScore>();
    if (!p.prepared) {
      for (const i of p.issues) ctx.report(i);
      for (const u of ctx.units) out.set(u.id, { points: 0, steps: [{ kind: 'missing', policy: 'error', points: 0 }] });
      return out;
    }
    const run = p.prepared;
    for (const [name, input] of Object.entries(m.inputs)) if (!isLocal(input)) settle(name, input, ctx, states);
    for (const unit of ctx.units) out.set(unit.id, evaluate(m, run, ctx, unit, states.get(unit.id) ?? new Map()));
    return out;
  },
});

function evaluate(m: FormulaMethod, run: PreparedFormula, ctx: MethodContext, unit: RosterUnit, state: State): UnitScore {
  const withSteps = ctx.steps !== false;
  const steps: Step[] = [];
  const values: Value[] = [];
  let missing = false;
  for (const name of run.names) {
    const v = state.get(name) ?? { value: null, detail: '无' };
    const input = m.inputs[name] as FormulaInput;
    if (withSteps) steps.push({ kind: 'formula-input', name, label: input.name, value: v.value, detail: v.detail, ...(v.date ? { date: true as const } : {}) });
    if (v.value === null) missing = true;
    values.push(v.value ?? 0);
  }
  if (missing) {
    // an input missing is an input error already reported at its data pointer: no number is made up
    steps.push({ kind: 'missing', policy: 'error', points: 0 });
    return { points: 0, steps };
  }
  const trace: ExprStep[] | undefined = withSteps ? [] : undefined;
  const env: EvalEnv = {
    values,
    ...(trace ? { steps: trace } : {}),
    onZero(text) {
      const z = m.zeroDivision;
      if (z) {
        trace?.push({ text, with: '除数为 0', value: z.value });
        return z.value;
      }
      ctx.report(dataIssue('zero-division', `/units/${ctx.roster.order.get(unit.id) ?? ''}`, `“${ctx.leaf.name}”计算中 ${text} 的除数为 0`, `division by zero in ${text} for unit ${unit.id}`));
      return 0;
    },
  };
  const result = run.run(env);
  for (const s of trace ?? []) steps.push(exprStep(s));
  let points = clean(typeof result === 'number' ? result : 0);
  if (withSteps) steps.push({ kind: 'formula-result', expression: m.expression, value: points });
  const max = ctx.leaf.max;
  if (points > max) {
    steps.push({ kind: 'cap', before: points, after: max, cap: max });
    points = max;
  }
  if (points < 0) {
    steps.push({ kind: 'floor', before: points, after: 0, floor: 0 });
    points = 0;
  }
  if (m.rounding) {
    const after = roundTo(points, m.rounding.digits, m.rounding.mode);
    if (after !== points) steps.push({ kind: 'round', digits: m.rounding.digits, mode: m.rounding.mode, before: points, after, ...(m.rounding.source ? { source: m.rounding.source } : {}) });
    points = after;
  }
  return { points, steps };
}

/** Population inputs: computed over the scored units (or each parent's), written into every unit's state. */
function settle(name: string, input: Exclude<FormulaInput, { kind: 'constant' | 'count' | 'sum' | 'field' | 'periods' }>, ctx: MethodContext, states: ReadonlyMap<string, State>): void {
  if (input.kind === 'indicator') {
    for (const u of ctx.units) {
      const points = ctx.leafPoints?.(input.indicator, u.id);
      let v: InputValue;
      if (points !== undefined) v = { value: points, detail: `指标“${input.indicator}”的得分` };
      else if (input.missing !== 'error') v = { value: input.missing, detail: `指标“${input.indicator}”不适用于本单位,按规定取 ${input.missing}` };
      else {
        ctx.report(dataIssue('formula-indicator-missing', `/units/${ctx.roster.order.get(u.id) ?? ''}`, `单位 ${u.id}(${u.name})没有指标“${input.indicator}”的得分`, `unit ${u.id} has no points of indicator ${input.indicator}`));
        v = { value: null, detail: `无指标“${input.indicator}”的得分` };
      }
      states.get(u.id)?.set(name, v);
    }
    return;
  }
  const groups = new Map<string, RosterUnit[]>();
  for (const u of ctx.units) {
    const key = input.scope === 'parent' ? `p:${u.parent ?? `u:${u.id}`}` : 'all';
    const g = groups.get(key);
    if (g) g.push(u);
    else groups.set(key, [u]);
  }
  const num = (u: RosterUnit, n: string): number | null => {
    const v = states.get(u.id)?.get(n)?.value;
    return typeof v === 'number' ? v : null;
  };
  const where = input.scope === 'parent' ? '同一主管单位' : '全部参评单位';
  for (const members of groups.values()) {
    const put = (u: RosterUnit, value: number | null, detail: string) => states.get(u.id)?.set(name, { value, detail });
    switch (input.kind) {
      case 'field-size':
        for (const u of members) put(u, members.length, `${where}共 ${members.length} 个`);
        break;
      case 'place': {
        const sign = input.order === 'high-first' ? 1 : -1;
        const known = members.map((u) => num(u, input.by)).filter((v): v is number => v !== null);
        for (const u of members) {
          const v = num(u, input.by);
          // competition ranking: equal values share a place, the next place is skipped
          const place = v === null ? null : 1 + known.filter((o) => sign * o > sign * v).length;
          put(u, place, place === null ? `“${input.by}”缺失,无名次` : `按“${input.by}”${input.order === 'high-first' ? '从高到低' : '从低到高(倒数)'}在${where}中第 ${place} 名`);
        }
        break;
      }
      case 'stat': {
        const rows = members.map((u) => ({ u, v: num(u, input.of) })).filter((r): r is { u: RosterUnit; v: number } => r.v !== null);
        let value: number | null = null;
        let detail: string;
        if (rows.length === 0) detail = `${where}均无“${input.of}”`;
        else if (input.stat === 'leader') {
          const by = input.by ?? input.of;
          const key = (u: RosterUnit) => num(u, by) ?? -Infinity;
          const best = Math.max(...rows.map((r) => key(r.u)));
          const leaders = rows.filter((r) => key(r.u) === best);
          const first = leaders[0] as { u: RosterUnit; v: number };
          value = first.v;
          detail = `${where}按“${by}”第一名 ${first.u.name} 的“${input.of}”`;
          if (new Set(leaders.map((l) => l.v)).size > 1) {
            ctx.report(
              schemeIssue('formula-leader-tie', `${ctx.leaf.pointer}/method/inputs/${name}`, `并列第一的单位“${input.of}”不同,取名单中靠前的 ${first.u.name}`, `tied leaders differ in ${input.of}; the first in roster order (${first.u.id}) is taken`, 'warning'),
            );
            detail += '(并列第一,取名单靠前者)';
          }
        } else {
          const vs = rows.map((r) => r.v);
          value = input.stat === 'max' ? Math.max(...vs) : input.stat === 'min' ? Math.min(...vs) : clean(vs.reduce((a, b) => a + b, 0) / vs.length);
          detail = `${where} ${vs.length} 个单位“${input.of}”的${{ max: '最大值', min: '最小值', mean: '平均值' }[input.stat]}`;
        }
        for (const u of members) put(u, value, detail);
        break;
      }
      default: {
        const never: never = input;
        return never;
      }
    }
  }
}

/** The leaves a formula reads the points of: they are finished before it, and an append to them finishes it again. */
export function formulaLeafInputs(m: FormulaMethod): string[] {
  return Object.values(m.inputs).flatMap((i) => (i.kind === 'indicator' ? [i.indicator] : []));
}
