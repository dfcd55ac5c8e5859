/**
 * Reading data for a scheme: field types and enum labels for CSV and Excel
 * cells come from the scheme's fact types, a scheme case file is accepted as
 * data (its `input`), and data without units is scored on a roster (the scheme
 * folder's roster.json), whose own problems are shown when it is needed.
 */
import { dirname, resolve } from 'node:path';
import type { Dataset, FactType, Issue, Roster, Scheme, SchemeCase } from '../engine/index.ts';
import type { LabelLookup } from './cells.ts';
import { type FieldTypeLookup, type LocatedIssue } from './data-merge.ts';
import { loadDataset, type LoadOptions, type LoadResult } from './load-data.ts';
import { readJsonFile } from './read-json.ts';

/** A scheme as read for scoring: the CLI's LoadedScheme and the server's stored version both fit. */
export interface SchemeContext {
  scheme: Scheme | undefined;
  roster: Roster | undefined;
  /** Problems found reading the scheme and its roster; the roster's (source `data`) are reported with the data. */
  issues?: readonly Issue[];
}

type FieldSchema = { type?: unknown; enum?: unknown[] };

function fieldOf(ft: FactType | undefined, field: string): FieldSchema | undefined {
  // own properties only: a column named "constructor" is not a field
  const props = ft?.fields.properties;
  return props && Object.hasOwn(props, field) ? (props[field] as FieldSchema) : undefined;
}

function factTypeOf(scheme: Scheme | undefined): (id: string) => FactType | undefined {
  const byId = new Map(scheme?.factTypes.map((f) => [f.id, f]));
  return (id) => byId.get(id);
}

/** Declared type of a fact field, so that CSV and Excel cells are read as numbers and booleans. */
export function fieldTypeLookup(loaded: Pick<SchemeContext, 'scheme'> & Partial<SchemeContext>): FieldTypeLookup {
  const factType = factTypeOf(loaded.scheme);
  return (type, field) => {
    const prop = fieldOf(factType(type), field);
    if (prop?.type === 'number' || prop?.type === 'integer' || prop?.type === 'boolean' || prop?.type === 'string') return prop.type;
    return prop?.enum?.every((v) => typeof v === 'string') ? 'string' : undefined;
  };
}

/**
 * The labels a cell of an enum field may hold instead of the value (`满意` for
 * `satisfied`), from the fact type's `labels`. A label that is itself another
 * value of the field is left out: the value wins, so no cell changes meaning.
 */
export function labelLookup(loaded: Pick<SchemeContext, 'scheme'> & Partial<SchemeContext>): LabelLookup {
  const factType = factTypeOf(loaded.scheme);
  return (type, field) => {
    const ft = factType(type);
    const values = fieldOf(ft, field)?.enum;
    if (!ft?.labels || !values) return undefined;
    const map = new Map<string, string>();
    for (const v of values) {
      const label = typeof v === 'string' && Object.hasOwn(ft.labels, v) ? ft.labels[v] : undefined;
      if (label !== undefined && !values.includes(label)) map.set(label, v as string);
    }
    return map.size > 0 ? map : undefined;
  };
}

/** Load options for a scheme's data: typed cells, labels, and the roster to fall back on. */
export function schemeLoadOptions(loaded: SchemeContext, roster: Roster | undefined = loaded.roster): LoadOptions {
  return { fieldType: fieldTypeLookup(loaded), labels: labelLookup(loaded), ...(roster ? { roster } : {}) };
}

export function isCase(v: unknown): v is SchemeCase {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'input' in v && 'expect' in v;
}

const noOrigins = { units: [], parents: [], history: [] };

/** The data set of a case: inline, or a file beside the case; the roster when it has no units. */
export async function caseInput(loaded: SchemeContext, file: string, c: SchemeCase, roster = loaded.roster): Promise<LoadResult> {
  if (typeof c.input === 'string') return withRoster(loaded, await loadDataset([resolve(dirname(file), c.input)], { ...schemeLoadOptions(loaded, roster), allowNoFacts: true }));
  if (typeof c.input !== 'object' || c.input === null || Array.isArray(c.input)) {
    const issue = { code: 'case-input', path: '/input', message: { zh: '用例的 input 须为数据对象或文件名', en: 'the input of a case must be a data object or a file name' }, severity: 'error' as const, source: 'data' as const, file };
    return { dataset: undefined, issues: [issue], origins: [], recordOrigins: noOrigins };
  }
  let dataset: Dataset = { ...c.input, units: c.input.units ?? [], facts: c.input.facts ?? [] };
  if (dataset.units.length === 0 && roster) dataset = { ...dataset, units: roster.units, parents: roster.parents ?? [] };
  return { dataset, issues: [], origins: dataset.facts.map(() => ({ file })), recordOrigins: noOrigins };
}

/**
 * Data files for a scheme (`-` is standard input); a single scheme case file
 * is accepted too (its input is the data). `opts` adds to the scheme's load
 * options (standard input's format, limits).
 */
export async function loadInput(loaded: SchemeContext, files: string[], roster: Roster | undefined = loaded.roster, opts: LoadOptions = {}): Promise<LoadResult> {
  const [only] = files;
  if (files.length === 1 && only !== undefined && only.toLowerCase().endsWith('.json')) {
    const { value } = readJsonFile(only, 'data');
    if (isCase(value)) return caseInput(loaded, only, value, roster);
  }
  // not a case (or not readable as JSON): the loader reports syntax errors with line and column
  return withRoster(loaded, await loadDataset(files, { ...schemeLoadOptions(loaded, roster), ...opts }));
}

/**
 * The roster's own problems (unreadable, invalid JSON, not a roster) belong
 * to the data: when the files bring no units the roster was needed, so they
 * are errors and nothing is scored — never an `unknown-unit` per fact.
 */
function withRoster(loaded: SchemeContext, r: LoadResult): LoadResult {
  const own = (loaded.issues ?? []).filter((i) => i.source === 'data');
  const needed = r.recordOrigins.units.length === 0;
  if (own.length === 0 && (!needed || loaded.roster)) return r;
  const issues: LocatedIssue[] = needed ? [...own] : own.map((i) => ({ ...i, severity: 'warning' as const }));
  if (needed && !own.some((i) => i.severity === 'error') && (r.dataset?.units.length ?? 0) === 0) {
    issues.push({ code: 'data-no-units', path: '/units', message: { zh: '没有参评单位名单:数据中没有 units,方案目录也没有可用的 roster.json', en: 'no roster: the data holds no units and the scheme has no usable roster.json' }, severity: 'error', source: 'data' });
  }
  const all = [...issues, ...r.issues];
  return { ...r, issues: all, dataset: all.some((i) => i.severity === 'error') ? undefined : r.dataset };
}
