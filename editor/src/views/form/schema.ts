/**
 * Reading the scheme's JSON Schema (schemes/scheme.schema.json, built from the
 * TypeBox definitions) to drive the forms: resolve `$ref`, pick the branch of a
 * `kind`-discriminated union, and find the schema of any pointer in a document.
 */
import rootSchema from '../../../../schemes/scheme.schema.json';
import { getAt, isObject, tokensOf, type Json } from '../../document/index.ts';

export interface Schema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  discriminator?: { propertyName: string };
  enum?: Json[];
  const?: Json;
  default?: Json;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
}

export const ROOT = rootSchema as unknown as Schema & { $defs: Record<string, Schema> };

export function resolve(s: Schema | undefined): Schema | undefined {
  let cur = s;
  for (let i = 0; cur?.$ref && i < 10; i++) cur = ROOT.$defs[cur.$ref.replace('#/$defs/', '')];
  return cur;
}

/** The tag property of a tagged union (`kind` or `type`), if the schema is one. */
export function tagOf(s: Schema): string | undefined {
  if (s.discriminator) return s.discriminator.propertyName;
  const branches = s.oneOf ?? s.anyOf;
  if (!branches || branches.length === 0) return undefined;
  for (const tag of ['kind', 'type']) {
    if (branches.every((b) => resolve(b)?.properties?.[tag]?.const !== undefined)) return tag;
  }
  return undefined;
}

export function branches(s: Schema): Schema[] {
  return (s.oneOf ?? s.anyOf ?? []).map((b) => resolve(b) ?? b);
}

/** The branch of a tagged union that a value takes (by its tag), else undefined. */
export function branchFor(s: Schema, value: Json | undefined): Schema | undefined {
  const tag = tagOf(s);
  if (!tag || !isObject(value)) return undefined;
  return branches(s).find((b) => b.properties?.[tag]?.const === value[tag]);
}

/** The schema of the value at `pointer` of `doc`, following unions by the document's own tags. */
export function schemaAt(doc: Json, pointer: string): Schema | undefined {
  let s: Schema | undefined = ROOT;
  let at = '';
  for (const t of tokensOf(pointer)) {
    s = resolve(s);
    if (!s) return undefined;
    if (s.oneOf || s.anyOf) s = branchFor(s, getAt(doc, at)) ?? s;
    if (s.items && /^\d+$/.test(t)) s = s.items;
    else if (s.properties?.[t]) s = s.properties[t];
    else if (s.patternProperties) s = Object.values(s.patternProperties)[0];
    else if (isObject(s.additionalProperties as Json)) s = s.additionalProperties as Schema;
    else return undefined;
    at += '/' + t.replace(/~/g, '~0').replace(/\//g, '~1');
  }
  s = resolve(s);
  if (s && (s.oneOf || s.anyOf)) return branchFor(s, getAt(doc, pointer)) ?? s;
  return s;
}

/** The Chinese half of a bilingual description (“中文 — English”). */
export function zhOf(s: Schema | undefined): string {
  const d = s?.description ?? '';
  return d.split(' — ')[0] ?? d;
}

/**
 * A field's label: the first phrase of its Chinese title (“出处:所依据的文件条款”
 * → 出处), the whole title kept for the tooltip. The key only where the
 * format gives no title (the label test fails on those).
 */
export function labelOf(s: Schema | undefined, key: string): string {
  // “日期 YYYY-MM-DD”, “版本号 x.y.z”: the notation after the words is for the tooltip
  const zh = (zhOf(resolve(s)).split(/[::((,,;;]/)[0] ?? '').replace(/\s+[\x21-\x7e][\x20-\x7e]*$/, '').trim();
  return zh || key;
}

export function enOf(s: Schema | undefined): string {
  const d = s?.description ?? '';
  return d.includes(' — ') ? (d.split(' — ')[1] ?? '') : '';
}

export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'const' | 'object' | 'array' | 'union' | 'json';

/** How a schema is edited in a form. */
export function fieldKind(s: Schema | undefined): FieldKind {
  const r = resolve(s);
  if (!r) return 'json';
  if (r.const !== undefined) return 'const';
  if (r.enum) return 'enum';
  if (r.oneOf || r.anyOf) {
    if (tagOf(r)) return 'union';
    const consts = branches(r).map((b) => b.const);
    if (consts.every((c) => typeof c === 'string')) return 'enum';
    return 'json';
  }
  const t = Array.isArray(r.type) ? undefined : r.type;
  switch (t) {
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'object':
    case 'array':
      return t;
    default:
      return 'json';
  }
}

export function enumValues(s: Schema | undefined): string[] {
  const r = resolve(s);
  if (!r) return [];
  if (r.enum) return r.enum.map(String);
  return branches(r)
    .map((b) => b.const)
    .filter((c): c is string => typeof c === 'string');
}

export const isScalar = (k: FieldKind) => k === 'string' || k === 'number' || k === 'integer' || k === 'boolean' || k === 'enum' || k === 'const';

/** A starting value for a new item of this schema: its required properties filled with plain defaults. */
export function emptyValue(s: Schema | undefined): Json {
  const r = resolve(s);
  const k = fieldKind(r);
  switch (k) {
    case 'string':
      return r?.default !== undefined ? r.default : '';
    case 'number':
    case 'integer':
      return r?.default !== undefined ? r.default : (r?.minimum ?? 0);
    case 'boolean':
      return false;
    case 'enum':
      return enumValues(r)[0] ?? '';
    case 'const':
      return r?.const ?? null;
    case 'array':
      return [];
    case 'union': {
      const first = r ? branches(r)[0] : undefined;
      return emptyValue(first);
    }
    case 'object': {
      const o: Record<string, Json> = {};
      for (const key of r?.required ?? []) o[key] = emptyValue(r?.properties?.[key]);
      return o;
    }
    case 'json':
      return {};
    default: {
      const never: never = k;
      return never;
    }
  }
}
