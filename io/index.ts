/**
 * The public surface of pingyi's data I/O, shared by the CLI and the server.
 * Node-side (fs, streams, exceljs); no scoring logic here — the engine scores,
 * io reads and writes the files around it.
 */

// reading data: files, uploaded buffers, standard input → the engine's Dataset with located problems
export { annotateIssues, formatOfName, loadDataset, readData, readDataBuffer, readDataFiles, type DataInput, type LoadOptions, type LoadResult } from './load-data.ts';
export { DATA_FORMATS, isDataFormat, type DataFormat } from './data-format.ts';
export type { FieldType, FieldTypeLookup, LocatedIssue, Location, Origin, RecordOrigins } from './data-merge.ts';
export type { LabelLookup } from './cells.ts';
export { DEFAULT_LIMITS, limitsFromEnv, type Limits } from './limits.ts';
export { sniffFormat } from './sniff-format.ts';
export { columnLetter } from './load-xlsx.ts';
export { formatLocatedIssue } from './format-issue.ts';

// reading for a scheme: typed cells and labels from its fact types, case files, its roster
export { caseInput, fieldTypeLookup, isCase, labelLookup, loadInput, schemeLoadOptions, type SchemeContext } from './scheme-data.ts';
export { readJsonFile } from './read-json.ts';
export { readRoster } from './read-roster.ts';
export { errText, jsonErrorLocation, lineCol, syntaxOffset } from './json-position.ts';

// writing: exports of a run, data templates, the JSON Schema of data files (pure: bytes or text out)
export { EXPORT_SHEETS, exportRunCsv, exportRunXlsx } from './export-run.ts';
export { runTable, tableOrder, type RunTable, type TableValue } from './run-table.ts';
export { templateCsv, templateXlsx } from './template.ts';
export { templateTables, type TemplateColumn, type TemplateTable } from './template-columns.ts';
export { dataJsonSchema } from './data-schema.ts';
