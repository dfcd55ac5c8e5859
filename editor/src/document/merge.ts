/**
 * Three-way merge of two edits of one scheme document against their common
 * base (the revision both were loaded at), used when a save meets a 409.
 *
 * Rules (EDITOR-NOTES.md "Three-way merge"): equal sides → take; one side
 * equal to the base → take the other; both objects → recurse on the union of
 * keys; arrays whose items all carry a unique string `id` are merged item by
 * item by that id (pointers to indices go stale when the other side inserts);
 * anything else changed on both sides is a conflict. A conflict is never won
 * silently: it is reported with both values, and the merged document carries
 * the side the caller chose for it — until it chooses, the stored side
 * (`theirs`), with the conflict marked unresolved so nothing can be saved.
 */
import { isObject, pointerOf, sameJson, type Json, type JsonObject } from './json.ts';

export type Side = 'ours' | 'theirs';

export interface MergeConflict {
  /** Where, in the clerk's document (array items by their index there; the index in `theirs` for an item only it has). */
  readonly pointer: string;
  /** The same place named by ids, stable whatever either side inserted (`/indicators/[supervisor]/points`). */
  readonly key: string;
  readonly base: Json | undefined;
  readonly ours: Json | undefined;
  readonly theirs: Json | undefined;
  /** The side the merged document carries, or undefined while nobody chose (it then carries theirs). */
  readonly chosen: Side | undefined;
}

export interface MergeResult {
  /** The merge; undefined only when the whole document was removed on a side (never for a scheme). */
  readonly doc: Json | undefined;
  readonly conflicts: readonly MergeConflict[];
}

/** Choices by conflict `key`. */
export type Choices = ReadonlyMap<string, Side>;

interface Path {
  tokens: Array<string | number>;
  key: string;
}

