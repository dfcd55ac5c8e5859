import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCase, checkCaseFile, scoreScheme, type Dataset, type Scheme } from '../../../engine/index.ts';

/** Issue #20 item 5: a case file is checked against its own schema; consequence notes can be asserted. */
const root = new URL('../../../', import.meta.url);
const read = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Record<string, unknown>;

describe('checkCaseFile', () => {
  const shipped = read('schemes/pingyang-2021/cases/01-every-indicator.json');

  it('accepts every shipped case file', () => {
    const dirs = ['schemes/nanyang-2014', 'schemes/pingyang-2021', 'schemes/wenzhou-2023', 'schemes/wenzhou-2024', ...readdirSync(new URL('schemes/examples/', root)).map((d) => `schemes/examples/${d}`)];
    for (const d of dirs) {
      for (const f of readdirSync(new URL(`${d}/cases/`, root)).filter((x) => x.endsWith('.json') && !x.endsWith('.input.json'))) {
        expect([`${d}/${f}`, checkCaseFile(read(`${d}/cases/${f}`)).issues]).toEqual([`${d}/${f}`, []]);
      }
    }
  });

  it('refuses a misspelled unit key (totl) and a misspelled expectation key (clases), each at its pointer', () => {
    const expect0 = shipped.expect as { units: Record<string, Record<string, unknown>> };
    const bad = { ...shipped, expect: { ...expect0, clases: {}, units: { ...expect0.units, a: { totl: 92.025 } } } };
    const r = checkCaseFile(bad);
    expect(r.case).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['case-unknown-key', '/expect/clases'],
      ['case-unknown-key', '/expect/units/a/totl'],
    ]);
    expect(r.issues[1]?.message.zh).toContain('不认识的字段 totl');
  });

  it('refuses a measure that is not a number and a note list that is not a list', () => {
    const r = checkCaseFile({ name: 'x', input: {}, expect: { ok: true, consequences: { p1: { 考绩: '-5', notes: '通报批评' } } } });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['case-schema-type', '/expect/consequences/p1/考绩'],
      ['case-schema-type', '/expect/consequences/p1/notes'],
    ]);
  });
});

describe('consequence notes in expect.consequences', () => {
  // the veto example: 查实拉票 → 通报批评 on the unit (example 四(一))
  const scheme = read('schemes/examples/veto/scheme.json') as unknown as Scheme;
  const c = read('schemes/examples/veto/cases/01-vetoes.json') as { input: Dataset };
  const result = scoreScheme(scheme, c.input);
  const canvassed = result.consequences.find((x) => x.items.some((i) => i.note === '通报批评'));

  it('passes when exactly the notes reach the target and fails on a wrong or missing note', () => {
    expect(canvassed).toBeDefined();
    const id = canvassed?.id as string;
    expect(checkCase(result, { ok: true, consequences: { [id]: { notes: ['通报批评'] } } })).toEqual([]);
    expect(checkCase(result, { ok: true, consequences: { [id]: { notes: ['诫勉谈话'] } } }).map((f) => f.where)).toEqual([`consequence ${id}.notes`]);
    expect(checkCase(result, { ok: true, consequences: { nobody: { notes: ['通报批评'] } } }).map((f) => f.where)).toEqual(['consequence nobody.notes']);
  });
});
