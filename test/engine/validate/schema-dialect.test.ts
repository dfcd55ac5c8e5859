import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema, schemeJsonSchema } from '../../../engine/index.ts';

/** Issue #20 item 6: every generated JSON Schema names its dialect, the one the engine's ajv reads (draft-07). */
const shipped = (name: string) => JSON.parse(readFileSync(new URL(`../../../schemes/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('generated JSON Schemas declare their dialect', () => {
  it.each([
    ['scheme.schema.json', schemeJsonSchema()],
    ['case.schema.json', caseJsonSchema()],
  ])('%s says draft-07 and compiles under a strict ajv of that dialect', (name, generated) => {
    expect(generated.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(shipped(name).$schema).toBe(generated.$schema);
    // strict mode refuses keywords the dialect does not know, beyond the annotations TypeBox writes
    const ajv = new Ajv({ strict: true, strictTypes: false, strictTuples: false, strictRequired: false, discriminator: true });
    expect(() => ajv.compile(generated)).not.toThrow();
  });
});
