/**
 * Issue 18 item 1: explanation steps in the clerk's words, with names. The
 * engine's lines (`票数 votes satisfied=30`, `事实 fact /facts/10
 * [supervision-finding] → 规则 rule inspection-finding`) stay for the CLI and
 * under 技术信息; these are what the preview shows.
 */
import { describe, expect, it } from 'vitest';
import type { Scheme, Step } from '../../../engine/index.ts';
import { describeStepZh, namesOf } from '../../../editor/src/i18n/describe-step.ts';
import { loadScheme } from '../document/shipped-docs.ts';

const names = namesOf(loadScheme('pingyang-2021') as unknown as Scheme);
const say = (s: Step) => describeStepZh(s, names);

describe('explanation steps in Chinese with names', () => {
  it('names vote levels, fact types, rules, groups and indicators instead of their ids', () => {
    expect(say({ kind: 'votes', counts: { satisfied: 30, basic: 5, dissatisfied: 1 }, total: 36, ratio: 0.9167, points: 22.92 })).toBe('满意 30 票,基本满意 5 票,不满意 1 票,共 36 票;得分率 0.9167,计 22.92 分');
    expect(
      say({ kind: 'rule', rule: 'inspection-finding', name: '监督检查查实问题', source: '四(一)4', fact: { index: 10, type: 'supervision-finding' }, base: 2, quantity: 1, modifiers: [{ id: 'severe-double', name: '情节严重加倍', factor: 2, source: '四(一)4' }], points: -4 }),
    ).toBe('第 11 条记录(监督检查查实问题):规则“监督检查查实问题”2 分,情节严重加倍 × 2,计 -4 分〔四(一)4〕');
    expect(say({ kind: 'group-cap', group: 'conduct', name: '作风投诉', raw: -12, cap: 10, applied: -10, source: '附件2' })).toBe('“作风投诉”合计 -12 分,最多 10 分,计 -10 分〔附件2〕');
    expect(say({ kind: 'aggregate', mode: 'sum', parts: [{ indicator: 'daily', points: 80 }, { indicator: 'bonus', points: 2 }], points: 82 })).toBe('合计 日常评价 80 + 加分项 2 = 82 分');
    expect(say({ kind: 'scale', from: 100, to: 5, before: 90, after: 4.5 })).toBe('折算为指标分值:90 ÷ 100 × 5 = 4.5 分');
    expect(say({ kind: 'round', digits: 2, mode: 'half-up', before: 82.345, after: 82.35 })).toBe('按方案保留 2 位小数(四舍五入):82.345 → 82.35 分');
  });

  it('leaves no Latin word in any step of the shipped schemes’ vocabulary', () => {
    const steps: Step[] = [
      { kind: 'no-votes', policy: 'population-mean', points: 20 },
      { kind: 'base', base: 100 },
      { kind: 'floor', floor: 0, before: -3, after: 0 },
      { kind: 'missing', policy: 'zero', points: 0 },
      { kind: 'cap', cap: 5, before: 7, after: 5 },
    ];
    for (const s of steps) expect(say(s)).not.toMatch(/[A-Za-z]/);
  });
});
