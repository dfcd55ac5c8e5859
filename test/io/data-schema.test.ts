import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { validateScheme, type Scheme } from '../../engine/index.ts';
import { dataJsonSchema } from '../../io/index.ts';

const root = new URL('../../', import.meta.url).pathname;
const load = (id: string): Scheme => {
  const v = validateScheme(JSON.parse(readFileSync(join(root, 'schemes', id, 'scheme.json'), 'utf8')));
  if (!v.ok || !v.scheme) throw new Error(`${id} invalid`);
  return v.scheme;
};

describe('dataJsonSchema: a JSON Schema for data files from the fact types', () => {
  const scheme = load('pingyang-2021');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(dataJsonSchema(scheme));
  const input = JSON.parse(readFileSync(join(root, 'schemes/pingyang-2021/cases/01-every-indicator.json'), 'utf8')).input;

  it('accepts the shipped case data (every fact type of the scheme) and a $schema key', () => {
    expect(validate({ $schema: './pingyang-2021.data.schema.json', scheme: 'pingyang-2021', ...input })).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  it('refuses what the engine refuses on load: a field outside the fact type, a wrong type, a value outside the enum, a missing target', () => {
    const bad = (fact: Record<string, unknown>) => validate({ facts: [fact] });
    // 附件 service-vote: level ∈ {satisfied, basic, dissatisfied}, period ∈ {h1, h2}, count integer
    expect(bad({ type: 'service-vote', unit: 'a', period: 'h1', level: 'satisfied' })).toBe(true);
    expect(bad({ type: 'service-vote', unit: 'a', period: 'h1', level: '很满意' })).toBe(false);
    expect(bad({ type: 'service-vote', unit: 'a', period: 'h1', level: 'satisfied', count: 1.5 })).toBe(false);
    expect(bad({ type: 'service-vote', unit: 'a', period: 'h1', level: 'satisfied', colour: 'red' })).toBe(false);
    expect(bad({ type: 'service-vote', period: 'h1', level: 'satisfied' })).toBe(false);
    expect(bad({ type: 'omitted-section', parent: 'p01', section: '综合科' })).toBe(true);
    expect(bad({ type: 'no-such-type', unit: 'a' })).toBe(false);
    expect(validate({ history: [{ unit: 'a', year: 2020, outcome: 'nowhere' }] })).toBe(false);
    expect(validate({ scheme: 'other-2021' })).toBe(false);
    expect(validate({ fact: [] })).toBe(false);
  });

  it('every shipped scheme yields a schema ajv compiles', () => {
    for (const id of ['nanyang-2014', 'pingyang-2021', 'wenzhou-2023', 'wenzhou-2024']) {
      expect(() => new Ajv({ strict: false }).compile(dataJsonSchema(load(id)))).not.toThrow();
    }
  });
});
