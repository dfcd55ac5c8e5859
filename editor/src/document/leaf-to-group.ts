/**
 * Moving an indicator under a leaf. The scheme format lets a leaf become a
 * group: an indicator has children, variants or a method, exactly one
 * (engine check `leaf-or-branch`), so the leaf's scoring method is removed
 * and a `children` list takes its place, which the moved indicator then joins.
 * The assumptions that pointed into the removed method go with it (they would
 * dangle); the others follow the move. One undo step gives back the exact
 * document, the method and those assumptions included.
 */
import { batch, type Command } from './commands.ts';
import { rewriteAssumptions, within } from './assumption-pointers.ts';
import { getAt, isObject, updateAt, type Json, type JsonObject } from './json.ts';
import { moveIndicator } from './move-indicator.ts';

/** The leaf at `pointer` as a group with no children yet: `method` replaced, in its place, by `children: []`. */
export function leafToGroup(pointer: string): Command {
  let before: { node: JsonObject; assumptions: Json | undefined } | undefined;
  return {
    label: `指标 ${pointer} 变为分组`,
    execute(doc) {
      const node = getAt(doc, pointer);
      if (!isObject(node)) throw new Error(`no indicator at ${pointer}`);
      if (node.children !== undefined || node.variants !== undefined) throw new Error(`${pointer} is already a group`);
      // children where the method was, so the document reads in the same order
      const entries = Object.entries(node).map(([k, v]): [string, Json] => (k === 'method' ? ['children', []] : [k, v]));
      if (!('method' in node)) entries.push(['children', []]);
      const grouped = updateAt(doc, pointer, () => Object.fromEntries(entries));
      const followed = rewriteAssumptions(grouped, (p) => (within(p, `${pointer}/method`) ? undefined : p));
      before = { node, assumptions: followed ? getAt(doc, '/assumptions') : undefined };
      return followed ? updateAt(grouped, '/assumptions', () => followed) : grouped;
    },
    revert(doc) {
      if (!before) throw new Error('revert before execute');
      const { node, assumptions } = before;
      const back = assumptions === undefined ? doc : updateAt(doc, '/assumptions', () => assumptions);
      return updateAt(back, pointer, () => node);
    },
  };
}

/** Move the indicator at `from` under the leaf at `leaf`, which becomes a group (its method removed). */
export function moveUnderLeaf(from: string, leaf: string): Command {
  if (within(leaf, from)) throw new Error('cannot move an indicator into itself');
  return batch(`移动指标 ${from} → ${leaf}(变为分组)`, [leafToGroup(leaf), moveIndicator(from, `${leaf}/children`, 0)]);
}
