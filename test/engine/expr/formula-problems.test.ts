import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type FactType, type Method } from '../../../engine/index.ts';
import { factType, units } from '../../helpers/mini-scheme.ts';

/** issue #20 Bad input: each a problem with a JSON Pointer in Chinese and English, never a crash. */
const task = factType('task', { planned: { type: 'integer', minimum: 0 }, done: { type: 'integer', minimum: 0 }, due: { type: 'string', format: 'date' } });
const monthly: FactType = { ...factType('bulletin', { month: { type: 'string' } }), period: { field: 'month', unit: 'month' } };

function scheme(method: unknown, factTypes: FactType[] = [task, monthly]): unknown {
  return {
    id: 'mini',
    name: '测试方案',
    jurisdiction: '测试',
    year: 2021,
    version: '1.0.0',
    source: 'test',
    totalPoints: 10,
    categories: [{ id: 'a', name: 'A' }],
    parentCategories: [
      { id: 'organ', name: '机关' },
      { id: 'soe', name: '国企' },
    ],
    factTypes,
    indicators: [{ id: 'x', name: '指标', points: 10, method }],
    rankings: [{ id: 'all', name: '排名', basis: { kind: 'total' }, pool: { kind: 'all' }, groupBy: 'none', tieBreak: { keys: [], otherwise: 'roster-order' }, source: 'test' }],
  };
}

const inputs = {
  done: { kind: 'field', name: '完成数', factType: 'task', field: 'done', missing: 0 },
  planned: { kind: 'field', name: '计划数', factType: 'task', field: 'planned', missing: 0 },
  due: { kind: 'field', name: '期限', factType: 'task', field: 'due', missing: 'error' },
};
const formula = (expression: string, extra: object = {}) => ({ kind: 'formula', inputs, expression, ...extra });

function problems(doc: unknown): Array<[string, string]> {
  const v = validateScheme(doc);
  for (const i of v.issues) {
    expect(i.message.zh).not.toBe('');
    expect(i.message.en).not.toBe('');
  }
  // the fixture declares both fact types for every case; one a case's formula does not read is rightly
  // `fact-type-unread`, which is not what these cases are about
  return v.issues.filter((i) => i.code !== 'fact-type-unread').map((i) => [i.code, i.path]);
}

describe('formula: bad input is a problem at a pointer', () => {
  const at = '/indicators/0/method/expression';
  it('accepts a guarded ratio', () => expect(problems(scheme(formula('if(planned > 0, min(1, done / planned), 0) * full')))).toEqual([]));
  it('an expression that does not parse, with the character position', () => {
    const v = validateScheme(scheme(formula('done / (planned')));
    expect(v.issues.map((i) => [i.code, i.path])).toEqual([['expression-syntax', at]]);
    expect(v.issues[0]?.message.zh).toContain('第 16 个字符');
  });
  it('an unknown input', () => expect(problems(scheme(formula('done / plan')))).toEqual([['expression-unknown-name', at]]));
  it('a date compared with a number', () => expect(problems(scheme(formula('if(due > 3, full, 0)')))).toEqual([['expression-type', at]]));
  it('a division by a value that can be zero, without a declared policy', () => {
    expect(problems(scheme(formula('done / planned * full')))).toEqual([['expression-zero-division', at]]);
    // declared: no problem, and the division by 0 shows in the trace
    expect(problems(scheme(formula('done / planned * full', { zeroDivision: { value: 0, source: '计划为 0 不得分' } })))).toEqual([]);
  });
  it('a guard that does not exclude zero does not count as one', () => expect(problems(scheme(formula('if(planned >= 0, done / planned, 0)')))).toEqual([['expression-zero-division', at]]));
  it('nesting deeper than the bound', () => {
    const deep = `${'('.repeat(40)}done${')'.repeat(40)}`;
    expect(problems(scheme(formula(deep)))).toEqual([['expression-syntax', at]]);
    const deepMin = `${'min(1, '.repeat(40)}done${')'.repeat(40)}`;
    expect(problems(scheme(formula(deepMin)))).toEqual([['expression-syntax', at]]);
  });
  it('a hostile text is refused, not run', () => {
    for (const t of ['constructor', '__proto__', 'done.constructor', 'this', 'done["x"]', 'while(1)', 'x => x']) {
      expect(problems(scheme(formula(t))).length).toBeGreaterThan(0);
    }
  });
  it('a result that is not a number', () => expect(problems(scheme(formula('done > 1')))).toEqual([['expression-type', at]]));
  it('a reserved input name', () => {
    expect(problems(scheme({ kind: 'formula', inputs: { min: inputs.done }, expression: '1' }))).toEqual([['expression-reserved-name', '/indicators/0/method/inputs/min']]);
  });
  it('a period condition on a fact type without periods', () => {
    const m = { kind: 'formula', inputs: { run: { kind: 'periods', name: '连续', factType: 'task', measure: { kind: 'streak' } } }, expression: 'full - run' };
    expect(problems(scheme(m))).toEqual([['period-undeclared', '/indicators/0/method/inputs/run/factType']]);
  });
  it('a day difference over months', () => {
    const m = { kind: 'formula', inputs: { gap: { kind: 'periods', name: '天数', factType: 'bulletin', measure: { kind: 'days-between', from: { fact: 'month', operator: 'equal', value: 'x' }, missing: 0 } } }, expression: 'full' };
    expect(problems(scheme(m))).toEqual([['period-not-dated', '/indicators/0/method/inputs/gap/measure/kind']]);
  });
  it('a population statistic of a population input', () => {
    const m = {
      kind: 'formula',
      inputs: { done: inputs.done, rank: { kind: 'place', name: '名次', by: 'done', order: 'high-first', scope: 'all' }, best: { kind: 'stat', name: '最高名次', stat: 'max', of: 'rank', scope: 'all' } },
      expression: 'full',
    };
    expect(problems(scheme(m))).toEqual([['formula-population-of-population', '/indicators/0/method/inputs/best/of']]);
  });
  it('an unvalidated scheme with a broken expression scores nothing and says why, without a crash', () => {
    const r = scoreScheme(scheme(formula('done / (')) as never, { ...units('u1'), facts: [] });
    expect(r.issues.map((i) => i.code)).toContain('expression-syntax');
  });
});

