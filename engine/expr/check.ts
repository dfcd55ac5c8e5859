import { FUNCTIONS, isFunction, TYPE_ZH, type Expr, type ValueType } from './ast.ts';
import * as R from './range.ts';

/** A name an expression may use: a declared input, a table, or `full`. */
export interface Binding {
  type: ValueType;
  range: R.Range;
  /** Chinese name, for messages. */
  label: string;
}

export interface CheckEnv {
  names: ReadonlyMap<string, Binding>;
  /** Declared tables, callable as `name(x)`, with the range of their values. */
  tables: ReadonlyMap<string, R.Range>;
  /** The method declares what a division by zero yields: a possible zero divisor is then no problem. */
  zeroPolicy: boolean;
}

/** A problem inside the text, at character offsets; the caller turns it into an Issue at the expression's pointer. */
export interface ExprProblem {
  code: string;
  from: number;
  to: number;
  zh: string;
  en: string;
}

interface Typed {
  type: ValueType;
  range: R.Range;
}

/**
 * Types and ranges of every node, bottom up. Reports unknown names, wrong
 * types (a date compared with a number, a number where a condition is
 * expected), wrong argument counts, and divisions whose divisor may be zero
 * when the method declares no policy for it. Returns undefined as the type
 * where a problem made it unknowable; the walk goes on to find the others.
 */
export function checkExpression(e: Expr, env: CheckEnv): { type: ValueType | undefined; problems: ExprProblem[] } {
  const problems: ExprProblem[] = [];
  const t = walk(e, env.names, env, problems);
  return { type: t?.type, problems };
}

function walk(e: Expr, names: ReadonlyMap<string, Binding>, env: CheckEnv, out: ExprProblem[]): Typed | undefined {
  const problem = (code: string, node: Expr, zh: string, en: string) => out.push({ code, from: node.from, to: node.to, zh, en });
  const want = (node: Expr, t: Typed | undefined, type: ValueType, role: string, roleEn: string): Typed | undefined => {
    if (t && t.type !== type) {
      problem('expression-type', node, `${role}须为${TYPE_ZH[type]},此处为${TYPE_ZH[t.type]}`, `${roleEn} must be a ${type}, not a ${t.type}`);
      return undefined;
    }
    return t;
  };
  switch (e.kind) {
    case 'number':
      return { type: 'number', range: R.exact(e.value) };
    case 'boolean':
      return { type: 'boolean', range: R.ANY };
    case 'name': {
      const b = names.get(e.name);
      if (!b) {
        const known = [...names.keys()].join(', ') || '—';
        const what = env.tables.has(e.name) ? `“${e.name}”是对照表,须写成 ${e.name}(…)` : `未声明的输入“${e.name}”(可用:${known})`;
        problem('expression-unknown-name', e, what, env.tables.has(e.name) ? `"${e.name}" is a table: call it as ${e.name}(…)` : `unknown input "${e.name}" (declared: ${known})`);
        return undefined;
      }
      return { type: b.type, range: b.range };
    }
    case 'unary': {
      const a = walk(e.arg, names, env, out);
      if (e.op === 'not') return want(e.arg, a, 'boolean', 'not 的对象', 'the operand of not') && { type: 'boolean', range: R.ANY };
      const n = want(e.arg, a, 'number', '负号的对象', 'the operand of -');
      return n && { type: 'number', range: R.negate(n.range) };
    }
    case 'binary': {
      const l = walk(e.left, names, env, out);
      const r = walk(e.right, names, env, out);
      switch (e.op) {
        case 'and':
        case 'or': {
          const a = want(e.left, l, 'boolean', `${e.op} 的左边`, `the left of ${e.op}`);
          const b = want(e.right, r, 'boolean', `${e.op} 的右边`, `the right of ${e.op}`);
          return a && b && { type: 'boolean', range: R.ANY };
        }
        case '=':
        case '!=':
        case '<':
        case '<=':
        case '>':
        case '>=': {
          if (!l || !r) return undefined;
          if (l.type !== r.type) {
            problem('expression-type', e, `${TYPE_ZH[l.type]}不能与${TYPE_ZH[r.type]}比较`, `a ${l.type} cannot be compared with a ${r.type}`);
            return undefined;
          }
          if (l.type === 'boolean' && e.op !== '=' && e.op !== '!=') {
            problem('expression-type', e, `是否值只能用 = 或 != 比较`, 'booleans compare only with = or !=');
            return undefined;
          }
          return { type: 'boolean', range: R.ANY };
        }
        default: {
          const a = want(e.left, l, 'number', `“${e.op}”的左边`, `the left of ${e.op}`);
          const b = want(e.right, r, 'number', `“${e.op}”的右边`, `the right of ${e.op}`);
          if (!a || !b) return undefined;
          if (e.op === '/') {
            if (R.mayBeZero(b.range) && !env.zeroPolicy) {
              problem(
                'expression-zero-division',
                e.right,
                `除数可能为 0:请声明 zeroDivision(除数为 0 时的取值),或写成 if(除数 > 0, …, …)`,
                'the divisor may be 0: declare zeroDivision (the value when it is) or guard it with if(divisor > 0, …, …)',
              );
            }
            return { type: 'number', range: R.divide(a.range, b.range) };
          }
          if (e.op === '*') return { type: 'number', range: R.multiply(a.range, b.range) };
          return { type: 'number', range: R.add(a.range, b.range, e.op === '+' ? 1 : -1) };
        }
      }
    }
    case 'call':
      return call(e, names, env, out, problem, want);
  }
}

