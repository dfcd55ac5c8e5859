/**
 * The expression language of computed values: numbers, booleans and dates;
 * arithmetic, comparison, and/or/not; calls of a closed set of functions and of
 * the scheme's declared tables. There are no loops, no property access and no
 * way to name anything but the declared inputs, so an expression can only
 * compute over what the scheme gives it.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '=' | '!=' | 'and' | 'or';
export type UnaryOp = '-' | 'not';

interface Span {
  /** Offsets into the expression text, for messages and for the explanation's quoted parts. */
  from: number;
  to: number;
}

export type Expr =
  | (Span & { kind: 'number'; value: number })
  | (Span & { kind: 'boolean'; value: boolean })
  | (Span & { kind: 'name'; name: string })
  | (Span & { kind: 'unary'; op: UnaryOp; arg: Expr })
  | (Span & { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr })
  | (Span & { kind: 'call'; fn: string; fnTo: number; args: Expr[] });

export type ValueType = 'number' | 'boolean' | 'date';

export const TYPE_ZH: Record<ValueType, string> = { number: '数值', boolean: '是否', date: '日期' };

/** The functions every expression may call, with their Chinese names for messages. */
export const FUNCTIONS = {
  min: '最小值',
  max: '最大值',
  clamp: '限定区间',
  if: '条件取值',
  abs: '绝对值',
  days: '相隔天数',
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

export const isFunction = (name: string): name is FunctionName => Object.hasOwn(FUNCTIONS, name);

/** Words of the language itself: no input or table may take these names. */
export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'true', 'false', 'full']);

/** How deep an expression may nest: far beyond a real formula, far below a stack overflow. */
export const MAX_DEPTH = 24;
/** The longest expression text accepted. */
export const MAX_LENGTH = 2000;
