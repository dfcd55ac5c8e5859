/**
 * The public surface of pingyi's data I/O: reading data files (JSON, NDJSON,
 * CSV) into the engine's Dataset with located problems. Node-side (fs,
 * streams); shared by the CLI and the server. No scoring logic here.
 */
export { annotateIssues, loadDataset, type LoadOptions, type LoadResult } from './load-data.ts';
export type { FieldType, FieldTypeLookup, Origin, RecordOrigins } from './data-merge.ts';
export { caseInput, fieldTypeLookup, isCase, loadInput, type SchemeContext } from './scheme-data.ts';
export { readJsonFile } from './read-json.ts';
export { errText, jsonErrorLocation, lineCol, syntaxOffset } from './json-position.ts';
