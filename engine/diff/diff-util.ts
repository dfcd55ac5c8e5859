/**
 * Building blocks of the scheme diff: value equality that ignores key order,
 * matching of id lists, and detection of items whose relative order changed.
 */
import { joinPointer } from '../issue.ts';
import { describeChange } from './describe-change.ts';
import type { Change, ChangeBody } from './change.ts';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Deep equality of parsed JSON. Object key order never matters (a reformatted
 * file is the same scheme); array order always does (lists without ids are
 * values). A key holding `undefined` counts as absent, as it would in JSON.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (!isObj(a) || !isObj(b)) return false;
  const ka = definedKeys(a);
  const kb = definedKeys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]));
}

export function definedKeys(o: Obj): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined);
}

/** Keys of either object, sorted, so the order of the changes never depends on the order of the keys. */
export function unionKeys(a: Obj, b: Obj, skip: readonly string[] = []): string[] {
  return [...new Set([...definedKeys(a), ...definedKeys(b)])].filter((k) => !skip.includes(k)).sort();
}

export const ptr = joinPointer;

/**
 * Attach the one-line summary; every change leaves the diff through here.
 * A side where the value is absent gets no pointer: it would point nowhere.
 */
export function finish(body: ChangeBody): Change {
  const c = { ...body, summary: describeChange(body) } as Change;
  if ('before' in c && c.before === undefined) delete c.pathA;
  if ('after' in c && c.after === undefined) delete c.pathB;
  if (c.pathA === undefined) delete c.pathA;
  if (c.pathB === undefined) delete c.pathB;
  return c;
}

export interface Matched<T> {
  key: string;
  a?: { item: T; index: number };
  b?: { item: T; index: number };
}

/**
 * Pair the items of two lists by id. A valid scheme has unique ids; should a
 * list repeat one, the n-th occurrences are paired so nothing is lost.
 * Result order: B's order, with items only in A after them in A's order.
 */
export function matchById<T extends { id: string }>(listA: readonly T[] | undefined, listB: readonly T[] | undefined): Matched<T>[] {
  const keyed = (list: readonly T[]) => {
    const seen = new Map<string, number>();
    return list.map((item, index) => {
      const n = seen.get(item.id) ?? 0;
      seen.set(item.id, n + 1);
      return { key: n === 0 ? item.id : `${item.id}#${n + 1}`, item, index };
    });
  };
  const ka = keyed(listA ?? []);
  const kb = keyed(listB ?? []);
  const byA = new Map(ka.map((x) => [x.key, x]));
  const inB = new Set(kb.map((x) => x.key));
  const out: Matched<T>[] = kb.map((x) => {
    const a = byA.get(x.key);
    return { key: x.key, b: { item: x.item, index: x.index }, ...(a ? { a: { item: a.item, index: a.index } } : {}) };
  });
  for (const x of ka) if (!inB.has(x.key)) out.push({ key: x.key, a: { item: x.item, index: x.index } });
  return out;
}

/**
 * Of the keys present in both sequences, those whose relative order changed:
 * the ones outside a longest common subsequence. Inserting or removing an item
 * shifts its neighbours' indices without moving them, so indices alone would
 * report every sibling; the LCS reports only what a person actually moved.
 */
export function reordered(keysA: readonly string[], keysB: readonly string[]): Set<string> {
  const inB = new Set(keysB);
  const inA = new Set(keysA);
  const a = keysA.filter((k) => inB.has(k));
  const b = keysB.filter((k) => inA.has(k));
  const n = a.length;
  const m = b.length;
  // lcs(i, j): length of a longest common subsequence of a[i..] and b[j..]; lists in a scheme are short, so the table is fine
  const table = new Array<number>((n + 1) * (m + 1)).fill(0);
  const lcs = (i: number, j: number) => table[i * (m + 1) + j] ?? 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) table[i * (m + 1) + j] = a[i] === b[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) {
      kept.add(a[i] as string);
      i++;
      j++;
    } else if (lcs(i + 1, j) >= lcs(i, j + 1)) i++;
    else j++;
  }
  return new Set(a.filter((k) => !kept.has(k)));
}

/** Keys of the matched items whose place in the list moved (see {@link reordered}). */
export function movedKeys<T>(pairs: readonly Matched<T>[]): Set<string> {
  const both = pairs.filter((p) => p.a && p.b);
  const byA = [...both].sort((x, y) => (x.a?.index ?? 0) - (y.a?.index ?? 0)).map((p) => p.key);
  const byB = [...both].sort((x, y) => (x.b?.index ?? 0) - (y.b?.index ?? 0)).map((p) => p.key);
  return reordered(byA, byB);
}

/** A name for a Ref: `name` when the item has one, else the fallback. */
export function nameOf(item: unknown, fallback = ''): string {
  return isObj(item) && typeof item.name === 'string' ? item.name : fallback;
}
