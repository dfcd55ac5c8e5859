import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExpression, compileExpression, parseExpression, type Binding } from '../../../engine/expr/index.ts';
import { ANY } from '../../../engine/expr/range.ts';
import { clean } from '../../../engine/numbers.ts';

/**
 * issue #20 Tests: an expression's compiled form against a straightforward
 * interpreter over random inputs. The generator builds a tree, prints it as
 * text (fully parenthesised), and the text goes through the real parser, check
 * and compiler; the interpreter below walks the generated tree itself.
 */
type N =
  | { k: 'num'; v: number }
  | { k: 'var'; v: 'x' | 'y' | 'z' }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; l: N; r: N }
  | { k: 'neg'; a: N }
  | { k: 'fn'; f: 'min' | 'max'; args: N[] }
  | { k: 'clamp'; a: N; lo: N; hi: N }
  | { k: 'abs'; a: N }
  | { k: 'if'; c: B; a: N; b: N };
type B = { k: 'cmp'; op: '<' | '<=' | '>' | '>=' | '=' | '!='; l: N; r: N } | { k: 'and' | 'or'; l: B; r: B } | { k: 'not'; a: B } | { k: 'lit'; v: boolean };

const ZERO_VALUE = 7;

const { num: numArb } = fc.letrec<{ num: N; bool: B }>((tie) => ({
  num: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('num' as const), v: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constantFrom(0.1, 0.2, 2.5, 0.35)) }),
    fc.record({ k: fc.constant('var' as const), v: fc.constantFrom('x' as const, 'y' as const, 'z' as const) }),
    fc.record({ k: fc.constant('bin' as const), op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), l: tie('num') as fc.Arbitrary<N>, r: tie('num') as fc.Arbitrary<N> }),
    fc.record({ k: fc.constant('neg' as const), a: tie('num') as fc.Arbitrary<N> }),
    fc.record({ k: fc.constant('fn' as const), f: fc.constantFrom('min' as const, 'max' as const), args: fc.array(tie('num') as fc.Arbitrary<N>, { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant('clamp' as const), a: tie('num') as fc.Arbitrary<N>, lo: tie('num') as fc.Arbitrary<N>, hi: tie('num') as fc.Arbitrary<N> }),
    fc.record({ k: fc.constant('abs' as const), a: tie('num') as fc.Arbitrary<N> }),
    fc.record({ k: fc.constant('if' as const), c: tie('bool') as fc.Arbitrary<B>, a: tie('num') as fc.Arbitrary<N>, b: tie('num') as fc.Arbitrary<N> }),
  ),
  bool: fc.oneof(
    { depthSize: 'small' },
    fc.record({ k: fc.constant('lit' as const), v: fc.boolean() }),
    fc.record({ k: fc.constant('cmp' as const), op: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const, '=' as const, '!=' as const), l: tie('num') as fc.Arbitrary<N>, r: tie('num') as fc.Arbitrary<N> }),
    fc.record({ k: fc.constantFrom('and' as const, 'or' as const), l: tie('bool') as fc.Arbitrary<B>, r: tie('bool') as fc.Arbitrary<B> }),
    fc.record({ k: fc.constant('not' as const), a: tie('bool') as fc.Arbitrary<B> }),
  ),
}));

function text(n: N): string {
  switch (n.k) {
    case 'num':
      return String(n.v);
    case 'var':
      return n.v;
    case 'bin':
      return `(${text(n.l)} ${n.op} ${text(n.r)})`;
    case 'neg':
      return `(-${text(n.a)})`;
    case 'fn':
      return `${n.f}(${n.args.map(text).join(', ')})`;
    case 'clamp':
      return `clamp(${text(n.a)}, ${text(n.lo)}, ${text(n.hi)})`;
    case 'abs':
      return `abs(${text(n.a)})`;
    case 'if':
      return `if(${btext(n.c)}, ${text(n.a)}, ${text(n.b)})`;
  }
}
function btext(b: B): string {
  switch (b.k) {
    case 'lit':
      return String(b.v);
    case 'cmp':
      return `(${text(b.l)} ${b.op} ${text(b.r)})`;
    case 'and':
    case 'or':
      return `(${btext(b.l)} ${b.k} ${btext(b.r)})`;
    case 'not':
      return `(not ${btext(b.a)})`;
  }
}

