/**
 * JSON values and JSON Pointers (RFC 6901) for the document store. Documents
 * are immutable: every change builds a new root and shares untouched parts,
 * so React views compare by identity and undo can keep old roots cheaply.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function tokensOf(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON Pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pointerOf(tokens: ReadonlyArray<string | number>): string {
  return tokens.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function parentPointer(pointer: string): { parent: string; key: string } {
  const tokens = tokensOf(pointer);
  const key = tokens.pop();
  if (key === undefined) throw new Error('the root has no parent');
  return { parent: pointerOf(tokens), key };
}

/** The value at a pointer, or undefined when it does not resolve. */
export function getAt(doc: Json, pointer: string): Json | undefined {
  let cur: Json | undefined = doc;
  for (const t of tokensOf(pointer)) {
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(t)) return undefined;
      cur = cur[Number(t)];
    } else if (isObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
      cur = cur[t];
    } else return undefined;
  }
  return cur;
}

/** A new root where the container at `pointer` is replaced by `f(container)`. */
export function updateAt(doc: Json, pointer: string, f: (v: Json) => Json): Json {
  const go = (cur: Json, tokens: string[]): Json => {
    const [t, ...rest] = tokens;
    if (t === undefined) return f(cur);
    if (Array.isArray(cur)) {
      const i = Number(t);
      if (!/^\d+$/.test(t) || i >= cur.length) throw new Error(`no item ${t} at ${pointer}`);
      const copy = cur.slice();
      copy[i] = go(cur[i] as Json, rest);
      return copy;
    }
    if (isObject(cur) && Object.prototype.hasOwnProperty.call(cur, t)) {
      return { ...cur, [t]: go(cur[t] as Json, rest) };
    }
    throw new Error(`pointer ${pointer} does not resolve`);
  };
  return go(doc, tokensOf(pointer));
}

/** Object entries with one key set, keeping its place (a new key goes to `index`, else to the end). */
export function withKey(obj: JsonObject, key: string, value: Json, index?: number): JsonObject {
  if (Object.prototype.hasOwnProperty.call(obj, key)) return { ...obj, [key]: value };
  const entries = Object.entries(obj);
  entries.splice(index ?? entries.length, 0, [key, value]);
  return Object.fromEntries(entries);
}

export function withoutKey(obj: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
}

/** Deep structural equality, key order included (the document must come back exactly). */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
