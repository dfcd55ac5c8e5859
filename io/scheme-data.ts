/**
 * Reading data for a scheme: field types for CSV cells come from the scheme's
 * fact types, a scheme case file is accepted as data (its `input`), and data
 * without units is scored on a roster (the scheme folder's roster.json).
 */
import { dirname, resolve } from 'node:path';
import type { Dataset, Roster, Scheme, SchemeCase } from '../engine/index.ts';
import type { FieldTypeLookup } from './data-merge.ts';
import { loadDataset, type LoadResult } from './load-data.ts';
import { readJsonFile } from './read-json.ts';

/** A scheme as read for scoring: the CLI's SchemeContext and the server's stored version both fit. */
export interface SchemeContext {
  scheme: Scheme | undefined;
  roster: Roster | undefined;
}

/** Declared type of a fact field, so that CSV cells are read as numbers and booleans. */
export function fieldTypeLookup(loaded: SchemeContext): FieldTypeLookup {
  return (factType, field) => {
    const ft = loaded.scheme?.factTypes.find((f) => f.id === factType);
    const prop = ft?.fields.properties[field] as { type?: unknown; enum?: unknown[] } | undefined;
    if (prop?.type === 'number' || prop?.type === 'integer' || prop?.type === 'boolean' || prop?.type === 'string') return prop.type;
    return prop?.enum?.every((v) => typeof v === 'string') ? 'string' : undefined;
  };
}

export function isCase(v: unknown): v is SchemeCase {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'input' in v && 'expect' in v;
}

const noOrigins = { units: [], parents: [], history: [] };

/** The data set of a case: inline, or a file beside the case; the roster when it has no units. */
export async function caseInput(loaded: SchemeContext, file: string, c: SchemeCase, roster = loaded.roster): Promise<LoadResult> {
  const opts = { fieldType: fieldTypeLookup(loaded), ...(roster ? { roster } : {}) };
  if (typeof c.input === 'string') return loadDataset([resolve(dirname(file), c.input)], opts);
  if (typeof c.input !== 'object' || c.input === null || Array.isArray(c.input)) {
    const issue = { code: 'case-input', path: '/input', message: { zh: '用例的 input 须为数据对象或文件名', en: 'the input of a case must be a data object or a file name' }, severity: 'error' as const, source: 'data' as const, file };
    return { dataset: undefined, issues: [issue], origins: [], recordOrigins: noOrigins };
  }
  let dataset: Dataset = { ...c.input, units: c.input.units ?? [], facts: c.input.facts ?? [] };
  if (dataset.units.length === 0 && roster) dataset = { ...dataset, units: roster.units, parents: roster.parents ?? [] };
  return { dataset, issues: [], origins: dataset.facts.map(() => ({ file })), recordOrigins: noOrigins };
}

/** Data files for a scheme; a single scheme case file is accepted too (its input is the data). */
export async function loadInput(loaded: SchemeContext, files: string[], roster: Roster | undefined = loaded.roster): Promise<LoadResult> {
  const [only] = files;
  if (files.length === 1 && only !== undefined && only.toLowerCase().endsWith('.json')) {
    const { value } = readJsonFile(only, 'data');
    if (isCase(value)) return caseInput(loaded, only, value, roster);
  }
  // not a case (or not readable as JSON): the loader reports syntax errors with line and column
  return loadDataset(files, { fieldType: fieldTypeLookup(loaded), ...(roster ? { roster } : {}) });
}
