/**
 * Delete an indicator with its whole subtree. The assumptions follow, as they
 * do when an indicator moves: an assumption whose pointer is inside the
 * deleted subtree is deleted with it (what it assumed is gone; left behind it
 * would be a `dangling-pointer` error), and a pointer through a later sibling
 * in the same children array moves up by one. Revert puts the indicator and
 * the assumptions back exactly as they were.
 */
import type { Command } from './commands.ts';
import { afterRemoval, rewriteAssumptions, within } from './assumption-pointers.ts';
import { getAt, isObject, parentPointer, updateAt, type Json } from './json.ts';

export function removeIndicator(pointer: string): Command {
  const { parent, key } = parentPointer(pointer);
  const index = Number(key);
  if (!/^\d+$/.test(key) || !(parent === '/indicators' || parent.endsWith('/children'))) throw new Error(`${pointer} is not an indicator`);
  let removed: { item: Json; assumptions: Json | undefined } | undefined;
  return {
    label: `删除指标 ${pointer}`,
    execute(doc) {
      const list = getAt(doc, parent);
      const item = Array.isArray(list) ? list[index] : undefined;
      if (!Array.isArray(list) || !isObject(item)) throw new Error(`no indicator at ${pointer}`);
      const without = updateAt(doc, parent, () => list.filter((_, i) => i !== index));
      const followed = rewriteAssumptions(without, (p) => (within(p, pointer) ? undefined : afterRemoval(p, parent, index)));
      removed = { item, assumptions: followed ? getAt(doc, '/assumptions') : undefined };
      return followed ? updateAt(without, '/assumptions', () => followed) : without;
    },
    revert(doc) {
      if (!removed) throw new Error('revert before execute');
      const { item, assumptions } = removed;
      const back = assumptions === undefined ? doc : updateAt(doc, '/assumptions', () => assumptions);
      return updateAt(back, parent, (a) => {
        const arr = a as Json[];
        return [...arr.slice(0, index), item, ...arr.slice(index)];
      });
    },
  };
}
