import { Type, type TSchema, type Static, type TUnion } from '@sinclair/typebox';

/**
 * A union of objects tagged by `kind`, emitted as `oneOf` + `discriminator`
 * so that ajv (with `discriminator: true`) reports the error of the one
 * matching variant instead of every variant's, and editors can complete the
 * `kind` values. The static type stays the TypeBox union.
 */
export function KindUnion<T extends TSchema[]>(variants: [...T], options: { description?: string; title?: string } = {}) {
  return Type.Unsafe<Static<TUnion<T>>>({
    ...options,
    type: 'object',
    required: ['kind'],
    discriminator: { propertyName: 'kind' },
    oneOf: variants,
  });
}

/** A documented string: every schema node carries Chinese first, English after. */
export function doc(zh: string, en: string): { description: string } {
  return { description: `${zh} — ${en}` };
}

/**
 * A reference to a named (recursive) definition such as Condition, with the
 * meaning it has at this key: `{ $ref, description }`. Validation follows the
 * reference alone; the description is for the reference docs and editors that
 * read it beside a `$ref`. The definition must also appear inline somewhere in
 * the scheme, so that it is hoisted into `$defs`.
 */
export function DescribedRef<T extends TSchema & { $id?: string }>(schema: T, described: { description: string }) {
  if (!schema.$id) throw new Error('DescribedRef needs a schema with an $id');
  return Type.Unsafe<Static<T>>({ $ref: schema.$id, ...described });
}

/** A closed set of strings, emitted as `enum` so that errors and completions list the choices. */
export function StringEnum<const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}
