import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme } from '../../../engine/index.ts';
import { isCalendarDate } from '../../../engine/data/check-dataset.ts';
import { factType, miniScheme, units } from '../../helpers/mini-scheme.ts';

describe('uniqueness keys on fact types', () => {
  const ft = { ...factType('dept-score', { department: { type: 'string' }, score: { type: 'number' } }), key: ['unit', 'department'] };
  const s = miniScheme({ kind: 'reported-score', factType: 'dept-score', field: 'score', combine: 'mean', missing: 'zero' }, [ft], 10);

  it('a second record with the same key is duplicate-fact at that record, never averaged in', () => {
    const r = scoreScheme(s, {
      ...units('a', 'b'),
      facts: [
        { type: 'dept-score', unit: 'a', department: 'd1', score: 8 },
        { type: 'dept-score', unit: 'a', department: 'd2', score: 6 },
        { type: 'dept-score', unit: 'b', department: 'd1', score: 9 },
        { type: 'dept-score', unit: 'a', department: 'd1', score: 2 },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['duplicate-fact', '/facts/3']]);
    expect(r.issues[0]?.message.zh).toContain('/facts/0');
  });

  it('key fields must be declared (unit only on unit fact types)', () => {
    const bad = structuredClone(s);
    bad.factTypes[0]!.key = ['parent', 'dept'];
    expect(validateScheme(bad).issues.map((i) => [i.code, i.path])).toEqual([
      ['wrong-target', '/factTypes/0/key/0'],
      ['unknown-field', '/factTypes/0/key/1'],
    ]);
  });
});

describe('calendar dates', () => {
  it('knows month lengths and leap years', () => {
    expect(['2021-02-28', '2020-02-29', '2021-04-30', '2021-12-31', '2021-01'].map(isCalendarDate)).toEqual([true, true, true, true, true]);
    expect(['2021-02-29', '2021-02-30', '2021-04-31', '2021-00-10', '2021-13-01', '2021-13', '2100-02-29', '2021-1-1'].map(isCalendarDate)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('property: the same answer as the calendar itself, for any short string of digits, dashes and other characters', () => {
    // the reference: the pattern, then the Gregorian calendar of Date (UTC) says whether the day exists
    const reference = (d: string): boolean => {
      const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(d);
      if (!m) return false;
      const [y, mo] = [Number(m[1]), Number(m[2])];
      if (mo < 1 || mo > 12) return false;
      if (m[3] === undefined) return true;
      const day = Number(m[3]);
      const t = new Date(Date.UTC(2000, mo - 1, day));
      t.setUTCFullYear(y); // years below 100 too
      return day >= 1 && t.getUTCDate() === day && t.getUTCMonth() === mo - 1;
    };
    const char = fc.constantFrom('0', '1', '2', '3', '9', '-', '-', 'x', '٣', ' ', '\n');
    const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.boolean()).map(
      ([y, m, d, month]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}${month ? '' : `-${String(d).padStart(2, '0')}`}`,
    );
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.array(char, { maxLength: 11 }).map((a) => a.join(''))), (d) => isCalendarDate(d) === reference(d)),
      { seed: 20211130, numRuns: 20_000 },
    );
  });

  it('2021-02-30, 2021-04-31, 2021-00-10 and 2021-13-01 are bad-date (not outside-window, not scored)', () => {
    const ft = { ...factType('case', { date: { type: 'string' } }), dateField: 'date' };
    const s = miniScheme(
      { kind: 'deduction', floor: 0, hitPolicy: 'first', rules: [{ id: 'r', name: '每例扣 1 分', source: 't', factType: 'case', points: { kind: 'fixed', value: 1 } }] },
      [ft],
      10,
      { window: { from: '2021-01-01', to: '2021-12-31' } },
    );
    const r = scoreScheme(s, {
      ...units('a'),
      facts: ['2021-02-30', '2021-04-31', '2021-00-10', '2021-13-01', '2021-06-01'].map((date) => ({ type: 'case', unit: 'a', date })),
    });
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['bad-date', '/facts/0/date'],
      ['bad-date', '/facts/1/date'],
      ['bad-date', '/facts/2/date'],
      ['bad-date', '/facts/3/date'],
    ]);
  });
});
