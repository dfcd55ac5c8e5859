import { describe, expect, it } from 'vitest';
import { scoreScheme, type FactType } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/** Issue #20 item 5: a per-record validity rule with no record to check is an error, as the cross-record form's is. */
const meeting: FactType = { id: 'meeting', name: '评议会议', target: 'season', fields: { type: 'object', properties: { members: { type: 'integer' }, present: { type: 'integer' } }, required: ['members', 'present'] } };
const vote = factType('vote', { level: { type: 'string' } });
const s = miniScheme(
  { kind: 'vote-ratio', factType: 'vote', levelField: 'level', levels: [{ id: 'sat', name: '满意', value: 1 }, { id: 'dis', name: '不满意', value: 0 }], noVotes: { kind: 'zero' } },
  [vote, meeting],
  10,
  { validity: [{ kind: 'compare', id: 'quorum', name: '过半数出席', factType: 'meeting', field: 'present', operator: 'gt', than: { kind: 'field', field: 'members', factor: 0.5 }, source: '到会人数须超过应到人数的一半' }] },
);
const votes = [
  { type: 'vote', unit: 'a', level: 'sat' },
  { type: 'vote', unit: 'b', level: 'dis' },
];

describe('per-record validity without its record', () => {
  it('no meeting record: validity-record-missing at /facts, the run is invalid', () => {
    const r = scoreScheme(s, { ...units('a', 'b'), facts: votes });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['validity-record-missing', '/facts', 'error']]);
    expect(r.issues[0]?.message.zh).toContain('评议会议');
  });

  it('with the record (6 of 10 present > 5) the run is valid: a 10, b 0', () => {
    const r = scoreScheme(s, { ...units('a', 'b'), facts: [{ type: 'meeting', members: 10, present: 6 }, ...votes] });
    expect(r.ok).toBe(true);
    expect(r.units.map((u) => [u.unit, u.total])).toEqual([['a', 10], ['b', 0]]);
  });
});
