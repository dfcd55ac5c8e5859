/**
 * Random commands that fit a given document, for property tests: the choice
 * is drawn from integers so fast-check can shrink a failing sequence.
 */
import { getAt, indicatorTree, insertItem, isObject, moveIndicator, moveItem, moveTargets, moveUnderLeaf, pointerOf, removeIndicator, removeItem, renameKey, replaceDocument, setValue, type Command, type Json } from '../../../editor/src/document/index.ts';

function containers(doc: Json): Array<{ pointer: string; value: Json[] | Record<string, Json> }> {
  const out: Array<{ pointer: string; value: Json[] | Record<string, Json> }> = [];
  const walk = (v: Json, path: Array<string | number>) => {
    if (Array.isArray(v)) {
      out.push({ pointer: pointerOf(path), value: v });
      v.forEach((x, i) => walk(x, [...path, i]));
    } else if (isObject(v)) {
      out.push({ pointer: pointerOf(path), value: v });
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
}

const VALUES: Json[] = [0, 7.5, -1, '', '新名称', true, null, [], {}, { id: 'x', points: 3 }, ['a', 1]];

export function commandFor(doc: Json, pick: number[]): Command {
  const at = (i: number, n: number) => (n === 0 ? 0 : (pick[i] ?? 0) % n);
  const all = containers(doc);
  const c = all[at(0, all.length)] ?? { pointer: '', value: {} };
  const value = VALUES[at(2, VALUES.length)] as Json;
  const op = at(3, 7);
  if (Array.isArray(c.value)) {
    const n = c.value.length;
    if (op === 0 || n === 0) return insertItem(c.pointer, at(1, n + 1), value);
    if (op === 1) return removeItem(c.pointer, at(1, n));
    if (op === 2) return moveItem(c.pointer, at(1, n), at(4, n));
    if (op === 5 && (c.pointer === '/indicators' || c.pointer.endsWith('/children'))) {
      // an indicator to another parent, when the tree offers one
      const from = `${c.pointer}/${at(1, n)}`;
      const targets = isObject(c.value[at(1, n)]) ? moveTargets(indicatorTree(doc), from) : [];
      const t = targets[at(4, targets.length)];
      if (t) return t.leaf ? moveUnderLeaf(from, t.leaf.pointer) : moveIndicator(from, t.pointer, at(2, t.length + 1));
    }
    // deleting an indicator, its assumptions following
    if (op === 4 && (c.pointer === '/indicators' || c.pointer.endsWith('/children')) && isObject(c.value[at(1, n)])) return removeIndicator(`${c.pointer}/${at(1, n)}`);
    if (op === 6) return replaceDocument(getAt(doc, c.pointer) ?? {});
    return setValue(`${c.pointer}/${at(1, n)}`, value);
  }
  const keys = Object.keys(c.value);
  const key = keys[at(1, keys.length)];
  if (op === 0 || key === undefined) return setValue(`${c.pointer}/k${pick[4] ?? 0}`, value);
  if (op === 1) return setValue(`${c.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, undefined);
  if (op === 2 && !keys.includes(`${key}-2`)) return renameKey(c.pointer, key, `${key}-2`);
  return setValue(`${c.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value);
}
