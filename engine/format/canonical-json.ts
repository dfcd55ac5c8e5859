/**
 * Canonical JSON text for files kept in git (schemes, rosters, cases): the
 * same value always prints the same bytes, whatever order its keys were built
 * in, so a diff shows only what a person changed. Pure — no Node imports.
 *
 * Rules: two-space indentation and a trailing newline; object keys listed in
 * `keyOrder` come first (in that order, at every depth), the rest follow in
 * code-point order; arrays keep their order; an array of primitives is printed
 * on one line when that line fits in {@link MAX_COLUMNS} display columns;
 * numbers and strings are printed as JSON.stringify does (which keeps Chinese
 * readable — it escapes only quotes, backslashes, control characters and lone
 * surrogates).
 */
import { displayWidth } from './display-width.ts';

export interface CanonicalJsonOptions {
  /** Keys printed first, in this order; absent = purely code-point order. */
  keyOrder?: readonly string[];
}

/**
 * Identity first, then what a reviewer reads next (points, conditions), so a
 * scheme file opens on what each node *is* rather than on alphabetic noise.
 */
export const DEFAULT_SCHEME_KEY_ORDER: readonly string[] = Object.freeze([
  '$schema', 'formatVersion', 'id', 'kind', 'type', 'name', 'nameEn', 'title', 'jurisdiction', 'year', 'version', 'basedOn',
  'description', 'source', 'points', 'percent', 'max', 'when', 'fact', 'operator', 'value', 'path', 'all', 'any', 'not',
]);

/** Width limit for one-line arrays, counting East Asian wide characters as 2. */
export const MAX_COLUMNS = 100;

const INDENT = '  ';

/** Deepest nesting canonicalJson prints; deeper input is refused with a {@link CanonicalJsonError} (the printer recurses). */
export const MAX_JSON_DEPTH = 256;

/** A value canonicalJson cannot print, with a stable code and the JSON Pointer of the place. */
export class CanonicalJsonError extends Error {
  constructor(
    readonly code: 'json-too-deep',
    readonly path: string,
    readonly zh: string,
  ) {
    super(`canonicalJson: nesting deeper than ${MAX_JSON_DEPTH} levels at ${path || '/'}`);
    this.name = 'CanonicalJsonError';
  }
}

/** Iterative depth check, so a value nested 100,000 levels deep is refused before the printer recurses into it. */
function assertDepth(value: unknown): void {
  const stack: Array<[unknown, string, number]> = [[value, '', 0]];
  // each object once: a cycle is left for the printer to report, a shared object is not walked twice
  const visited = new Set<object>();
  while (stack.length > 0) {
    const [v, at, depth] = stack.pop() as [unknown, string, number];
    if (v === null || typeof v !== 'object' || visited.has(v)) continue;
    visited.add(v);
    if (depth >= MAX_JSON_DEPTH) {
      throw new CanonicalJsonError('json-too-deep', at, `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层(位置 ${at || '/'}),无法格式化`);
    }
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) stack.push([x, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth + 1]);
  }
}

export function canonicalJson(value: unknown, opts: CanonicalJsonOptions = {}): string {
  assertDepth(value);
  const rank = new Map<string, number>();
  (opts.keyOrder ?? []).forEach((k, i) => {
    if (!rank.has(k)) rank.set(k, i);
  });
  const compareKeys = (a: string, b: string): number => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined || rb !== undefined) return (ra ?? Infinity) - (rb ?? Infinity) || compareCodePoints(a, b);
    return compareCodePoints(a, b);
  };
  const seen = new Set<object>();

  // `prefix` is what precedes the value on its first line (indent + `"key": `),
  // `suffix` what follows it (a comma); both count towards the one-line limit.
  const print = (v: unknown, depth: number, prefixWidth: number, suffixWidth: number): string => {
    const j = toJsonValue(v);
    if (j === undefined) return 'null';
    if (j === null || typeof j !== 'object') return primitive(j);
    if (seen.has(j)) throw new TypeError('canonicalJson: cyclic structure');
    seen.add(j);
    try {
      const pad = INDENT.repeat(depth + 1);
      const close = INDENT.repeat(depth);
      if (Array.isArray(j)) {
        if (j.length === 0) return '[]';
        const items = j.map(toJsonValue);
        if (items.every((x) => x === undefined || x === null || typeof x !== 'object')) {
          const line = `[${items.map((x) => (x === undefined ? 'null' : primitive(x))).join(', ')}]`;
          if (prefixWidth + displayWidth(line) + suffixWidth <= MAX_COLUMNS) return line;
        }
        // print the original items: print() applies toJSON itself, exactly once
        const lines = j.map((x: unknown, i) => pad + print(x, depth + 1, pad.length, i < j.length - 1 ? 1 : 0));
        return `[\n${lines.join(',\n')}\n${close}]`;
      }
      const keys = Object.keys(j)
        .filter((k) => toJsonValue((j as Record<string, unknown>)[k]) !== undefined)
        .sort(compareKeys);
      if (keys.length === 0) return '{}';
      const lines = keys.map((k, i) => {
        const head = `${pad}${JSON.stringify(k)}: `;
        return head + print((j as Record<string, unknown>)[k], depth + 1, displayWidth(head), i < keys.length - 1 ? 1 : 0);
      });
      return `{\n${lines.join(',\n')}\n${close}}`;
    } finally {
      seen.delete(j);
    }
  };

  if (toJsonValue(value) === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return print(value, 0, 0, 0) + '\n';
}

/**
 * What JSON.stringify would serialise: `toJSON()` applied, functions/symbols/
 * undefined mapped to `undefined` (dropped from objects, `null` in arrays).
 */
function toJsonValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (typeof v === 'bigint') throw new TypeError('canonicalJson: BigInt has no JSON representation');
  // boxed primitives (new String('x')) print as their primitive, like JSON.stringify
  if (v instanceof Number || v instanceof String || v instanceof Boolean) return v.valueOf();
  return v;
}

function primitive(v: unknown): string {
  // JSON.stringify prints numbers the JS way (1.5, 1e+21) and non-finite ones as null
  return JSON.stringify(v) ?? 'null';
}

/**
 * Code-point order rather than UTF-16 code-unit order (what Array#sort does),
 * so astral characters sort after U+E000–U+FFFF as they do in other languages.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

function fixup(c: number): number {
  // surrogates (D800–DFFF) encode code points ≥ 10000, so they must rank above E000–FFFF
  if (c >= 0xe000) return c - 0x800;
  if (c >= 0xd800) return c + 0x2000;
  return c;
}
