import { joinPointer, schemeIssue, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { FormulaMethod } from '../scheme/methods/formula.ts';
import { FUNCTIONS, KEYWORDS } from './ast.ts';
import { bindingsOf } from './bindings.ts';
import { checkExpression } from './check.ts';
import { compileExpression, type Compiled } from './compile.ts';
import { parseExpression } from './parse.ts';
import * as R from './range.ts';

export interface PreparedFormula {
  run: Compiled;
  /** Input names in slot order: `values[i]` is the value of `names[i]`. */
  names: string[];
}

/**
 * Parse, check and compile a formula: the problems (pointers under `at`,
 * positions in the message) or the compiled form. The validator reports the
 * problems; a run of an unvalidated scheme reports them too and scores nothing.
 */
export function prepareFormula(m: FormulaMethod, factTypes: ReadonlyMap<string, FactType>, at: string, full: number): { issues: Issue[]; prepared?: PreparedFormula } {
  const issues: Issue[] = [];
  const where = joinPointer(at, 'expression');
  const clash = (name: string, p: string) => {
    if (KEYWORDS.has(name) || Object.hasOwn(FUNCTIONS, name)) issues.push(schemeIssue('expression-reserved-name', p, `“${name}”是保留字或函数名,不能用作名称`, `"${name}" is a reserved word or function name`));
  };
  for (const name of Object.keys(m.inputs)) clash(name, joinPointer(at, 'inputs', name));
  for (const name of Object.keys(m.tables ?? {})) {
    clash(name, joinPointer(at, 'tables', name));
    if (Object.hasOwn(m.inputs, name)) issues.push(schemeIssue('duplicate-id', joinPointer(at, 'tables', name), `对照表“${name}”与输入同名`, `table "${name}" has the name of an input`));
  }
  const parsed = parseExpression(m.expression);
  if (!parsed.ok) {
    issues.push(schemeIssue('expression-syntax', where, `表达式无法解析:${parsed.error.zh}`, `the expression does not parse: ${parsed.error.en}`));
    return { issues };
  }
  const names = bindingsOf(m, factTypes);
  names.set('full', { type: 'number', range: R.exact(full), label: '满分' });
  const tables = new Map(Object.entries(m.tables ?? {}).map(([k, t]) => [k, t.rows.reduce((r, row) => R.union(r, R.exact(row.value)), R.exact(t.otherwise))]));
  const checked = checkExpression(parsed.expr, { names, tables, zeroPolicy: m.zeroDivision !== undefined });
  for (const p of checked.problems) {
    const quote = m.expression.slice(p.from, p.to);
    issues.push(schemeIssue(p.code, where, `表达式第 ${p.from + 1} 个字符“${quote}”:${p.zh}`, `at ${p.from + 1} ("${quote}"): ${p.en}`));
  }
  if (checked.type !== undefined && checked.type !== 'number') {
    issues.push(schemeIssue('expression-type', where, `表达式的结果须为数值(分值),此处为${checked.type === 'boolean' ? '是否' : '日期'}`, `the expression must give a number (points), not a ${checked.type}`));
  }
  if (issues.length > 0 || checked.type === undefined) return { issues };
  const order = Object.keys(m.inputs);
  const run = compileExpression(parsed.expr, {
    slots: new Map(order.map((n, i) => [n, i])),
    types: new Map([...names].map(([n, b]) => [n, b.type])),
    tables: new Map(Object.entries(m.tables ?? {}).map(([k, t]) => [k, (x: number) => t.rows.find((r) => x <= r.upTo)?.value ?? t.otherwise])),
    text: m.expression,
    full,
  });
  return { issues, prepared: { run, names: order } };
}
