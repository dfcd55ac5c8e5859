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

/**
 * The same two files as text, made off the request thread (server/jobs/upload-job.ts): the facts as
 * the lines {@link Store.appendLines} writes, so live appends continue the file as if it had been
 * appended.
 */
export function datasetFileTexts(data: Dataset): { base: string; facts: string } {
  const { facts, ...rest } = data;
  const lines: string[] = [];
  for (const f of facts) lines.push(JSON.stringify(f) + '\n');
  return { base: JSON.stringify(rest satisfies Base), facts: lines.join('') };
}

/** Write a data set made off the request thread: the facts file whole (atomic, as one write), then the base file. */
export async function writeDatasetBytes(store: Store, id: string, files: { base: Uint8Array; facts: Uint8Array }): Promise<void> {
  if (files.facts.byteLength > 0) await store.writeBytes(factsFile(id), files.facts);
  await store.writeBytes(baseFile(id), files.base);
}

export async function readDatasetFiles(store: Pick<Store, 'readJson' | 'readLines'>, id: string): Promise<Dataset> {
  const base = await store.readJson<Base>(baseFile(id));
  if (base === null) throw notFound(`data of data set ${id}`);
  const facts = await store.readLines<Fact>(factsFile(id));
  return { ...base, facts };
}

export const writeProblems = (store: Store, id: string, problems: unknown): Promise<void> => store.writeJson(problemsFile(id), problems);
export const readProblems = async (store: Store, id: string): Promise<unknown> => await store.readJson<unknown>(problemsFile(id));