function call(
  e: Extract<Expr, { kind: 'call' }>,
  names: ReadonlyMap<string, Binding>,
  env: CheckEnv,
  out: ExprProblem[],
  problem: (code: string, node: Expr, zh: string, en: string) => void,
  want: (node: Expr, t: Typed | undefined, type: ValueType, role: string, roleEn: string) => Typed | undefined,
): Typed | undefined {
  const arity = (n: number, exactly = true): boolean => {
    if (exactly ? e.args.length === n : e.args.length >= n) return true;
    problem('expression-arity', e, `${e.fn} 须有${exactly ? '' : '至少 '}${n} 个参数,此处 ${e.args.length} 个`, `${e.fn} takes ${exactly ? '' : 'at least '}${n} arguments, not ${e.args.length}`);
    return false;
  };
  const table = env.tables.get(e.fn);
  if (table) {
    if (!arity(1)) return undefined;
    const x = want(e.args[0] as Expr, walk(e.args[0] as Expr, names, env, out), 'number', `对照表 ${e.fn} 的参数`, `the argument of table ${e.fn}`);
    return x && { type: 'number', range: table };
  }
  if (!isFunction(e.fn)) {
    const fns = [...Object.keys(FUNCTIONS), ...env.tables.keys()].join(', ');
    problem('expression-unknown-function', { ...e, to: e.fnTo }, `未知的函数“${e.fn}”(可用:${fns})`, `unknown function "${e.fn}" (known: ${fns})`);
    return undefined;
  }
  if (e.fn === 'if') {
    if (!arity(3)) return undefined;
    const [c, a, b] = e.args as [Expr, Expr, Expr];
    const ct = want(c, walk(c, names, env, out), 'boolean', 'if 的条件', 'the condition of if');
    const guard = guardOf(c);
    const scoped = (holds: boolean): ReadonlyMap<string, Binding> => {
      const g = guard && names.get(guard.name);
      if (!guard || !g) return names;
      return new Map([...names, [guard.name, { ...g, range: R.refine(g.range, guard.op, guard.value, holds) }]]);
    };
    const at = walk(a, scoped(true), env, out);
    const bt = walk(b, scoped(false), env, out);
    if (!ct || !at || !bt) return undefined;
    if (at.type !== bt.type) {
      problem('expression-type', e, `if 的两个结果须同类型,此处为${TYPE_ZH[at.type]}与${TYPE_ZH[bt.type]}`, `both results of if must have one type, not ${at.type} and ${bt.type}`);
      return undefined;
    }
    return { type: at.type, range: R.union(at.range, bt.range) };
  }
  if (e.fn === 'days') {
    if (!arity(2)) return undefined;
    const [a, b] = e.args.map((x) => want(x, walk(x, names, env, out), 'date', 'days 的参数', 'the arguments of days'));
    return a && b && { type: 'number', range: R.ANY };
  }
  const nums = e.args.map((x) => want(x, walk(x, names, env, out), 'number', `${e.fn} 的参数`, `the arguments of ${e.fn}`));
  if (e.fn === 'abs') return arity(1) && nums[0] ? { type: 'number', range: R.abs(nums[0].range) } : undefined;
  if (e.fn === 'clamp') {
    if (!arity(3) || nums.some((x) => !x)) return undefined;
    const [x, lo, hi] = nums as [Typed, Typed, Typed];
    return { type: 'number', range: R.minOf([R.minOf([x.range, lo.range], 'max'), hi.range], 'min') };
  }
  if (!arity(2, false) || nums.some((x) => !x)) return undefined;
  return { type: 'number', range: R.minOf(nums.map((x) => (x as Typed).range), e.fn) };
}

/** `name op number` (either side): the shape of a guard the range check understands. */
function guardOf(c: Expr): { name: string; op: string; value: number } | undefined {
  if (c.kind !== 'binary') return undefined;
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' };
  if (!(c.op in flip)) return undefined;
  if (c.left.kind === 'name' && c.right.kind === 'number') return { name: c.left.name, op: c.op, value: c.right.value };
  if (c.right.kind === 'name' && c.left.kind === 'number') return { name: c.right.name, op: flip[c.op] as string, value: c.left.value };
  return undefined;
}
