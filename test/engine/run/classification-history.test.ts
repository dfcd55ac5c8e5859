import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Method, type Scheme } from '../../../engine/index.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

/** A classification that also requires an earlier outcome: last this year and last year (连续两年倒数第一). */
const mark = factType('mark', { score: { type: 'number' } });
const m: Method = { kind: 'reported-score', factType: 'mark', field: 'score', combine: 'mean', missing: 'zero' };

const scheme = (yearsAgo: number[]): Scheme =>
  miniScheme(m, [mark], 10, {
    classifications: [
      { kind: 'place', id: 'last', name: '最后一名', ranking: 'all', from: 'bottom', count: 1, ties: 'ranking', source: 'test' },
      { kind: 'place', id: 'last-again', name: '连续倒数第一', ranking: 'all', from: 'bottom', count: 1, ties: 'ranking', within: 'last', history: { outcome: 'last', yearsAgo }, source: 'test' },
    ],
  });

// scores 9, 5, 1 → u3 is last in 2021 (the mini scheme's year)
const facts = [9, 5, 1].map((score, i) => ({ type: 'mark', unit: `u${i + 1}`, score }));

describe('classification with a history condition', () => {
  it('keeps, of the units taken by place, only those with the outcome last year', () => {
    const history = [
      { unit: 'u3', year: 2020, outcome: 'last' },
      { unit: 'u2', year: 2020, outcome: 'last' }, // last last year, but not last this year
    ];
    const r = scoreScheme(scheme([1]), { ...units('u1', 'u2', 'u3'), facts, history });
    expect(r.classes).toEqual([
      { id: 'last', name: '最后一名', units: ['u3'] },
      { id: 'last-again', name: '连续倒数第一', units: ['u3'] },
    ]);
  });

  it('is empty when the unit taken by place lacks the history; every listed year must hold it', () => {
    const r1 = scoreScheme(scheme([1]), { ...units('u1', 'u2', 'u3'), facts, history: [{ unit: 'u3', year: 2019, outcome: 'last' }] });
    expect(r1.classes.find((c) => c.id === 'last-again')?.units).toEqual([]);
    const r2 = scoreScheme(scheme([1, 2]), { ...units('u1', 'u2', 'u3'), facts, history: [{ unit: 'u3', year: 2020, outcome: 'last' }] });
    expect(r2.classes.find((c) => c.id === 'last-again')?.units).toEqual([]);
    const r3 = scoreScheme(scheme([1, 2]), {
      ...units('u1', 'u2', 'u3'),
      facts,
      history: [
        { unit: 'u3', year: 2020, outcome: 'last' },
        { unit: 'u3', year: 2019, outcome: 'last' },
      ],
    });
    expect(r3.classes.find((c) => c.id === 'last-again')?.units).toEqual(['u3']);
  });

  it('warns when the history outcome is not a classification of the scheme', () => {
    const s = scheme([1]);
    const c = s.classifications?.[1];
    if (c?.kind === 'place' && c.history) c.history.outcome = 'lowest';
    expect(validateScheme(s).issues.map((i) => [i.code, i.path, i.severity])).toEqual([['unknown-outcome', '/classifications/1/history/outcome', 'warning']]);
  });
});
