import { clean } from '../numbers.ts';
import type { Expr, ValueType } from './ast.ts';

export type Value = number | boolean;

/** One computed part of an expression, for the explanation: the text, the values put in, the result. */
export interface ExprStep {
  text: string;
  with: string;
  value: Value;
  date?: true;
}

export interface EvalEnv {
  /** Input values by the slot the compiler gave each name. */
  values: readonly Value[];
  /** When present, every operation is written here in order. */
  steps?: ExprStep[];
  /** The divisor of `text` is 0: the value to use instead (the method's declared policy, or its report). */
  onZero(text: string, numerator: number): number;
}

export type Compiled = (env: EvalEnv) => Value;

export interface CompileScope {
  slots: ReadonlyMap<string, number>;
  types: ReadonlyMap<string, ValueType>;
  tables: ReadonlyMap<string, (x: number) => number>;
  /** The expression's text: the explanation quotes its parts. */
  text: string;
  /** Value of the name `full`: the indicator's maximum. */
  full: number;
}

const n = (x: number) => String(Math.round(x * 1e6) / 1e6);
const dayText = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
const show = (v: Value, date: boolean) => (typeof v === 'boolean' ? (v ? '是' : '否') : date ? dayText(v) : n(v));

/**
 * Compiled once per method into closures over slot numbers: evaluation reads
 * an array by index and calls nothing but the operators below, so no value of
 * the data can reach a property, a prototype or a function. Call only after
 * checkExpression found no problem (names resolve, types agree).
 */
export function compileExpression(e: Expr, scope: CompileScope): Compiled {
  return node(e, scope).run;
}

interface Node {
  run: Compiled;
  date: boolean;
}

function node(e: Expr, s: CompileScope): Node {
  const text = s.text.slice(e.from, e.to);
  const record = (env: EvalEnv, withText: () => string, value: Value, date = false): Value => {
    env.steps?.push({ text, with: withText(), value, ...(date ? { date: true as const } : {}) });
    return value;
  };
  switch (e.kind) {
    case 'number':
    case 'boolean': {
      const v = e.value;
      return { run: () => v, date: false };
    }
    case 'name': {
      if (e.name === 'full') {
        const full = s.full;
        return { run: () => full, date: false };
      }
      const slot = s.slots.get(e.name);
      if (slot === undefined) throw new Error(`compileExpression: unknown name ${e.name} (check first)`);
      return { run: (env) => env.values[slot] as Value, date: s.types.get(e.name) === 'date' };
    }
    case 'unary': {
      const a = node(e.arg, s).run;
      if (e.op === 'not') {
        return {
          run: (env) => {
            const v = a(env) as boolean;
            return record(env, () => `${show(v, false)} 取反`, !v);
          },
          date: false,
        };
      }
      return {
        run: (env) => {
          const v = a(env) as number;
          return record(env, () => `−(${n(v)})`, -v);
        },
        date: false,
      };
    }
    case 'binary': {
      const L = node(e.left, s);
      const R = node(e.right, s);
      const l = L.run;
      const r = R.run;
      const op = e.op;
      const sh = (v: Value, d: boolean) => show(v, d);
      switch (op) {
        // short-circuit as written: the right side is computed (and explained) only when it decides
        case 'and':
          return {
            run: (env) => {
              if (!(l(env) as boolean)) return record(env, () => '左边不成立', false);
              const b = r(env);
              return record(env, () => `左边成立,取右边 ${show(b, false)}`, b);
            },
            date: false,
          };
        case 'or':
          return {
            run: (env) => {
              if (l(env) as boolean) return record(env, () => '左边成立', true);
              const b = r(env);
              return record(env, () => `左边不成立,取右边 ${show(b, false)}`, b);
            },
            date: false,
          };
        case '/':
          return {
            run: (env) => {
              const a = l(env) as number;
              const b = r(env) as number;
              const v = b === 0 ? env.onZero(text, a) : clean(a / b);
              return record(env, () => `${n(a)} ÷ ${n(b)}`, v);
            },
            date: false,
          };
        default: {
          const f = BINARY[op] as (a: Value, b: Value) => Value;
          return {
            run: (env) => {
              const a = l(env);
              const b = r(env);
              return record(env, () => `${sh(a, L.date)} ${OP_TEXT[op]} ${sh(b, R.date)}`, f(a, b));
            },
            date: false,
          };
        }
      }
    }
    case 'call': {
      const args = e.args.map((x) => node(x, s));
      const runs = args.map((x) => x.run);
      const table = s.tables.get(e.fn);
      if (table) {
        const x = runs[0] as Compiled;
        return { run: (env) => { const v = x(env) as number; return record(env, () => `对照表 ${e.fn}(${n(v)})`, table(v)); }, date: false };
      }
      switch (e.fn) {
        case 'if': {
          const [c, a, b] = runs as [Compiled, Compiled, Compiled];
          const date = (args[1] as Node).date;
          return {
            run: (env) => {
              const holds = c(env) as boolean;
              const v = holds ? a(env) : b(env);
              return record(env, () => `条件${holds ? '成立' : '不成立'},取 ${show(v, date)}`, v, date);
            },
            date,
          };
        }
        case 'days': {
          const [a, b] = runs as [Compiled, Compiled];
          return { run: (env) => { const x = a(env) as number; const y = b(env) as number; return record(env, () => `${dayText(x)} 与 ${dayText(y)} 相隔`, x - y); }, date: false };
        }
        case 'abs': {
          const a = runs[0] as Compiled;
          return { run: (env) => { const x = a(env) as number; return record(env, () => `|${n(x)}|`, Math.abs(x)); }, date: false };
        }
        case 'clamp': {
          const [x, lo, hi] = runs as [Compiled, Compiled, Compiled];
          return {
            run: (env) => {
              const v = x(env) as number;
              const a = lo(env) as number;
              const b = hi(env) as number;
              return record(env, () => `${n(v)} 限定在 ${n(a)}–${n(b)} 之间`, Math.min(Math.max(v, a), b));
            },
            date: false,
          };
        }
        case 'min':
        case 'max': {
          const pick = e.fn === 'min' ? Math.min : Math.max;
          const word = e.fn === 'min' ? '取最小' : '取最大';
          return {
            run: (env) => {
              const vs = runs.map((x) => x(env) as number);
              return record(env, () => `${vs.map(n).join('、')} 中${word}`, pick(...vs));
            },
            date: false,
          };
        }
        default:
          throw new Error(`compileExpression: unknown function ${e.fn} (check first)`);
      }
    }
  }
}

const OP_TEXT: Record<string, string> = { '+': '+', '-': '−', '*': '×', '<': '<', '<=': '≤', '>': '>', '>=': '≥', '=': '=', '!=': '≠' };

const BINARY: Record<string, (a: Value, b: Value) => Value> = {
  // binary noise (0.1 + 0.2) is snapped at each step, as a person computes by hand
  '+': (a, b) => clean((a as number) + (b as number)),
  '-': (a, b) => clean((a as number) - (b as number)),
  '*': (a, b) => clean((a as number) * (b as number)),
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};
