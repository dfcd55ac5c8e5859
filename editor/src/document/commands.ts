/**
 * Every edit of a scheme document is a command: `execute` turns a document
 * into the next one, `revert` turns that one back into exactly the document it
 * came from (key order included). A command remembers what it overwrote the
 * first time it runs, so undo needs no snapshot of the whole document.
 */
import { getAt, isObject, parentPointer, updateAt, withKey, withoutKey, type Json, type JsonObject } from './json.ts';

export interface Command {
  /** Short Chinese label for the undo menu, e.g. “修改 /indicators/0/points”. */
  readonly label: string;
  execute(doc: Json): Json;
  revert(doc: Json): Json;
}

function arrayAt(doc: Json, pointer: string): Json[] {
  const v = getAt(doc, pointer);
  if (!Array.isArray(v)) throw new Error(`${pointer || '/'} is not an array`);
  return v;
}

function objectAt(doc: Json, pointer: string): JsonObject {
  const v = getAt(doc, pointer);
  if (!isObject(v)) throw new Error(`${pointer || '/'} is not an object`);
  return v;
}

/** Set (or, with `undefined`, remove) the value at a pointer; an object key keeps its place. */
export function setValue(pointer: string, value: Json | undefined): Command {
  // what execute overwrote: the old value (absent: undefined) and, for an object key, its place
  let before: { value: Json | undefined; index: number } | undefined;
  const apply = (doc: Json, v: Json | undefined, index?: number): Json => {
    if (pointer === '') {
      if (v === undefined) throw new Error('cannot remove the whole document');
      return v;
    }
    const { parent, key } = parentPointer(pointer);
    return updateAt(doc, parent, (c) => {
      if (Array.isArray(c)) {
        const i = Number(key);
        if (!/^\d+$/.test(key) || i >= c.length || v === undefined) throw new Error(`cannot set item ${key} at ${parent}`);
        const copy = c.slice();
        copy[i] = v;
        return copy;
      }
      if (!isObject(c)) throw new Error(`${parent || '/'} is not an object`);
      return v === undefined ? withoutKey(c, key) : withKey(c, key, v, index);
    });
  };
  return {
    label: value === undefined ? `删除 ${pointer}` : `修改 ${pointer || '/'}`,
    execute(doc) {
      let index = -1;
      if (pointer !== '') {
        const { parent, key } = parentPointer(pointer);
        const c = getAt(doc, parent);
        if (isObject(c)) index = Object.keys(c).indexOf(key);
      }
      before = { value: getAt(doc, pointer), index };
      return apply(doc, value);
    },
    revert(doc) {
      if (!before) throw new Error('revert before execute');
      return apply(doc, before.value, before.index < 0 ? undefined : before.index);
    },
  };
}

export function insertItem(arrayPointer: string, index: number, value: Json): Command {
  return {
    label: `插入 ${arrayPointer}/${index}`,
    execute: (doc) =>
      updateAt(doc, arrayPointer, (a) => {
        if (!Array.isArray(a) || index < 0 || index > a.length) throw new Error(`cannot insert at ${arrayPointer}/${index}`);
        return [...a.slice(0, index), value, ...a.slice(index)];
      }),
    revert: (doc) => updateAt(doc, arrayPointer, (a) => (a as Json[]).filter((_, i) => i !== index)),
  };
}

export function removeItem(arrayPointer: string, index: number): Command {
  let removed: Json | undefined;
  return {
    label: `删除 ${arrayPointer}/${index}`,
    execute(doc) {
      const a = arrayAt(doc, arrayPointer);
      if (index < 0 || index >= a.length) throw new Error(`no item ${index} at ${arrayPointer}`);
      removed = a[index];
      return updateAt(doc, arrayPointer, () => a.filter((_, i) => i !== index));
    },
    revert: (doc) =>
      updateAt(doc, arrayPointer, (a) => {
        if (removed === undefined) throw new Error('revert before execute');
        const arr = a as Json[];
        return [...arr.slice(0, index), removed, ...arr.slice(index)];
      }),
  };
}

function moveIn(a: Json[], from: number, to: number): Json[] {
  const copy = a.slice();
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as Json);
  return copy;
}

/** Move an array item from one index to another (the index it has afterwards). */
export function moveItem(arrayPointer: string, from: number, to: number): Command {
  return {
    label: `移动 ${arrayPointer}/${from} → ${to}`,
    execute(doc) {
      const a = arrayAt(doc, arrayPointer);
      if (from < 0 || from >= a.length || to < 0 || to >= a.length) throw new Error(`cannot move ${from} → ${to} in ${arrayPointer}`);
      return updateAt(doc, arrayPointer, () => moveIn(a, from, to));
    },
    revert: (doc) => updateAt(doc, arrayPointer, (a) => moveIn(a as Json[], to, from)),
  };
}

/** Rename an object key in place (e.g. a quota's category key), keeping the key order. */
export function renameKey(objectPointer: string, from: string, to: string): Command {
  const rename = (o: JsonObject, a: string, b: string): JsonObject => {
    if (!Object.prototype.hasOwnProperty.call(o, a)) throw new Error(`no key ${a} at ${objectPointer}`);
    if (Object.prototype.hasOwnProperty.call(o, b)) throw new Error(`key ${b} already at ${objectPointer}`);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k === a ? b : k, v]));
  };
  return {
    label: `重命名 ${from} → ${to}`,
    execute: (doc) => updateAt(doc, objectPointer, (o) => rename(objectAt(o, ''), from, to)),
    revert: (doc) => updateAt(doc, objectPointer, (o) => rename(objectAt(o, ''), to, from)),
  };
}

/** Replace the whole document (what Monaco sends after a text edit that parses). */
export function replaceDocument(next: Json, label = '编辑 JSON'): Command {
  let prev: Json | undefined;
  return {
    label,
    execute(doc) {
      prev = doc;
      return next;
    },
    revert() {
      if (prev === undefined) throw new Error('revert before execute');
      return prev;
    },
  };
}

/** Several commands as one undo step (e.g. move a node = remove here + insert there). */
export function batch(label: string, commands: Command[]): Command {
  return {
    label,
    execute: (doc) => commands.reduce((d, c) => c.execute(d), doc),
    revert: (doc) => commands.reduceRight((d, c) => c.revert(d), doc),
  };
}
