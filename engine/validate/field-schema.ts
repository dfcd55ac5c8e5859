import { Ajv } from 'ajv';
import { joinPointer, schemeIssue, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import { isReservedKey } from './reserved-keys.ts';

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * A fact type's `fields` is itself a JSON Schema that data is validated
 * against; it must be one (a field written as `"score": 0` is not), or the
 * data check would fail at run time instead of pointing here.
 */
export function checkFieldSchema(ft: FactType, at: string): Issue[] {
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
  try {
    ajv.compile(schema);
    return [];
  } catch (e) {
    // e.g. a regular expression in `pattern` that does not compile
    return [schemeIssue('invalid-field-schema', at, `字段定义无法使用:${(e as Error).message}`, `the fields of fact type "${ft.id}" cannot be compiled: ${(e as Error).message}`)];
  }
}