const keyToken = (t: string) => '/' + t.replace(/~/g, '~0').replace(/\//g, '~1');

/** The ids of an array whose items are all objects with a unique string id, else undefined. */
function idsOf(a: Json[]): string[] | undefined {
  const ids: string[] = [];
  for (const item of a) {
    if (!isObject(item) || typeof item.id !== 'string') return undefined;
    ids.push(item.id);
  }
  return new Set(ids).size === ids.length ? ids : undefined;
}

export function merge3(base: Json, ours: Json, theirs: Json, choices: Choices = new Map()): MergeResult {
  const conflicts: MergeConflict[] = [];

  const conflict = (path: Path, b: Json | undefined, o: Json | undefined, t: Json | undefined): Json | undefined => {
    const chosen = choices.get(path.key);
    conflicts.push({ pointer: pointerOf(path.tokens), key: path.key, base: b, ours: o, theirs: t, chosen });
    return chosen === 'ours' ? o : t;
  };

  const go = (b: Json | undefined, o: Json | undefined, t: Json | undefined, path: Path): Json | undefined => {
    if (sameJson(o, t)) return o;
    if (sameJson(b, o)) return t;
    if (sameJson(b, t)) return o;
    if (isObject(o) && isObject(t)) return objects(isObject(b) ? b : {}, o, t, path);
    if (Array.isArray(o) && Array.isArray(t)) {
      const keyed = arrays(Array.isArray(b) ? b : [], o, t, path);
      if (keyed !== undefined) return keyed;
    }
    return conflict(path, b, o, t);
  };

  const objects = (b: JsonObject, o: JsonObject, t: JsonObject, path: Path): JsonObject => {
    // key order: the clerk's, a key only the stored side has after its predecessor there
    const order = Object.keys(o);
    const tKeys = Object.keys(t);
    tKeys.forEach((k, i) => {
      if (order.includes(k)) return;
      const before = tKeys.slice(0, i).reverse().find((p) => order.includes(p));
      order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, k);
    });
    for (const k of Object.keys(b)) if (!order.includes(k)) order.push(k);
    const out: JsonObject = {};
    for (const k of order) {
      const v = go(b[k], o[k], t[k], { tokens: [...path.tokens, k], key: path.key + keyToken(k) });
      if (v !== undefined) out[k] = v;
    }
    return out;
  };

  /** Items merged by id; undefined when the arrays are not keyed by id (the caller reports a conflict). */
  const arrays = (b: Json[], o: Json[], t: Json[], path: Path): Json[] | undefined => {
    const bIds = idsOf(b);
    const oIds = idsOf(o);
    const tIds = idsOf(t);
    if (!bIds || !oIds || !tIds) {
      // without ids, an index names the same item only while no side inserted or removed one
      if (b.length !== o.length || o.length !== t.length) return undefined;
      return o.map((x, i) => go(b[i], x, t[i], { tokens: [...path.tokens, i], key: `${path.key}/${i}` }) as Json);
    }
    const byId = (a: Json[], ids: string[]) => new Map(ids.map((id, i) => [id, a[i] as Json]));
    const bMap = byId(b, bIds);
    const oMap = byId(o, oIds);
    const tMap = byId(t, tIds);
    // the order of the items both sides kept: a side that kept the base's order yields to the other
    const common = (ids: string[], others: string[][]) => ids.filter((id) => others.every((x) => x.includes(id)));
    const oOrder = common(oIds, [bIds, tIds]);
    const tOrder = common(tIds, [bIds, oIds]);
    const bOrder = common(bIds, [oIds, tIds]);
    let lead: 'ours' | 'theirs' = 'ours';
    if (sameJson(oOrder, bOrder) && !sameJson(tOrder, bOrder)) lead = 'theirs';
    else if (!sameJson(oOrder, tOrder) && !sameJson(tOrder, bOrder)) {
      const chosen = choices.get(path.key + '#order');
      conflicts.push({ pointer: pointerOf(path.tokens), key: path.key + '#order', base: bIds, ours: oIds, theirs: tIds, chosen });
      lead = chosen === 'ours' ? 'ours' : 'theirs';
    }
    const leadIds = lead === 'ours' ? oIds : tIds;
    const otherIds = lead === 'ours' ? tIds : oIds;
    const order = leadIds.slice();
    // an item only the other side has goes after its predecessor there
    otherIds.forEach((id, i) => {
      if (order.includes(id)) return;
      const before = otherIds.slice(0, i).reverse().find((p) => order.includes(p));
      order.splice(before === undefined ? 0 : order.indexOf(before) + 1, 0, id);
    });
    for (const id of bIds) if (!order.includes(id)) order.push(id);
    const out: Json[] = [];
    for (const id of order) {
      const oi = oIds.indexOf(id);
      const index = oi >= 0 ? oi : tIds.indexOf(id);
      const v = go(bMap.get(id), oMap.get(id), tMap.get(id), { tokens: [...path.tokens, index], key: `${path.key}/[${id}]` });
      if (v !== undefined) out.push(v);
    }
    return out;
  };

  const doc = go(base, ours, theirs, { tokens: [], key: '' });
  return { doc, conflicts };
}

/** Whether every conflict has a chosen side (only then may the merge be saved). */
export const allChosen = (r: MergeResult) => r.conflicts.every((c) => c.chosen !== undefined);

/**
 * The clerk's undo history replayed on the stored revision: every document the
 * history passes through is merged with `theirs` (the same choices apply), so
 * after the merge undo still walks back the clerk's steps one by one, each
 * state keeping the other side's edits. Steps that merge to no change vanish.
 */
export function mergeHistory(
  base: Json,
  history: ReadonlyArray<{ label: string | undefined; doc: Json }>,
  theirs: Json,
  choices: Choices = new Map(),
): { result: MergeResult; steps: Array<{ label: string; doc: Json }> } {
  const last = history[history.length - 1];
  const result = merge3(base, last ? last.doc : base, theirs, choices);
  const steps: Array<{ label: string; doc: Json }> = [];
  let prev: Json = theirs;
  history.forEach((h, i) => {
    if (h.label === undefined) return;
    const merged = i === history.length - 1 ? result.doc : merge3(base, h.doc, theirs, choices).doc;
    if (merged === undefined || sameJson(merged, prev)) return;
    steps.push({ label: h.label, doc: merged });
    prev = merged;
  });
  return { result, steps };
}
