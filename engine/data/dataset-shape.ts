import { Type } from '@sinclair/typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import { describeAjvError } from '../validate/ajv-messages.ts';

const Str = Type.String({ minLength: 1 });
const Attributes = Type.Optional(Type.Record(Type.String(), Type.Unknown()));
const Member = Type.Object({ id: Str, name: Type.String(), parent: Type.Optional(Str), category: Type.Optional(Str), attributes: Attributes });

/**
 * The envelope of a data set (roster, facts, history), checked before
 * anything reads it, so a data set that is not one — from a file, an HTTP body
 * or a test — comes back as issues, never as a TypeError. Fact fields are
 * checked later against the scheme's fact types.
 */
export const DatasetShape = Type.Object({
  scheme: Type.Optional(Type.String()),
  units: Type.Array(Member),
  parents: Type.Optional(Type.Array(Member)),
  facts: Type.Array(Type.Object({ type: Str, id: Type.Optional(Str), unit: Type.Optional(Str), parent: Type.Optional(Str) })),
  history: Type.Optional(Type.Array(Type.Object({ unit: Str, year: Type.Integer({ minimum: 1000, maximum: 9999 }), outcome: Str }))),
});

let validate: ValidateFunction | undefined;

export function checkDatasetShape(data: unknown): Issue[] {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(DatasetShape);
  if (validate(data)) return [];
  return (validate.errors ?? []).slice(0, 50).map((e) => {
    const p = e.params as { missingProperty?: string };
    const path = e.keyword === 'required' ? joinPointer(e.instancePath, p.missingProperty ?? '') : e.instancePath;
    const m = describeAjvError(e);
    return dataIssue('data-shape', path, `数据格式不符(${path || '/'}):${m.zh}`, `data set shape (${path || '/'}): ${m.en}`);
  });
}
