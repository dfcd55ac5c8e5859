/**
 * A JSON Schema for a scheme's data files, generated from its fact types, so
 * that an editor checks a data file as it is typed (`"$schema": "…"`) and a
 * script can validate before uploading. Pure: the scheme in, a schema out.
 * It states what the engine checks on load (fields per fact type, closed
 * unless the fact type opens them; ids of categories and classifications);
 * the time window and references between records stay the engine's checks.
 */
import type { FactType, Scheme } from '../engine/index.ts';

type JsonSchema = Record<string, unknown>;

const ids = (list: ReadonlyArray<{ id: string }> | undefined): string[] => (list ?? []).map((x) => x.id);
const idEnum = (list: ReadonlyArray<{ id: string }> | undefined, description: string): JsonSchema => {
  const values = ids(list);
  return values.length > 0 ? { type: 'string', enum: values, description } : { type: 'string', description };
};

/** One fact type's record: envelope (type, id, unit or parent) and its declared fields. */
function factSchema(ft: FactType): JsonSchema {
  const target = ft.target;
  const labels = ft.labels ? ` 枚举值名称 labels: ${Object.entries(ft.labels).map(([v, l]) => `${v}=${l}`).join(', ')}` : '';
  return {
    type: 'object',
    description: `${ft.name}${ft.nameEn ? ` — ${ft.nameEn}` : ''}${labels}`,
    properties: {
      ...ft.fields.properties,
      type: { const: ft.id },
      id: { type: 'string', description: '事实标识(可选) — optional fact id' },
      [target]: { type: 'string', description: target === 'unit' ? '参评单位 id — unit id' : '主管单位 id — parent id' },
    },
    required: ['type', target, ...(ft.fields.required ?? []).filter((f) => f !== target)],
    additionalProperties: ft.fields.additionalProperties ?? false,
  };
}

export function dataJsonSchema(scheme: Scheme): JsonSchema {
  const attributes = { type: 'object', description: '自由属性,规则条件可引用 — free attributes a condition may test' };
  const classes = scheme.classifications;
  const definitions: Record<string, JsonSchema> = {
    unit: {
      type: 'object',
      properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string' }, parent: { type: 'string' }, category: idEnum(scheme.categories, '参评单位类别 — unit category'), attributes },
      required: ['id', 'name'],
      additionalProperties: false,
    },
    parent: {
      type: 'object',
      properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string' }, category: idEnum(scheme.parentCategories, '主管单位类别 — parent category'), attributes },
      required: ['id', 'name'],
      additionalProperties: false,
    },
    history: {
      type: 'object',
      properties: { unit: { type: 'string' }, year: { type: 'integer' }, outcome: idEnum(classes, '往年等次 — a classification id of the scheme') },
      required: ['unit', 'year', 'outcome'],
      additionalProperties: false,
    },
    fact: {
      type: 'object',
      properties: { type: { enum: ids(scheme.factTypes), description: '事实类型 — fact type' } },
      required: ['type'],
      // if/then rather than oneOf: an editor then reports the one fact type's error, not every type's
      allOf: scheme.factTypes.map((ft) => ({ if: { properties: { type: { const: ft.id } }, required: ['type'] }, then: { $ref: `#/definitions/fact-${ft.id}` } })),
    },
    ...Object.fromEntries(scheme.factTypes.map((ft) => [`fact-${ft.id}`, factSchema(ft)])),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `${scheme.name} ${scheme.version} 数据文件 — data file`,
    description: `pingyi 数据文件(方案 ${scheme.id} ${scheme.version}):名单 units/parents、事实 facts、往年结果 history。见 docs/data-format.md`,
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      scheme: { const: scheme.id },
      units: { type: 'array', items: { $ref: '#/definitions/unit' } },
      parents: { type: 'array', items: { $ref: '#/definitions/parent' } },
      facts: { type: 'array', items: { $ref: '#/definitions/fact' } },
      history: { type: 'array', items: { $ref: '#/definitions/history' } },
    },
    patternProperties: { '^\\$': {} },
    additionalProperties: false,
    definitions,
  };
}
