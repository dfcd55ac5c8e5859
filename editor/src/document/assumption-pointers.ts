/**
 * The assumptions (`/assumptions/*`) name the value they assume by JSON
 * Pointer, that is by place: `/indicators/0/children/2/method/levels`. A tree
 * command that moves or removes indicators rewrites those pointers so they
 * keep naming the same value (the engine reports a pointer that no longer
 * resolves as `dangling-pointer`). These are the pointer arithmetic and the
 * rewrite, shared by the move, delete and leaf-to-group commands.
 */
import { getAt, isObject, pointerOf, tokensOf, type Json } from './json.ts';

/** True when `pointer` is `at` or inside it. */
export const within = (pointer: string, at: string) => pointer === at || pointer.startsWith(at + '/');

/**
 * Where an array pointer points once item `index` of `array` is removed: a
 * pointer through a later sibling moves up by one.
 */
export function afterRemoval(pointer: string, array: string, index: number): string {
  const head = tokensOf(array);
  const tokens = tokensOf(pointer);
  if (tokens.length <= head.length || head.some((t, i) => tokens[i] !== t)) return pointer;
  const at = tokens[head.length] as string;
  if (/^\d+$/.test(at) && Number(at) > index) tokens[head.length] = String(Number(at) - 1);
  return pointerOf(tokens);
}

/** Where a pointer points once an item is inserted at `index` of `array`: later siblings move down by one. */
export function afterInsertion(pointer: string, array: string, index: number): string {
  const head = tokensOf(array);
  const tokens = tokensOf(pointer);
  if (tokens.length <= head.length || head.some((t, i) => tokens[i] !== t)) return pointer;
  const at = tokens[head.length] as string;
  if (/^\d+$/.test(at) && Number(at) >= index) tokens[head.length] = String(Number(at) + 1);
  return pointerOf(tokens);
}

/**
 * The assumptions with each pointer into the indicators rewritten by
 * `rewrite` (which returns `undefined` for an assumption that goes away with
 * what it pointed into), or `undefined` when nothing changes. Assumptions
 * pointing elsewhere (quotas, the flow…) are left as they are.
 */
export function rewriteAssumptions(doc: Json, rewrite: (pointer: string) => string | undefined): Json[] | undefined {
  const list = getAt(doc, '/assumptions');
  if (!Array.isArray(list)) return undefined;
  let changed = false;
  const next: Json[] = [];
  for (const a of list) {
    if (!isObject(a) || typeof a.pointer !== 'string' || !a.pointer.startsWith('/indicators/')) {
      next.push(a);
      continue;
    }
    const p = rewrite(a.pointer);
    if (p === a.pointer) next.push(a);
    else {
      changed = true;
      if (p !== undefined) next.push({ ...a, pointer: p });
    }
  }
  return changed ? next : undefined;
}