type Env = Record<'x' | 'y' | 'z', number>;
function interpret(n: N, env: Env): number {
  switch (n.k) {
    case 'num':
      return n.v;
    case 'var':
      return env[n.v];
    case 'bin': {
      const a = interpret(n.l, env);
      const b = interpret(n.r, env);
      if (n.op === '/') return b === 0 ? ZERO_VALUE : clean(a / b);
      return clean(n.op === '+' ? a + b : n.op === '-' ? a - b : a * b);
    }
    case 'neg':
      return -interpret(n.a, env);
    case 'fn':
      return (n.f === 'min' ? Math.min : Math.max)(...n.args.map((a) => interpret(a, env)));
    case 'clamp':
      return Math.min(Math.max(interpret(n.a, env), interpret(n.lo, env)), interpret(n.hi, env));
    case 'abs':
      return Math.abs(interpret(n.a, env));
    case 'if':
      return truth(n.c, env) ? interpret(n.a, env) : interpret(n.b, env);
  }
}
function truth(b: B, env: Env): boolean {
  switch (b.k) {
    case 'lit':
      return b.v;
    case 'cmp': {
      const l = interpret(b.l, env);
      const r = interpret(b.r, env);
      return { '<': l < r, '<=': l <= r, '>': l > r, '>=': l >= r, '=': l === r, '!=': l !== r }[b.op];
    }
    case 'and':
      return truth(b.l, env) && truth(b.r, env);
    case 'or':
      return truth(b.l, env) || truth(b.r, env);
    case 'not':
      return !truth(b.a, env);
  }
}

const names = new Map<string, Binding>(['x', 'y', 'z'].map((n) => [n, { type: 'number', range: ANY, label: n }]));

describe('expression: compiled form = interpreter', () => {
  it('agrees on random expressions and inputs (fixed seed)', () => {
    fc.assert(
      fc.property(numArb, fc.record({ x: fc.integer({ min: -5, max: 5 }), y: fc.constantFrom(0, 0.1, 1, 2.5, 10), z: fc.integer({ min: 0, max: 100 }) }), (tree, env) => {
        const src = text(tree);
        const parsed = parseExpression(src);
        if (!parsed.ok) {
          // only the nesting bound may refuse a generated tree
          expect(parsed.error.en).toContain('nesting deeper');
          return;
        }
        const checked = checkExpression(parsed.expr, { names, tables: new Map(), zeroPolicy: true });
        expect(checked.problems).toEqual([]);
        expect(checked.type).toBe('number');
        const run = compileExpression(parsed.expr, { slots: new Map([['x', 0], ['y', 1], ['z', 2]]), types: new Map(), tables: new Map(), text: src, full: 10 });
        const got = run({ values: [env.x, env.y, env.z], steps: [], onZero: () => ZERO_VALUE });
        expect(got).toBe(interpret(tree, env));
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it('records the last step with the result it returns', () => {
    const src = 'if(y > 0, min(1, x / y), 0) * 10';
    const parsed = parseExpression(src);
    if (!parsed.ok) throw new Error(parsed.error.en);
    const run = compileExpression(parsed.expr, { slots: new Map([['x', 0], ['y', 1], ['z', 2]]), types: new Map(), tables: new Map(), text: src, full: 10 });
    const steps: Array<{ text: string; with: string; value: number | boolean }> = [];
    expect(run({ values: [3, 4, 0], steps, onZero: () => 0 })).toBe(7.5);
    expect(steps.map((s) => s.text)).toEqual(['y > 0', 'x / y', 'min(1, x / y)', 'if(y > 0, min(1, x / y), 0)', src]);
    expect(steps.at(-1)).toEqual({ text: src, with: '0.75 × 10', value: 7.5 });
  });
});
