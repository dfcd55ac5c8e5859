import { describe, expect, it } from 'vitest';
import { factType, miniScheme, points, units } from '../../helpers/mini-scheme.ts';

/** A fact about a parent applies to every unit of that parent, in every method that reads facts (docs/data-format.md). */
describe('parent facts in every method', () => {
  it('vote-ratio: a vote recorded for parent p1 counts for each of its units', () => {
    const s = miniScheme(
      { kind: 'vote-ratio', factType: 'vote', levelField: 'level', levels: [{ id: 'sat', name: '满意', value: 1 }, { id: 'dis', name: '不满意', value: 0 }], noVotes: { kind: 'zero' } },
      [factType('vote', { level: { type: 'string' } }, 'parent')],
      10,
    );
    // p1 (a, b): 1 满意 + 1 不满意 → 1/2 × 10 = 5 each; p2 (q): 1 满意 → 10
    const votes = [{ type: 'vote', parent: 'p1', level: 'sat' }, { type: 'vote', parent: 'p1', level: 'dis' }, { type: 'vote', parent: 'p2', level: 'sat' }];
    expect(points(s, { ...units('a', 'b', 'q'), facts: votes })).toEqual({ a: 5, b: 5, q: 10 });
  });

  it('reported-score: a score given for the parent is the score of each of its units', () => {
    const s = miniScheme({ kind: 'reported-score', factType: 'parent-score', field: 'score', combine: 'mean', missing: 'zero' }, [factType('parent-score', { score: { type: 'number' } }, 'parent')], 10);
    // p1 (units a, b) scored 8; p2 (unit q) scored 6
    expect(points(s, { ...units('a', 'b', 'q'), facts: [{ type: 'parent-score', parent: 'p1', score: 8 }, { type: 'parent-score', parent: 'p2', score: 6 }] })).toEqual({ a: 8, b: 8, q: 6 });
  });

  it('graded-rating: a grade given to the parent applies to its units', () => {
    const s = miniScheme(
      { kind: 'graded-rating', factType: 'rating', mode: 'grade', grades: [{ id: 'good', name: '好', points: 5 }, { id: 'fair', name: '一般', points: 3 }], missing: { kind: 'zero' } },
      [factType('rating', { grade: { type: 'string' } }, 'parent')],
      5,
    );
    expect(points(s, { ...units('a', 'q'), facts: [{ type: 'rating', parent: 'p1', grade: 'good' }, { type: 'rating', parent: 'p2', grade: 'fair' }] })).toEqual({ a: 5, q: 3 });
  });
});
