import { describe, expect, it } from 'vitest';
import { validateScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme } from '../../helpers/mini-scheme.ts';

const m: Method = { kind: 'reported-score', factType: 'r', field: 'score', combine: 'mean', missing: 'zero' };

describe('categories[].owners: the category-specific owner of an indicator', () => {
  it('accepts owners of declared indicators and reports unknown or repeated ones', () => {
    const s = miniScheme(m, [factType('r', { score: { type: 'number' } })], 10);
    const ok = { ...s, categories: [{ id: 'a', name: 'A', owners: [{ indicator: 'x', owner: '牵头单位', source: 't' }] }] };
    expect(validateScheme(ok).issues).toEqual([]);
    const bad = {
      ...s,
      categories: [
        {
          id: 'a',
          name: 'A',
          owners: [
            { indicator: 'nope', owner: '甲' },
            { indicator: 'x', owner: '乙' },
            { indicator: 'x', owner: '丙' },
          ],
        },
      ],
    };
    expect(validateScheme(bad).issues.map((i) => [i.code, i.path])).toEqual([
      ['unknown-indicator', '/categories/0/owners/0/indicator'],
      ['duplicate-id', '/categories/0/owners/2/indicator'],
    ]);
  });
});
