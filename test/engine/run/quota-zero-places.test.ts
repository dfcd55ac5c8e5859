import { describe, expect, it } from 'vitest';
import { scoreScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/** Issue #20 item 5: a class whose share rounds to no place at all is said, not silently empty. */
const m: Method = { kind: 'reported-score', factType: 'r', field: 'score', combine: 'mean', missing: 'zero' };
const schemeWith = (percent: number) =>
  miniScheme(m, [factType('r', { score: { type: 'number' } })], 10, {
    classifications: [{ id: 'bad', kind: 'place', name: '不满意', ranking: 'all', from: 'bottom', percent, rounding: 'floor', ties: 'ranking', source: '后 N%' }],
  });
const facts = [8, 7, 6, 5, 4].map((score, i) => ({ type: 'r', unit: `u${i + 1}`, score }));

describe('a share that rounds to 0 places', () => {
  it('10% of 5 units, floored, is 0 places: a warning at the percent, and the class is empty', () => {
    const r = scoreScheme(schemeWith(10), { ...units('u1', 'u2', 'u3', 'u4', 'u5'), facts });
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['quota-zero-places', '/classifications/0/percent', 'warning']]);
    expect(r.issues[0]?.message.zh).toContain('10% × 5 个单位');
    expect(r.classes[0]?.units).toEqual([]);
  });

  it('20% of 5 is 1 place (u5, the lowest): no warning', () => {
    const r = scoreScheme(schemeWith(20), { ...units('u1', 'u2', 'u3', 'u4', 'u5'), facts });
    expect(r.issues).toEqual([]);
    expect(r.classes[0]?.units).toEqual(['u5']);
  });
});