describe('formula: a zero divisor with a declared policy', () => {
  it('uses the declared value and says so in the trace', () => {
    const m = formula('done / planned * full', { zeroDivision: { value: 0, source: '计划为 0 不得分' } }) as Method;
    const s = scheme(m) as never;
    const r = scoreScheme(s, { ...units('u1'), facts: [{ type: 'task', unit: 'u1', planned: 0, done: 0, due: '2021-05-01' }] });
    expect(r.ok).toBe(true);
    const steps = r.units[0]?.indicators[0]?.steps ?? [];
    expect(steps).toContainEqual({ kind: 'formula-op', text: 'done / planned', with: '除数为 0', value: 0 });
    expect(r.units[0]?.indicators[0]?.points).toBe(0);
  });
});

describe('formula: other indicators as inputs (issue #20 item 1 "other indicators’ points")', () => {
  const leaf = (id: string, method: unknown) => ({ id, name: id, points: 5, method });
  const reads = (...ids: string[]) => ({ kind: 'formula', inputs: Object.fromEntries(ids.map((id, i) => [`i${i}`, { kind: 'indicator', name: id, indicator: id, missing: 0 }])), expression: ids.length ? ids.map((_, i) => `i${i}`).join(' + ') : 'full' });
  const tree = (indicators: unknown[]) => ({ ...(scheme(formula('full')) as Record<string, unknown>), indicators, totalPoints: 5 * indicators.length });
  it('reads a leaf declared after it', () => expect(problems(tree([leaf('a', reads('b')), leaf('b', formula('full'))]))).toEqual([]));
  it('refuses a cycle, an unknown indicator and a parent indicator', () => {
    expect(problems(tree([leaf('a', reads('b')), leaf('b', reads('a'))]))).toEqual([['formula-indicator-cycle', '/indicators/1/method/inputs/i0/indicator']]);
    expect(problems(tree([leaf('a', reads('a'))]))).toEqual([['formula-indicator-cycle', '/indicators/0/method/inputs/i0/indicator']]);
    expect(problems(tree([leaf('a', reads('zz'))]))).toEqual([['unknown-indicator', '/indicators/0/method/inputs/i0/indicator']]);
    const parent = { id: 'p', name: 'p', points: 5, children: [leaf('c', formula('full'))] };
    expect(problems({ ...tree([leaf('a', reads('p')), parent]), totalPoints: 10 })).toEqual([['formula-indicator-not-leaf', '/indicators/0/method/inputs/i0/indicator']]);
  });
});
