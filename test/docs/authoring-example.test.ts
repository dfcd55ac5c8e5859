import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Scheme } from '../../engine/index.ts';

/** docs/authoring.md 第四节的示例必须真的可行:按文中步骤由 pingyang-2021 起草 pingyang-2022。 */
const root = new URL('../../', import.meta.url);
const doc = readFileSync(new URL('docs/authoring.md', root), 'utf8');

function draft2022(): Scheme {
  const s = JSON.parse(readFileSync(new URL('schemes/pingyang-2021/scheme.json', root), 'utf8')) as Scheme & Record<string, unknown>;
  // 第 1 步
  Object.assign(s, {
    id: 'pingyang-2022',
    year: 2022,
    version: '1.0.0',
    basedOn: { id: 'pingyang-2021', version: '1.0.0' },
    source: '《2022年度全县千人评机关(含国有企业)中层科室活动实施细则》',
    window: { from: '2021-12-01', to: '2022-11-30', source: '四(一)4' },
  });
  // 第 2 步: /indicators/0/children/3/method/rules/0
  const rule = (s as unknown as { indicators: Array<{ children: Array<{ method: { rules: Array<Record<string, unknown>> } }> }> }).indicators[0]!.children[3]!.method.rules[0]!;
  rule.points = { kind: 'table', field: 'level', values: { county: 1, city: 3 } };
  rule.source = '四(一)4:被县级层面查实的每例直扣1分,被市级层面查实的每例直扣3分';
  // 第 3 步: /indicators/2/method and the bonus indicator's points; /classifications/0..1
  const bonus = s.indicators[2] as { points: number; method: { cap: number; source: string } };
  bonus.points = 3;
  bonus.method.cap = 3;
  bonus.method.source = '四(二)5:加分项最高不超过3分';
  (s.classifications![0] as { count?: number }).count = 12;
  (s.classifications![1] as { count?: number }).count = 12;
  return s;
}

describe('docs/authoring.md worked example', () => {
  it('names the pointers it edits', () => {
    expect(doc).toContain('/indicators/0/children/3/method/rules/0');
    expect(doc).toContain('/indicators/2/method');
  });

  it('the drafted 2022 scheme validates and scores the changed rules', () => {
    const s = draft2022();
    expect(validateScheme(s).issues.filter((i) => i.severity === 'error')).toEqual([]);
    const roster = { parents: [{ id: 'p', name: '局', category: 'organ' }], units: [{ id: 'a', name: '甲', parent: 'p', category: 'organ' }] };
    const facts = [
      { type: 'supervision-finding', unit: 'a', channel: 'inspection', level: 'city', date: '2022-03-01' },
      { type: 'commendation', unit: 'a', level: 'national', deed: 'd', date: '2022-05-01' },
    ];
    // 两年满意:yearsAgo [1, 2] 自动指向 2021、2020 → 免评
    const history = [2021, 2020].map((year) => ({ unit: 'a', year, outcome: 'satisfied' }));
    expect(scoreScheme(s, { ...roster, facts, history }).units[0]?.status).toBe('exempt');
    // 2021-11-30 is outside the new window
    const late = scoreScheme(s, { ...roster, facts: [...facts, { type: 'online-complaint', unit: 'a', date: '2021-11-30' }] });
    expect(late.issues.map((i) => [i.code, i.path])).toEqual([['outside-window', '/facts/2/date']]);
    const r3 = scoreScheme(s, { ...roster, facts });
    const a = r3.units[0]!;
    type T = { id: string; points: number; children?: T[] };
    const find = (list: T[], id: string): T | undefined => list.map((t) => (t.id === id ? t : find(t.children ?? [], id))).find(Boolean);
    expect(find(a.indicators, 'supervision')?.points).toBe(17); // 20 − 3
    expect(a.outsideTotal).toBe(3); // 国家级 5 → 上限 3
  });
});
