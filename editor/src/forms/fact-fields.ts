/**
 * The fields of a fact type as a clerk defines them: a Chinese name and a
 * type picked from a short list (日期 / 数量 / 数值 / 选项 / 文字 / 是否),
 * never a JSON Schema typed by hand. Each type is one entry of FIELD_TYPES,
 * which knows both the JSON Schema it writes and how to recognise it again.
 */
import { getAt, isObject, type Json, type JsonObject } from '../document/index.ts';

export type FieldType = 'date' | 'count' | 'number' | 'choice' | 'text' | 'yesno';

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export const FIELD_TYPES = {
  date: { label: '日期', schema: () => ({ type: 'string', pattern: DATE_PATTERN }), is: (s) => s.type === 'string' && s.pattern === DATE_PATTERN },
  count: { label: '数量(件、次、人)', schema: () => ({ type: 'integer', minimum: 0 }), is: (s) => s.type === 'integer' },
  number: { label: '数值(可有小数)', schema: () => ({ type: 'number' }), is: (s) => s.type === 'number' },
  choice: { label: '选项', schema: (values: string[] = []) => ({ enum: values }), is: (s) => Array.isArray(s.enum) },
  text: { label: '文字', schema: () => ({ type: 'string' }), is: (s) => s.type === 'string' && s.pattern === undefined },
  yesno: { label: '是否', schema: () => ({ type: 'boolean' }), is: (s) => s.type === 'boolean' },
} as const satisfies Record<FieldType, { label: string; schema: (values?: string[]) => JsonObject; is: (s: JsonObject) => boolean }>;

export const FIELD_TYPE_ORDER = Object.keys(FIELD_TYPES) as FieldType[];

export function fieldTypeOf(schema: Json | undefined): FieldType | undefined {
  if (!isObject(schema)) return undefined;
  return FIELD_TYPE_ORDER.find((t) => FIELD_TYPES[t].is(schema));
}

export interface FactField {
  key: string;
  /** The Chinese name (the field schema's description), else the key. */
  name: string;
  type: FieldType | undefined;
  /** For a choice: each value with its Chinese label. */
  options: Array<{ value: string; label: string }>;
}

export function factFields(doc: Json, factTypePointer: string): FactField[] {
  const props = getAt(doc, `${factTypePointer}/fields/properties`);
  const labels = getAt(doc, `${factTypePointer}/labels`);
  if (!isObject(props)) return [];
  return Object.entries(props).map(([key, s]) => {
    const desc = isObject(s) && typeof s.description === 'string' ? s.description : '';
    const values = isObject(s) && Array.isArray(s.enum) ? s.enum.map(String) : [];
    return {
      key,
      name: desc.split(/[((/]/)[0]?.trim() || key,
      type: fieldTypeOf(s),
      options: values.map((v) => ({ value: v, label: isObject(labels) && typeof labels[v] === 'string' ? labels[v] : v })),
    };
  });
}

/** A new fact type about a unit, with one date field (the window checks it). */
export function newFactType(id: string, name: string, source: string): JsonObject {
  return {
    id,
    name,
    target: 'unit',
    dateField: 'date',
    fields: { type: 'object', properties: { date: { ...FIELD_TYPES.date.schema(), description: '日期' } }, required: ['date'], additionalProperties: false },
    ...(source ? { source } : {}),
  };
}

export interface FactTypeRef {
  id: string;
  name: string;
  index: number;
}

export function factTypesOf(doc: Json): FactTypeRef[] {
  const list = getAt(doc, '/factTypes');
  return Array.isArray(list)
    ? list.flatMap((f, index) => (isObject(f) && typeof f.id === 'string' ? [{ id: f.id, name: typeof f.name === 'string' ? f.name : f.id, index }] : []))
    : [];
}
