/**
 * The public surface of pingyi's data I/O, shared by the CLI and the server:
 * reading data (JSON, NDJSON, CSV, Excel .xlsx; files, uploaded buffers,
 * standard input) into the engine's Dataset with located problems. Node-side
 * (fs, streams); no scoring logic here.
 */
export { annotateIssues, DATA_FORMATS, formatOfName, isDataFormat, loadDataset, readData, readDataBuffer, readDataFiles, type DataFormat, type DataInput, type LoadOptions, type LoadResult } from './load-data.ts';
export type { FieldType, FieldTypeLookup, LocatedIssue, Location, Origin, RecordOrigins } from './data-merge.ts';
export type { LabelLookup } from './cells.ts';
export { DEFAULT_LIMITS, limitsFromEnv, type Limits } from './limits.ts';
export { formatLocatedIssue } from './format-issue.ts';
export { sniffFormat } from './sniff-format.ts';
export { columnLetter } from './load-xlsx.ts';
export { caseInput, fieldTypeLookup, isCase, labelLookup, loadInput, schemeLoadOptions, type SchemeContext } from './scheme-data.ts';
export { readJsonFile } from './read-json.ts';
export { readRoster } from './read-roster.ts';
export { errText, jsonErrorLocation, lineCol, syntaxOffset } from './json-position.ts';
export { dataJsonSchema } from './data-schema.ts';
export { EXPORT_SHEETS, exportRunCsv, exportRunXlsx } from './export-run.ts';
export { runTable, tableOrder, type RunTable, type TableValue } from './run-table.ts';
export { templateCsv, templateXlsx } from './template.ts';
export { templateTables, type TemplateColumn, type TemplateTable } from './template-columns.ts';
