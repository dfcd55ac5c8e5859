/**
 * A data set on disk: `datasets/<id>/base.json` holds the roster (units,
 * parents) and history written once at upload; `facts.ndjson` holds the
 * facts, one per line, append-only (uploads and live appends alike). Facts
 * never enter the lowdb document.
 */
import type { Dataset, Fact } from '../engine/index.ts';
import { notFound } from './errors.ts';
import type { Store } from './store/store.ts';

interface Base {
  units: Dataset['units'];
  parents?: Dataset['parents'];
  history?: Dataset['history'];
  scheme?: string;
}

const baseFile = (id: string) => ['datasets', id, 'base.json'];
export const factsFile = (id: string) => ['datasets', id, 'facts.ndjson'];
const problemsFile = (id: string) => ['datasets', id, 'problems.json'];

export async function writeDatasetFiles(store: Store, id: string, data: Dataset): Promise<void> {
  const { facts, ...rest } = data;
  // facts first: a data set exists once its base file is there
  if (facts.length > 0) await store.appendLines(factsFile(id), facts);
  await store.writeJson(baseFile(id), rest satisfies Base);
}

export async function readDatasetFiles(store: Store, id: string): Promise<Dataset> {
  const base = await store.readJson<Base>(baseFile(id));
  if (base === null) throw notFound(`data of data set ${id}`);
  const facts = await store.readLines<Fact>(factsFile(id));
  return { ...base, facts };
}

export const writeProblems = (store: Store, id: string, problems: unknown[]): Promise<void> => store.writeJson(problemsFile(id), problems);
export const readProblems = async (store: Store, id: string): Promise<unknown[]> => (await store.readJson<unknown[]>(problemsFile(id))) ?? [];
