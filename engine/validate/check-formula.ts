import { checkCondition } from '../conditions/index.ts';
import { fieldType, prepareFormula } from '../expr/index.ts';
import { joinPointer } from '../issue.ts';
import { periodMeasure } from '../periods/index.ts';
import type { FormulaMethod } from '../scheme/methods/formula.ts';
import type { SemanticContext } from './semantic-context.ts';

const LOCAL = new Set(['constant', 'count', 'sum', 'field', 'periods']);

interface LeafRef {
  /** Pointer of the formula's indicator. */
  from: string;
  to: string;
  path: string;
}
const refs = new WeakMap<SemanticContext, LeafRef[]>();
function refsOf(ctx: SemanticContext): LeafRef[] {
  let r = refs.get(ctx);
  if (!r) refs.set(ctx, (r = []));
  return r;
}

function at(doc: unknown, pointer: string): unknown {
  let v = doc;
  for (const t of pointer.split('/').slice(1)) {
    const key = t.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * After the tree: a formula's `indicator` inputs name scored leaves outside
 * any selection (their points exist before the flow's selections), and no
 * formula reads itself through others (a cycle has no order to score in).
 */
export function checkFormulaLeaves(ctx: SemanticContext): void {
  const list = refs.get(ctx) ?? [];
  const idAt = new Map([...ctx.indicatorIds].map(([id, p]) => [p, id]));
  const edges = new Map<string, LeafRef[]>();
  for (const r of list) {
    const from = idAt.get(r.from) ?? '';
    const target = ctx.indicatorIds.get(r.to);
    if (target === undefined) {
      ctx.error('unknown-indicator', r.path, `指标“${r.to}”未定义`, `indicator "${r.to}" is not declared`);
      continue;
    }
    if (at(ctx.scheme, `${target}/method`) === undefined) {
      ctx.error('formula-indicator-not-leaf', r.path, `指标“${r.to}”不是计分的叶指标,不能作为输入`, `indicator "${r.to}" is not a scored leaf`);
      continue;
    }
    if (ctx.underSelection.has(r.to) || ctx.underSelection.has(from)) {
      ctx.error('formula-indicator-selection', r.path, `按筛选计分的指标不能引用或被引用为输入`, 'a selection-bound indicator cannot be read as an input, nor read one');
      continue;
    }
    const e = edges.get(from);
    if (e) e.push(r);
    else edges.set(from, [r]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    for (const r of edges.get(id) ?? []) {
      const s = state.get(r.to);
      if (s === 'open') ctx.error('formula-indicator-cycle', r.path, `计算值循环引用:“${r.to}”又直接或间接引用“${id}”`, `computed values read each other in a cycle through "${r.to}"`);
      else if (s === undefined) visit(r.to);
    }
    state.set(id, 'done');
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
}

/** A formula's inputs resolve (fact types, fields, periods, other inputs) and its expression parses and type-checks. */
export function checkFormula(ctx: SemanticContext, m: FormulaMethod, at: string, max: number): void {
  for (const [name, input] of Object.entries(m.inputs)) {
    const ip = joinPointer(at, 'inputs', name);
    switch (input.kind) {
      case 'constant':
      case 'field-size':
        break;
      case 'indicator':
        // resolved after the whole tree is known (a formula may read a leaf declared after it)
        refsOf(ctx).push({ from: at.replace(/\/method$/, ''), to: input.indicator, path: `${ip}/indicator` });
        break;
      case 'count':
      case 'sum':
      case 'field':
      case 'periods': {
        const ft = ctx.factType(input.factType, `${ip}/factType`);
        if (input.when) ctx.issues.push(...checkCondition(input.when, `${ip}/when`, ctx.conditionFacts(ft)));
        if (input.kind === 'sum') {
          ctx.field(ft, input.field, `${ip}/field`);
          if (ft && Object.hasOwn(ft.fields.properties, input.field) && fieldType(ft, input.field) !== 'number') {
            ctx.error('expression-type', `${ip}/field`, `求和字段“${input.field}”须为数值`, `summed field ${input.field} must be a number`);
          }
        }
        if (input.kind === 'field') {
          ctx.field(ft, input.field, `${ip}/field`);
          const t = ft && Object.hasOwn(ft.fields.properties, input.field) ? fieldType(ft, input.field) : 'number';
          if (t === undefined) ctx.error('expression-type', `${ip}/field`, `字段“${input.field}”须为数值、日期(format: date)或是否`, `field ${input.field} must be a number, a date (format: date) or a boolean`);
          if (t !== 'number' && typeof input.missing === 'number') ctx.error('expression-type', `${ip}/missing`, `非数值字段缺失时不能取数值,请用 error`, 'a missing non-number field cannot default to a number: use error');
        }
        if (input.kind === 'periods' && ft) {
          const decl = ft.period;
          if (!decl) {
            ctx.error('period-undeclared', `${ip}/factType`, `事实类型“${ft.id}”未声明期别(period),不能按期别计算`, `fact type "${ft.id}" declares no period; a period measure needs one`);
          } else {
            ctx.field(ft, decl.field, `/factTypes/${ctx.scheme.factTypes.indexOf(ft)}/period/field`);
            const impl = periodMeasure(input.measure.kind);
            if (impl.needsDates && decl.unit !== 'date') {
              ctx.error('period-not-dated', `${ip}/measure/kind`, `相隔天数须用按日期(date)记录的事实类型,“${ft.id}”按${decl.unit}记录`, `days-between needs dated facts; "${ft.id}" has ${decl.unit} periods`);
            }
            const mark = impl.mark(input.measure as never);
            if (mark) ctx.issues.push(...checkCondition(mark, `${ip}/measure/${input.measure.kind === 'since-last' ? 'after' : 'from'}`, ctx.conditionFacts(ft)));
          }
        }
        break;
      }
      case 'stat':
      case 'place': {
        const refs: Array<[string, string]> = input.kind === 'stat' ? [[input.of, 'of'], ...(input.by !== undefined ? [[input.by, 'by'] as [string, string]] : [])] : [[input.by, 'by']];
        for (const [ref, key] of refs) {
          const target = m.inputs[ref];
          if (!target || !Object.hasOwn(m.inputs, ref)) ctx.error('expression-unknown-name', `${ip}/${key}`, `未声明的输入“${ref}”`, `unknown input "${ref}"`);
          else if (!LOCAL.has(target.kind)) ctx.error('formula-population-of-population', `${ip}/${key}`, `“${ref}”本身依赖总体,须引用按单位计算的输入`, `"${ref}" depends on the population itself; refer to a per-unit input`);
        }
        break;
      }
      default: {
        const never: never = input;
        return never;
      }
    }
  }
  ctx.issues.push(...prepareFormula(m, ctx.factTypes, at, max).issues);
}
