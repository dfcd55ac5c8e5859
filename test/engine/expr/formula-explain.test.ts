import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainUnit, scoreScheme, validateScheme, type Dataset } from '../../../engine/index.ts';

/** issue #20 item 1: every step of a computed value in the explanation, in Chinese; item 2: a bad period is a problem at its field. */
const root = new URL('../../../schemes/examples/period-conditions/', import.meta.url);
const scheme = validateScheme(JSON.parse(readFileSync(new URL('scheme.json', root), 'utf8'))).scheme!;
const data = (JSON.parse(readFileSync(new URL('cases/01-five-units.json', root), 'utf8')) as { input: Dataset }).input;

describe('period-conditions explained', () => {
  it('names each input with its periods and redoes the arithmetic (示例 一、二、三, unit a)', () => {
    const r = scoreScheme(scheme, data);
    const a = r.units.find((u) => u.unit === 'a');
    if (!a) throw new Error('unit a missing');
    const text = explainUnit(a);
    expect(text).toContain('输入 最长连续末位月数(run)= 4:符合条件的期别:2023-01、2023-02、2023-03、2023-04;最长连续 4 期(2023-01 至 2023-04)');
    expect(text).toContain('计算 escalate(run):对照表 escalate(4) → 6');
    expect(text).toContain('计算 full - escalate(run):10 − 6 → 4');
    expect(text).toContain('最近一次标记在 2023-Q1;其后符合条件的期别:2023-Q2、2023-Q3;共 2 期');
    expect(text).toContain('起点 2023-03-01,终点 2023-03-31,相隔 30 天');
  });

  it('a period that is not one is reported at its field, and the unit is scored on the rest', () => {
    const facts = data.facts.map((f, i) => (i === 1 ? { ...f, month: '2023-13' } : f));
    const r = scoreScheme(scheme, { ...data, facts });
    expect(r.issues.filter((i) => i.code === 'bad-period').map((i) => i.path)).toEqual(['/facts/1/month']);
  });
});
