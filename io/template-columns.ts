/**
 * The columns of a data template, from the scheme: per fact type its target
 * (unit or parent) and fields in declared order, each with its type, whether
 * it is required, its allowed values (and their labels) and a sample value;
 * and the roster and history tables. Shared by the CSV and Excel templates.
 */
import type { FactType, Roster, Scheme } from '../engine/index.ts';
import { ROSTER_COLUMNS, TABLE_OF, type RosterKind } from './roster-rows.ts';

export interface TemplateColumn {
  name: string;
  required: boolean;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'object';
  /** Allowed values (an enum), as the data holds them. */
  values?: string[];
  /** What a cell may hold instead of a value (`满意` for `satisfied`), value → label. */
  labels?: Record<string, string>;
  description?: string;
  sample: string | number | boolean;
}

export interface TemplateTable {
  /** File or sheet name: a fact type's id, or units / parents / history. */
  name: string;
  title: string;
  /** For fact tables: the fact type (CSV tables add it as the `type` column). */
  factType?: string;
  columns: TemplateColumn[];
}

type FieldSchema = { type?: unknown; enum?: unknown[]; description?: unknown; minimum?: unknown; format?: unknown };

function sampleDate(scheme: Scheme, ft: FactType): string {
  return ft.window?.from ?? scheme.window?.from ?? `${scheme.year}-01-01`;
}

function fieldColumn(scheme: Scheme, ft: FactType, name: string, prop: FieldSchema): TemplateColumn {
  const required = (ft.fields.required ?? []).includes(name);
  const description = typeof prop.description === 'string' ? prop.description : undefined;
  const base = { name, required, ...(description ? { description } : {}) };
  if (Array.isArray(prop.enum)) {
    const values = prop.enum.map(String);
    const labels = Object.fromEntries(values.filter((v) => ft.labels && Object.hasOwn(ft.labels, v)).map((v) => [v, ft.labels?.[v] as string]));
    const first = values[0] ?? '';
    const hasLabels = Object.keys(labels).length > 0;
    return { ...base, type: 'string', values, ...(hasLabels ? { labels } : {}), sample: labels[first] ?? first };
  }
  const min = typeof prop.minimum === 'number' ? prop.minimum : undefined;
  switch (prop.type) {
    case 'boolean':
      return { ...base, type: 'boolean', sample: '是' };
    case 'integer':
      return { ...base, type: 'integer', sample: Math.max(1, Math.ceil(min ?? 1)) };
    case 'number':
      return { ...base, type: 'number', sample: Math.max(1, min ?? 1) };
    case 'object':
      return { ...base, type: 'object', sample: '' };
    default: {
      const isDate = name === ft.dateField || prop.format === 'date';
      return { ...base, type: 'string', sample: isDate ? sampleDate(scheme, ft) : '示例 sample' };
    }
  }
}

export function factTable(scheme: Scheme, ft: FactType, roster?: Roster): TemplateTable {
  const target = ft.target;
  const firstUnit = roster?.units[0];
  const targetSample = target === 'unit' ? (firstUnit?.id ?? 'unit-id') : (roster?.parents?.[0]?.id ?? firstUnit?.parent ?? 'parent-id');
  const targetColumn: TemplateColumn = { name: target, required: true, type: 'string', description: target === 'unit' ? '参评单位 id — unit id' : '主管单位 id — parent id', sample: targetSample };
  // required fields first, in the order `required` lists them (properties are stored sorted by the formatter)
  const required = ft.fields.required ?? [];
  const rank = (name: string) => (required.includes(name) ? required.indexOf(name) : required.length);
  const fields = Object.entries(ft.fields.properties)
    .filter(([name]) => !['type', 'id', 'unit', 'parent'].includes(name))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, prop]) => fieldColumn(scheme, ft, name, (prop ?? {}) as FieldSchema));
  return { name: ft.id, title: ft.name, factType: ft.id, columns: [targetColumn, ...fields] };
}

export function rosterTable(scheme: Scheme, kind: RosterKind, roster?: Roster): TemplateTable {
  const u = roster?.units[0];
  const p = roster?.parents?.[0];
  const enumOf = (list: ReadonlyArray<{ id: string }> | undefined) => (list && list.length > 0 ? { values: list.map((c) => c.id) } : {});
  const col = (name: string, sample: string | number, extra: Partial<TemplateColumn> = {}): TemplateColumn => ({ name, required: ROSTER_COLUMNS[kind].indexOf(name) < 2 || kind === 'history', type: 'string', sample, ...extra });
  const columns: Record<RosterKind, TemplateColumn[]> = {
    unit: [col('id', u?.id ?? 'p01-s01'), col('name', u?.name ?? '示例科室'), col('parent', u?.parent ?? 'p01'), col('category', u?.category ?? scheme.categories[0]?.id ?? '', enumOf(scheme.categories))],
    parent: [col('id', p?.id ?? 'p01'), col('name', p?.name ?? '示例局'), col('category', p?.category ?? scheme.parentCategories?.[0]?.id ?? '', enumOf(scheme.parentCategories))],
    history: [col('unit', u?.id ?? 'p01-s01'), col('year', scheme.year - 1, { type: 'integer' }), col('outcome', scheme.classifications?.[0]?.id ?? '', enumOf(scheme.classifications))],
  };
  const title: Record<RosterKind, string> = { unit: '参评单位名单 units', parent: '主管单位 parents', history: '往年结果 history' };
  return { name: TABLE_OF[kind], title: title[kind], columns: columns[kind] };
}

/** Every table of a scheme's template: the roster first, then one per fact type, then history. */
export function templateTables(scheme: Scheme, roster?: Roster): TemplateTable[] {
  return [rosterTable(scheme, 'unit', roster), rosterTable(scheme, 'parent', roster), ...scheme.factTypes.map((ft) => factTable(scheme, ft, roster)), rosterTable(scheme, 'history', roster)];
}
