/**
 * Move an indicator to another parent: out of its children array into another
 * one (the top level, another node's children, or a variant's children), or to
 * another place in the same one. One command, one undo step; revert puts it
 * back at its old place, so undo gives the exact document. Ids stay as they
 * are: the flow, rankings and cases name indicators by id, not by place. The
 * only places named by place are the assumptions' JSON Pointers: they follow
 * the indicators they point into, so a move leaves no dangling assumption.
 */
import { methodLabel } from '../i18n/labels.ts';
import type { Command } from './commands.ts';
import type { IndicatorTree, TreeNode } from './indicator-tree.ts';
import { afterInsertion, afterRemoval, rewriteAssumptions } from './assumption-pointers.ts';
import { getAt, isObject, parentPointer, updateAt, type Json } from './json.ts';

/** A pointer of the document before the move, as it reads after it (item `from` of `source` now item `to` of `target`). */
function relocate(pointer: string, source: string, from: number, target: string, to: number): string {
  const item = `${source}/${from}`;
  if (pointer === item || pointer.startsWith(item + '/')) return `${target}/${to}${pointer.slice(item.length)}`;
  return afterInsertion(afterRemoval(pointer, source, from), target, to);
}

const isChildrenArray = (pointer: string) => pointer === '/indicators' || /\/(children)$/.test(pointer);

/**
 * Move the indicator at `from` (an item of a children array) to `toArray`
 * (a children array, given as it is before the move) at `toIndex` (default:
 * the end). Throws, changing nothing, when the target is inside the moved
 * indicator, is not a children array, or does not exist.
 */
export function moveIndicator(from: string, toArray: string, toIndex?: number): Command {
  const { parent, key } = parentPointer(from);
  const fromIndex = Number(key);
  if (!/^\d+$/.test(key) || !isChildrenArray(parent)) throw new Error(`${from} is not an indicator`);
  if (!isChildrenArray(toArray)) throw new Error(`${toArray} is not a list of indicators`);
  if (toArray === from || toArray.startsWith(from + '/')) throw new Error('cannot move an indicator into itself');
  // the target as it reads once the indicator is out of its old array
  const target = afterRemoval(toArray, parent, fromIndex);
  let placed: number | undefined;
  // the assumptions as they were, when the move rewrote their pointers
  let assumptions: Json | undefined;
  return {
    label: `移动指标 ${from} → ${toArray}`,
    execute(doc) {
      const source = getAt(doc, parent);
      const item = Array.isArray(source) ? source[fromIndex] : undefined;
      if (!Array.isArray(source) || !isObject(item)) throw new Error(`no indicator at ${from}`);
      const removed = updateAt(doc, parent, () => source.filter((_, i) => i !== fromIndex));
      const dest = getAt(removed, target);
      if (!Array.isArray(dest)) throw new Error(`${toArray} is not a list of indicators`);
      const at = toIndex ?? dest.length;
      if (at < 0 || at > dest.length) throw new Error(`cannot insert at ${toArray}/${at}`);
      placed = at;
      const moved = updateAt(removed, target, () => [...dest.slice(0, at), item as Json, ...dest.slice(at)]);
      const followed = rewriteAssumptions(moved, (p) => relocate(p, parent, fromIndex, target, at));
      assumptions = followed ? getAt(doc, '/assumptions') : undefined;
      return followed ? updateAt(moved, '/assumptions', () => followed) : moved;
    },
    revert(next) {
      if (placed === undefined) throw new Error('revert before execute');
      const at = placed;
      const before = assumptions;
      const doc = before === undefined ? next : updateAt(next, '/assumptions', () => before);
      const dest = getAt(doc, target) as Json[];
      const item = dest[at] as Json;
      const back = updateAt(doc, target, () => dest.filter((_, i) => i !== at));
      return updateAt(back, parent, (a) => {
        const arr = a as Json[];
        return [...arr.slice(0, fromIndex), item, ...arr.slice(fromIndex)];
      });
    },
  };
}

/** Where an indicator lands after `moveIndicator(from, toArray)` to the end of a target of `length` items. */
export function movedPointer(from: string, toArray: string, length: number): string {
  const { parent, key } = parentPointer(from);
  const target = afterRemoval(toArray, parent, Number(key));
  // moving within the same array: it is one shorter once the item is out
  return `${target}/${target === parent ? length - 1 : length}`;
}

export interface MoveTarget {
  /** The children array to move into (for a leaf: the one it gets). */
  pointer: string;
  /** Chinese label: the path of names, e.g. “日常评议 › 满意度测评”. */
  label: string;
  /** Items now in that array. */
  length: number;
  /** Set when the target is a leaf: moving there makes it a group and removes its scoring method (`moveUnderLeaf`). */
  leaf?: { pointer: string; method: string | undefined };
}

/**
 * Where an indicator can move: the top level and every node's children (or a
 * variant's), except its current parent and its own subtree; then every leaf
 * outside its subtree, which would become a group (the format allows a node
 * with children and no method) and lose its scoring method.
 */
export function moveTargets(tree: IndicatorTree, from: string): MoveTarget[] {
  const { parent } = parentPointer(from);
  const out: MoveTarget[] = [];
  const leaves: MoveTarget[] = [];
  const outside = (pointer: string) => pointer !== from && !pointer.startsWith(from + '/');
  const add = (pointer: string, label: string, length: number) => {
    if (pointer !== parent && outside(pointer)) out.push({ pointer, label, length });
  };
  add('/indicators', '一级指标', tree.nodes.length);
  const walk = (nodes: TreeNode[], path: string[]) => {
    for (const n of nodes) {
      const names = [...path, n.name || n.id];
      if (n.groups.length === 0 && outside(n.pointer)) {
        const note = n.method ? `将变为分组,原计分方法“${methodLabel(n.method)}”移除` : '将变为分组';
        leaves.push({ pointer: `${n.pointer}/children`, label: `${names.join(' › ')}(${note})`, length: 0, leaf: { pointer: n.pointer, method: n.method } });
      }
      for (const g of n.groups) {
        add(g.pointer, [...names, ...(g.variant ? [`变体:${g.variant.name || g.variant.id}`] : [])].join(' › '), g.children.length);
        walk(g.children, g.variant ? [...names, g.variant.name || g.variant.id] : names);
      }
    }
  };
  walk(tree.nodes, []);
  return [...out, ...leaves];
}
