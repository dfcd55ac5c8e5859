import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCase, scoreScheme, type Dataset, type Scheme } from '../../../engine/index.ts';

const root = new URL('../../../', import.meta.url);
const scheme = JSON.parse(readFileSync(new URL('schemes/pingyang-2021/scheme.json', root), 'utf8')) as Scheme;
const c = JSON.parse(readFileSync(new URL('schemes/pingyang-2021/cases/01-every-indicator.json', root), 'utf8')) as { input: Dataset };

describe('checkCase can fail', () => {
  const result = scoreScheme(scheme, c.input);
  it('reports a wrong total, a wrong indicator, a missing issue and a wrong class', () => {
    const failures = checkCase(result, {
      ok: true,
      issues: [{ code: 'quota-broken' }],
      units: { a: { total: 92.03, indicators: { supervision: 16 }, classes: ['dissatisfied'] }, zz: { total: 1 } },
    });
    expect(failures.map((f) => f.where)).toEqual(['issue quota-broken', 'a.total', 'a.indicators.supervision', 'a.classes', 'unit zz']);
  });
  it('passes on the hand-computed values', () => {
    expect(checkCase(result, { ok: true, units: { a: { total: 92.025, indicators: { supervision: 17 } } } })).toEqual([]);
  });
});
