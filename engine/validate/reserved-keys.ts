import { MAX_NUMBER } from '../scheme/common.ts';

/**
 * Names every plain object already answers through its prototype
 * (`constructor`, `toString`, `valueOf`, `__proto__`, `hasOwnProperty`…).
 * A field, a key or a record kind with one of these names would be found on
 * any object whether it is there or not, and an own `toString` that is not a
 * function makes String(x) or a numeric comparison throw. The scheme format
 * and data sets therefore never use them as names.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isReservedKey(key: string): boolean {
  return RESERVED_KEYS.has(key);
}

/** Deepest nesting accepted inside one record of a data set (facts are flat; a few levels for attributes). */
export const MAX_VALUE_DEPTH = 32;

export type UnsafeValue =
  | { problem: 'reserved-key'; path: string; key: string }
  | { problem: 'number-not-finite'; path: string }
  | { problem: 'number-too-large'; path: string; value: number }
  | { problem: 'value-too-deep'; path: string };

/**
 * The first thing inside a record's value that the engine must not read:
 * an object key that is a reserved name, a number that is not finite (JSON
 * reads 1e309 as Infinity) or beyond ±MAX_NUMBER, or nesting deeper than
 * MAX_VALUE_DEPTH. Iterative, so no input can overflow the call stack; each
 * node is visited once.
 */
export function findUnsafeValue(value: unknown, at: string): UnsafeValue | undefined {
  const first = leaf(value, at);
  if (first === 'object') return flatAndSafe(value as object) ? undefined : walk(value as object, at);
  return first;
}

/**
 * A plain object of safe primitives (what almost every fact is): answered in
 * one loop without the walk's stack. Anything else (a nested value, a
 * reserved key, a bad number, an array) is left to the walk, which names it.
 */
function flatAndSafe(v: object): boolean {
  if (Array.isArray(v)) return false;
  for (const k in v) {
    if (!Object.hasOwn(v, k) || RESERVED_KEYS.has(k)) return false;
    const child = (v as Record<string, unknown>)[k];
    if (typeof child === 'number') {
      if (!(Math.abs(child) <= MAX_NUMBER)) return false; // NaN and ±Infinity fail this too
    } else if (child !== null && typeof child === 'object') return false;
  }
  return true;
}

const token = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** A primitive's problem, 'object' for a value to descend into, undefined when fine. */
function leaf(v: unknown, path: string): UnsafeValue | 'object' | undefined {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { problem: 'number-not-finite', path };
    if (Math.abs(v) > MAX_NUMBER) return { problem: 'number-too-large', path, value: v };
    return undefined;
  }
  return v !== null && typeof v === 'object' ? 'object' : undefined;
}

// only objects are stacked, and a child's pointer is built only when it is an object or a problem:
// a million flat facts allocate nothing here
function walk(root: object, at: string): UnsafeValue | undefined {
  const stack: Array<[object, string, number]> = [[root, at, 0]];
  while (stack.length > 0) {
    const [v, p, depth] = stack.pop() as [object, string, number];
    if (depth >= MAX_VALUE_DEPTH) return { problem: 'value-too-deep', path: p };
    const keys = Array.isArray(v) ? undefined : Object.keys(v);
    const n = keys ? keys.length : (v as unknown[]).length;
    for (let i = 0; i < n; i++) {
      const k = keys ? (keys[i] as string) : String(i);
      if (keys && RESERVED_KEYS.has(k)) return { problem: 'reserved-key', path: `${p}/${token(k)}`, key: k };
      const child = (v as Record<string, unknown>)[k];
      if (typeof child === 'number') {
        if (Number.isFinite(child) && Math.abs(child) <= MAX_NUMBER) continue;
        return leaf(child, `${p}/${token(k)}`) as UnsafeValue;
      }
      if (child !== null && typeof child === 'object') stack.push([child, `${p}/${token(k)}`, depth + 1]);
    }
  }
  return undefined;
}
