import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Dataset } from '../../../engine/index.ts';

/**
 * issue #20 Bad input, for the new constructs: hostile values anywhere in a
 * formula method or a period declaration of the two examples, and hostile
 * field values in their data, are reported or scored, never thrown, and never
 * give a non-finite number.
 */
const root = new URL('../../../schemes/examples/', import.meta.url);
const load = (id: string, file: string) => JSON.parse(readFileSync(new URL(`${id}/${file}`, root), 'utf8')) as Record<string, unknown>;
const fixtures = ['computed-values', 'period-conditions'].map((id) => {
  const scheme = load(id, 'scheme.json');
  const data = (load(id, `cases/${id === 'computed-values' ? '01-four-units' : '01-five-units'}.json`) as { input: Dataset }).input;
  return { id, scheme, data };
});

type Path = Array<string | number>;
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}
function setAt(doc: unknown, at: Path, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  if (at.length === 0) return value;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = at[at.length - 1] as string | number;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

const hostile = fc.oneof(
  fc.constantFrom<unknown>(Infinity, NaN, -1, 0, 1e308, -0, '', '__proto__', 'constructor', 'toString', null, true, [], {}, DELETE, '2023-02-30', '2023-Q9', '9999-12'),
  fc.constantFrom(
    'done / 0',
    '1 / (full - full)',
    'max()',
    'if(1, 2, 3)',
    'days(full, full)',
    'a'.repeat(3000),
    '('.repeat(5000),
    'min(' .repeat(500),
    'not not not true',
    'served / top',
    'constructor.prototype',
    'full ? 1 : 2',
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
);

function finite(v: unknown): string {
  const stack: Array<[unknown, string]> = [[v, '']];
  while (stack.length > 0) {
    const [x, at] = stack.pop() as [unknown, string];
    if (typeof x === 'number' && !Number.isFinite(x)) return at || '/';
    if (x !== null && typeof x === 'object') for (const [k, y] of Object.entries(x)) stack.push([y, `${at}/${k}`]);
  }
  return '';
}

describe('formula and periods under hostile input', () => {
  it.each(fixtures)('$id: mutated methods and fact types are reported or scored, never thrown (fixed seed)', ({ scheme, data }) => {
    const targets = paths(scheme).filter((p) => p[0] === 'factTypes' || (p[0] === 'indicators' && p[2] === 'method'));
    fc.assert(
      fc.property(fc.constantFrom(...targets), hostile, (at, value) => {
        const doc = setAt(scheme, at, value);
        const v = validateScheme(doc);
        for (const i of v.issues) expect(typeof i.path).toBe('string');
        if (!(v.ok && v.scheme)) return;
        const r = scoreScheme(v.scheme, data);
        expect(finite(r)).toBe('');
      }),
      { seed: 4_020, numRuns: 300 },
    );
    // a generous bound: the shared machine may be slow, the test asserts no speed
  }, 600_000);

  it.each(fixtures)('$id: mutated facts are reported or scored, never thrown (fixed seed)', ({ scheme, data }) => {
    const checked = validateScheme(scheme);
    expect(checked.issues).toEqual([]);
    const targets = paths(data).filter((p) => p[0] === 'facts' && p.length >= 2);
    fc.assert(
      fc.property(fc.constantFrom(...targets), hostile, (at, value) => {
        const r = scoreScheme(checked.scheme!, setAt(data, at, value) as Dataset);
        expect(finite(r)).toBe('');
      }),
      { seed: 4_030, numRuns: 300 },
    );
  }, 600_000);
});
