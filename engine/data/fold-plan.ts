/**
 * Which fact types a reader may fold: single-vote records equal in every
 * field but the count become one record whose count is the sum (a province
 * sends twenty million votes; the scores read only the tallies). Pure: it
 * reads the scheme document only.
 *
 * A type is foldable only when nothing but vote-ratio methods can see how
 * many records it has. Conservative by construction: every string (value or
 * key) anywhere in the scheme equal to the type id is found with its path, and
 * each must be the `factType` of a vote-ratio method (or the type's own id);
 * any other construct that names the type, today's or a future one, makes it
 * unfoldable.
 */
import type { Scheme } from '../scheme/scheme.ts';

/** How one foldable fact type folds. Plain data: it is sent to reader threads. */
export interface FoldType {
  type: string;
  /** The field holding a record's number of votes (absent = one vote). */
  countField: string;
  /** The field holding the level, and the levels every method reading the type knows (a record with another level is not folded). */
  levelField: string;
  levels: string[];
}

export interface FoldPlan {
  /** Foldable fact types by id (own properties). */
  types: Record<string, FoldType>;
}

/** Keys a count field's schema may have: anything else (a maximum, a multipleOf…) could reject a sum that each part passes. */
const COUNT_SCHEMA_KEYS = new Set(['type', 'minimum', 'description', 'title', '$comment', 'examples']);
/** Keys a foldable type's fields schema may have: nothing relating fields to one another (dependencies, if/then…). */
const FIELDS_SCHEMA_KEYS = new Set(['type', 'properties', 'required', 'additionalProperties', 'description', 'title', '$comment']);

interface Mention {
  path: Array<string | number>;
  /** The object holding the mention (undefined for an array element or a key). */
  holder: Record<string, unknown> | undefined;
  key: string | number;
  asKey: boolean;
}

/** Every place a string equal to one of `ids` occurs in `doc`, as a value or as an object key. Iterative. */
function mentions(doc: unknown, ids: ReadonlySet<string>): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  const add = (id: string, m: Mention) => {
    const list = out.get(id);
    if (list) list.push(m);
    else out.set(id, [m]);
  };
  const stack: Array<{ v: unknown; path: Array<string | number> }> = [{ v: doc, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop() as { v: unknown; path: Array<string | number> };
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        if (typeof x === 'string' && ids.has(x)) add(x, { path: [...path, i], holder: undefined, key: i, asKey: false });
        else stack.push({ v: x, path: [...path, i] });
      });
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (ids.has(k)) add(k, { path: [...path, k], holder: o, key: k, asKey: true });
      const x = o[k];
      if (typeof x === 'string' && ids.has(x)) add(x, { path: [...path, k], holder: o, key: k, asKey: false });
      else stack.push({ v: x, path: [...path, k] });
    }
  }
  return out;
}

/** Whether `field` occurs anywhere in `v` as a string or a key (a filter that could read the count). */
function namesField(v: unknown, field: string): boolean {
  return mentions(v, new Set([field])).has(field);
}

/** The fold plan of a scheme: the fact types whose single-vote records may be summed into counts. */
export function foldPlan(scheme: Scheme): FoldPlan {
  const ids = new Set(scheme.factTypes.map((t) => t.id));
  const found = mentions(scheme, ids);
  const types: Record<string, FoldType> = {};
  scheme.factTypes.forEach((ft, index) => {
    if (ft.key !== undefined || ft.dateField !== undefined || (ft.target !== 'unit' && ft.target !== 'parent')) return;
    const methods: Array<Record<string, unknown>> = [];
    for (const m of found.get(ft.id) ?? []) {
      const own = !m.asKey && m.path.length === 3 && m.path[0] === 'factTypes' && m.path[1] === index && m.path[2] === 'id';
      if (own) continue;
      if (m.asKey || m.key !== 'factType' || m.holder?.kind !== 'vote-ratio') return;
      methods.push(m.holder);
    }
    if (methods.length === 0) return;
    const first = methods[0] as Record<string, unknown>;
    const countField = first.countField;
    const levelField = first.levelField;
    if (typeof countField !== 'string' || typeof levelField !== 'string' || countField === levelField) return;
    if (RESERVED.has(countField) || RESERVED.has(levelField)) return;
    if (!methods.every((m) => m.countField === countField && m.levelField === levelField)) return;
    // a filter reading the count would see the sum
    if (methods.some((m) => m.filter !== undefined && namesField(m.filter, countField))) return;
    const fields = ft.fields as Record<string, unknown>;
    if (!Object.keys(fields).every((k) => FIELDS_SCHEMA_KEYS.has(k))) return;
    const props = ft.fields.properties as Record<string, unknown>;
    if (!Object.hasOwn(props, countField)) return;
    const count = props[countField] as Record<string, unknown>;
    if (count === null || typeof count !== 'object' || !Object.keys(count).every((k) => COUNT_SCHEMA_KEYS.has(k))) return;
    if (count.type !== 'integer' && count.type !== 'number') return;
    // a record without the count is one vote: a sum of such records must pass the minimum too
    if (count.minimum !== undefined && !(typeof count.minimum === 'number' && count.minimum <= 1)) return;
    // levels known to every method: a record with another level is left alone (its method reports it)
    const levelSets = methods.map((m) => new Set(((m.levels as Array<{ id?: unknown }> | undefined) ?? []).map((l) => l.id)));
    const levels = [...(levelSets[0] ?? [])].filter((l): l is string => typeof l === 'string' && levelSets.every((s) => s.has(l)));
    types[ft.id] = { type: ft.id, countField, levelField, levels };
  });
  return { types };
}

const RESERVED = new Set(['type', 'id', 'unit', 'parent']);
