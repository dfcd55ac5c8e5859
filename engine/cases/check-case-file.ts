import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import { describeAjvError } from '../validate/ajv-messages.ts';
import { JSON_SCHEMA_DIALECT } from '../validate/structure.ts';
import { SchemeCaseSchema } from './case-schema.ts';
import type { SchemeCase } from './case.ts';

let compiled: ValidateFunction | undefined;

/** The case-file schema as shipped in schemes/case.schema.json (npm run schema:build), with its dialect. */
export function caseJsonSchema(): Record<string, unknown> {
  return { $schema: JSON_SCHEMA_DIALECT, ...(JSON.parse(JSON.stringify(SchemeCaseSchema)) as Record<string, unknown>) };
}

/**
 * A case file is checked against its own schema before it runs. Without this a
 * misspelled expectation (`totl`, `clases`) was ignored and the case passed
 * while checking nothing (issue #20 item 5). Each problem points into the case
 * file; the caller names the file.
 */
export function checkCaseFile(value: unknown): { case?: SchemeCase; issues: Issue[] } {
  compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(caseJsonSchema());
  if (compiled(value)) return { case: value as SchemeCase, issues: [] };
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const e of compiled.errors ?? []) {
    // the input union's summary repeats what its branches say
    if (e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const path = pathOf(e);
    const key = `${e.keyword}${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const m = describeAjvError(e, e.keyword === 'additionalProperties' || e.keyword === 'required' || typeof e.data === 'object' ? undefined : e.data);
    const code = e.keyword === 'additionalProperties' ? 'case-unknown-key' : `case-schema-${e.keyword}`;
    issues.push(dataIssue(code, path, `案例文件:${m.zh}`, `case file: ${m.en}`));
  }
  return { issues };
}

function pathOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return joinPointer(e.instancePath, String(p.additionalProperty));
  if (e.keyword === 'required') return joinPointer(e.instancePath, String(p.missingProperty));
  return e.instancePath;
}
