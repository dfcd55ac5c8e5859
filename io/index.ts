/**
 * The public surface of pingyi's data I/O, shared by the CLI and the server:
 * reading data (JSON, NDJSON, CSV, Excel .xlsx; files, uploaded buffers,
 * standard input) into the engine's Dataset with located problems. Node-side
 * (fs, streams); no scoring logic here.
 */
export { annotateIssues, formatOfName, loadDataset, readData, readDataBuffer, readDataFiles, type DataFormat, type DataInput, type LoadOptions, type LoadResult } from './load-data.ts';
export type { FieldType, FieldTypeLookup, LocatedIssue, Location, Origin, RecordOrigins } from './data-merge.ts';
export type { LabelLookup } from './cells.ts';
export { DEFAULT_LIMITS, type Limits } from './limits.ts';
export { sniffFormat } from './sniff-format.ts';
export { columnLetter } from './load-xlsx.ts';
export { caseInput, fieldTypeLookup, isCase, loadInput, type SchemeContext } from './scheme-data.ts';
export { readJsonFile } from './read-json.ts';
export { errText, jsonErrorLocation, lineCol, syntaxOffset } from './json-position.ts';
