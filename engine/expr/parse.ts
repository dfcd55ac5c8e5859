import { MAX_DEPTH, MAX_LENGTH, type BinaryOp, type Expr } from './ast.ts';

/** Why an expression does not parse, at a character offset (0-based) of its text. */
export interface ParseError {
  at: number;
  zh: string;
  en: string;
}

type Token =
  | { t: 'num'; value: number; from: number; to: number }
  | { t: 'id'; name: string; from: number; to: number }
  | { t: 'op'; op: string; from: number; to: number }
  | { t: 'end'; from: number; to: number };

const OPS = ['<=', '>=', '!=', '<', '>', '=', '+', '-', '*', '/', '(', ')', ','];
const ID = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUM = /\d+(?:\.\d+)?/y;

class Fail extends Error {
  constructor(readonly error: ParseError) {
    super(error.en);
  }
}

function lex(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    NUM.lastIndex = i;
    const num = NUM.exec(text);
    if (num) {
      out.push({ t: 'num', value: Number(num[0]), from: i, to: i + num[0].length });
      i += num[0].length;
      continue;
    }
    ID.lastIndex = i;
    const id = ID.exec(text);
    if (id) {
      out.push({ t: 'id', name: id[0], from: i, to: i + id[0].length });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op === undefined) throw new Fail({ at: i, zh: `第 ${i + 1} 个字符“${c}”无法识别`, en: `unexpected character "${c}" at ${i + 1}` });
    out.push({ t: 'op', op, from: i, to: i + op.length });
    i += op.length;
  }
  out.push({ t: 'end', from: text.length, to: text.length });
  return out;
}

/**
 * A hand-written recursive-descent parser over a grammar of a dozen rules
 * (docs/authoring.md §计算值): nothing to audit but this file, every error at
 * an exact offset. Precedence, loosest first: or, and, not, comparison
 * (not chained), + -, * /, unary minus.
 */
export function parseExpression(text: string): { ok: true; expr: Expr } | { ok: false; error: ParseError } {
  if (text.length > MAX_LENGTH) return { ok: false, error: { at: MAX_LENGTH, zh: `表达式超过 ${MAX_LENGTH} 个字符`, en: `the expression is longer than ${MAX_LENGTH} characters` } };
  try {
    const p = new Parser(lex(text));
    const expr = p.expr(0);
    p.expectEnd();
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    throw e;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private get tok(): Token {
    return this.tokens[this.i] as Token;
  }

  private isOp(op: string): boolean {
    const t = this.tok;
    return t.t === 'op' && t.op === op;
  }

  private isWord(w: string): boolean {
    const t = this.tok;
    return t.t === 'id' && t.name === w;
  }

  private fail(zh: string, en: string): never {
    const at = this.tok.from;
    throw new Fail({ at, zh: `第 ${at + 1} 个字符处${zh}`, en: `${en} at ${at + 1}` });
  }

  expectEnd(): void {
    if (this.tok.t !== 'end') this.fail(`多余的“${describe(this.tok)}”`, `unexpected "${describe(this.tok)}"`);
  }

  private guard(depth: number): void {
    // the bound is checked while parsing, so a hostile text cannot overflow the stack first
    if (depth > MAX_DEPTH) this.fail(`嵌套超过 ${MAX_DEPTH} 层`, `nesting deeper than ${MAX_DEPTH}`);
  }

  expr(depth: number): Expr {
    this.guard(depth);
    return this.or(depth);
  }

  private or(depth: number): Expr {
    let left = this.and(depth);
    while (this.isWord('or')) {
      this.i++;
      const right = this.and(depth + 1);
      left = { kind: 'binary', op: 'or', left, right, from: left.from, to: right.to };
    }
    return left;
  }

  private and(depth: number): Expr {
    let left = this.not(depth);
    while (this.isWord('and')) {
      this.i++;
      const right = this.not(depth + 1);
      left = { kind: 'binary', op: 'and', left, right, from: left.from, to: right.to };
    }
    return left;
  }

  private not(depth: number): Expr {
    if (this.isWord('not')) {
      const from = this.tok.from;
      this.i++;
      this.guard(depth + 1);
      const arg = this.not(depth + 1);
      return { kind: 'unary', op: 'not', arg, from, to: arg.to };
    }
    return this.comparison(depth);
  }

  private comparison(depth: number): Expr {
    const left = this.sum(depth);
    const t = this.tok;
    if (t.t === 'op' && ['<', '<=', '>', '>=', '=', '!='].includes(t.op)) {
      this.i++;
      const right = this.sum(depth + 1);
      const next = this.tok;
      if (next.t === 'op' && ['<', '<=', '>', '>=', '=', '!='].includes(next.op)) this.fail('比较不能连写(如 a < b < c),请用 and', 'comparisons do not chain (a < b < c); use and');
      return { kind: 'binary', op: t.op as BinaryOp, left, right, from: left.from, to: right.to };
    }
    return left;
  }

  private sum(depth: number): Expr {
    let left = this.product(depth);
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tok as { op: BinaryOp }).op;
      this.i++;
      const right = this.product(depth + 1);
      left = { kind: 'binary', op, left, right, from: left.from, to: right.to };
    }
    return left;
  }

  private product(depth: number): Expr {
    let left = this.unary(depth);
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tok as { op: BinaryOp }).op;
      this.i++;
      const right = this.unary(depth + 1);
      left = { kind: 'binary', op, left, right, from: left.from, to: right.to };
    }
    return left;
  }

  private unary(depth: number): Expr {
    this.guard(depth);
    if (this.isOp('-')) {
      const from = this.tok.from;
      this.i++;
      const arg = this.unary(depth + 1);
      return { kind: 'unary', op: '-', arg, from, to: arg.to };
    }
    return this.primary(depth);
  }

  private primary(depth: number): Expr {
    const t = this.tok;
    if (t.t === 'num') {
      this.i++;
      return { kind: 'number', value: t.value, from: t.from, to: t.to };
    }
    if (t.t === 'op' && t.op === '(') {
      this.i++;
      const inner = this.expr(depth + 1);
      if (!this.isOp(')')) this.fail('缺少右括号“)”', 'missing ")"');
      this.i++;
      return inner;
    }
    if (t.t === 'id') {
      if (['and', 'or', 'not'].includes(t.name)) this.fail(`此处不能是“${t.name}”`, `"${t.name}" cannot stand here`);
      this.i++;
      if (t.name === 'true' || t.name === 'false') return { kind: 'boolean', value: t.name === 'true', from: t.from, to: t.to };
      if (!this.isOp('(')) return { kind: 'name', name: t.name, from: t.from, to: t.to };
      this.i++;
      const args: Expr[] = [];
      if (!this.isOp(')')) {
        for (;;) {
          args.push(this.expr(depth + 1));
          if (this.isOp(',')) {
            this.i++;
            continue;
          }
          break;
        }
      }
      if (!this.isOp(')')) this.fail(`函数 ${t.name} 的参数后缺少“)”`, `missing ")" after the arguments of ${t.name}`);
      const to = this.tok.to;
      this.i++;
      return { kind: 'call', fn: t.name, fnTo: t.to, args, from: t.from, to };
    }
    if (t.t === 'end') this.fail('表达式不完整', 'the expression ends too early');
    return this.fail(`此处不能是“${describe(t)}”`, `"${describe(t)}" cannot stand here`);
  }
}

function describe(t: Token): string {
  return t.t === 'num' ? String(t.value) : t.t === 'id' ? t.name : t.t === 'op' ? t.op : '结尾';
}
