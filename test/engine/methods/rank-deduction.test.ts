import { describe, expect, it } from 'vitest';
import type { Method } from '../../../engine/index.ts';
import { factType, miniScheme, points } from '../../helpers/mini-scheme.ts';

const annual = factType('annual', { score: { type: 'number' } }, 'parent');
const m: Method = {
  kind: 'rank-deduction',
  factType: 'annual',
  scoreField: 'score',
  groups: [
    { id: 'organ', name: '市级机关', when: { all: [{ fact: '$parent', path: '$.category', operator: 'equal', value: 'organ' }] }, freeTop: 2, perPlace: 0.03, source: 't' },
    { id: 'soe', name: '国企', when: { all: [{ fact: '$parent', path: '$.category', operator: 'equal', value: 'soe' }] }, freeTop: 1, perPlace: 0.03, source: 't' },
  ],
  floor: 0,
  missing: 'zero',
};

describe('rank-deduction (RULE-PATTERNS B.9, 温州 附件2 年度办理情况)', () => {
  it('ranks parents per group, charges each place after the free top, and gives every unit its parent result', () => {
    const s = miniScheme(m, [annual], 5);
    const parents = [
      { id: 'a', name: 'A', category: 'organ' },
      { id: 'b', name: 'B', category: 'organ' },
      { id: 'c', name: 'C', category: 'organ' },
      { id: 'd', name: 'D', category: 'organ' },
      { id: 'x', name: 'X', category: 'soe' },
      { id: 'y', name: 'Y', category: 'soe' },
    ];
    const units = [
      { id: 'a1', name: 'a1', parent: 'a' },
      { id: 'c1', name: 'c1', parent: 'c' },
      { id: 'c2', name: 'c2', parent: 'c' },
      { id: 'd1', name: 'd1', parent: 'd' },
      { id: 'y1', name: 'y1', parent: 'y' },
      { id: 'b1', name: 'b1', parent: 'b' },
    ];
    const score = (parent: string, s: number) => ({ type: 'annual', parent, score: s });
    // organ: a 99 (1st), b 98 (2nd), c 97 (3rd → 1 place past the free top: −0.03), d 90 (4th: −0.06)
    // soe: x 95 (1st), y 80 (2nd: −0.03)
    const r = points(s, { parents, units, facts: [score('a', 99), score('b', 98), score('c', 97), score('d', 90), score('x', 95), score('y', 80)] });
    expect(r).toEqual({ a1: 5, b1: 5, c1: 4.97, c2: 4.97, d1: 4.94, y1: 4.97 });
  });
});
