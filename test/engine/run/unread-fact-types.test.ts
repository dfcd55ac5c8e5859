import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Method } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/** Issue #20 item 5: a fact type no rule reads is flagged by validate; its facts are warned once per type, with their count. */
const m: Method = { kind: 'reported-score', factType: 'r', field: 'score', combine: 'mean', missing: 'zero' };
const s = miniScheme(m, [factType('r', { score: { type: 'number' } }), factType('memo', { text: { type: 'string' } })], 10);

describe('fact types nothing reads', () => {
  it('validate warns at the declaration', () => {
    expect(validateScheme(s).issues.map((i) => [i.code, i.path, i.severity])).toEqual([['fact-type-unread', '/factTypes/1/id', 'warning']]);
  });

  it('a read type is not flagged', () => {
    expect(validateScheme({ ...s, factTypes: s.factTypes.slice(0, 1) }).issues).toEqual([]);
  });

  it('three facts of the unread type are one warning, at the first, with the count', () => {
    const facts = [
      { type: 'r', unit: 'u1', score: 8 },
      { type: 'memo', unit: 'u1', text: 'a' },
      { type: 'memo', unit: 'u2', text: 'b' },
      { type: 'r', unit: 'u2', score: 6 },
      { type: 'memo', unit: 'u2', text: 'c' },
    ];
    const r = scoreScheme(s, { ...units('u1', 'u2'), facts });
    expect(r.ok).toBe(true);
    const warned = r.issues.filter((i) => i.code === 'facts-of-unread-type');
    expect(warned.map((i) => i.path)).toEqual(['/facts/1']);
    expect(warned[0]?.message.zh).toContain('3 条“memo”记录');
    expect(r.issues.filter((i) => i.code === 'fact-unused')).toEqual([]);
  });
});
