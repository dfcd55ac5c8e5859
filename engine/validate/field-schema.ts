import { Ajv } from 'ajv';
import { joinPointer, schemeIssue, type Issue } from '../issue.ts';
import { DATE_FORMAT } from '../periods/period.ts';
import type { FactType } from '../scheme/fact-type.ts';
import { isReservedKey } from './reserved-keys.ts';

const ajv = new Ajv({ allErrors: true, strict: false }).addFormat('date', DATE_FORMAT);

/**
 * A fact type's `fields` is itself a JSON Schema that data is validated
 * against; it must be one (a field written as `"score": 0` is not), or the
 * data check would fail at run time instead of pointing here.
 */
export function checkFieldSchema(ft: FactType, at: string, compiled: Map<string, string | null> = new Map()): Issue[] {
  const reserved = Object.keys(ft.fields.properties)
    .filter(isReservedKey)
    .map((k) =>
      schemeIssue(
        'reserved-field-name',
        joinPointer(at, 'properties', k),
        `字段名“${k}”是保留名称(所有对象都带有它),请换一个名称`,
        `"${k}" is a reserved name (every object has it); choose another field name`,
      ),
    );
  if (reserved.length > 0) return reserved;
  const schema = { ...ft.fields };
  if (!ajv.validateSchema(schema)) {
    return (ajv.errors ?? []).map((e) =>
      schemeIssue(
        'invalid-field-schema',
        `${at}${e.instancePath}`,
        `字段定义不是有效的 JSON Schema:${e.message ?? ''}`,
        `the fields of fact type "${ft.id}" are not a valid JSON Schema: ${e.message ?? e.keyword}`,
      ),
    );
  }
  // identical field schemas (common: several fact types with the same fields) are compiled once per validation
  const text = JSON.stringify(schema);
  let failure = compiled.get(text);
  if (failure === undefined) {
    try {
      ajv.compile(schema);
      failure = null;
    } catch (e) {
      // e.g. a regular expression in `pattern` that does not compile
      failure = (e as Error).message;
    } finally {
      // ajv keeps every compiled schema keyed by the object: a long-running server would grow without end
      ajv.removeSchema(schema);
    }
    compiled.set(text, failure);
  }
  if (failure === null) return [];
  return [schemeIssue('invalid-field-schema', at, `字段定义无法使用:${failure}`, `the fields of fact type "${ft.id}" cannot be compiled: ${failure}`)];
}
