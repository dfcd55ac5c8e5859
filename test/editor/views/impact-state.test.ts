/**
 * Issue 18 item 7: the impact pane never shows rows of `— → x`. pingyang-2021
 * against its 2022 draft (nextYear: the 认定期间 moves to 2021-12-01 …
 * 2022-11-30) on the hand-computed case 01 (facts dated 2021-06-15, inside
 * only the 2021 window): one side cannot score, and says why; scored under one
 * window the two versions compare by their rules alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextYear, validateScheme, type Dataset, type Scheme } from '../../../engine/index.ts';
import { impactState } from '../../../editor/src/views/workspace/impact-state.ts';

const y2021 = validateScheme(JSON.parse(readFileSync('schemes/pingyang-2021/scheme.json', 'utf8'))).scheme as Scheme;
const y2022 = nextYear(y2021, { year: 2022 }).scheme;
const data = (JSON.parse(readFileSync('schemes/pingyang-2021/cases/01-every-indicator.json', 'utf8')) as { input: Dataset }).input;
// the same facts one year later: inside 2022's window only
const shifted: Dataset = JSON.parse(JSON.stringify(data).replace(/"2021-(\d\d-\d\d)"/g, '"2022-$1"').replace(/"2020-(\d\d-\d\d)"/g, '"2021-$1"'));

describe('impact state', () => {
  it('the draft cannot score last year’s data: its errors, no rows', () => {
    const s = impactState(y2021, y2022, data);
    expect(s.kind).toBe('draft-cannot');
    if (s.kind !== 'draft-cannot') return;
    expect(s.issues.length).toBeGreaterThan(0);
    expect(s.issues[0]?.message.zh).toContain('不在认定期间 2021-12-01 至 2022-11-30 内');
  });

  it('the base cannot score next year’s data: its errors, no rows', () => {
    const s = impactState(y2021, y2022, shifted);
    expect(s.kind).toBe('base-cannot');
    if (s.kind === 'base-cannot') expect(s.issues[0]?.message.zh).toContain('不在认定期间 2020-12-01 至 2021-11-30 内');
  });

  it('under one window the rules compare: the draft moved on only by its window changes no unit', () => {
    expect(impactState(y2021, y2022, shifted, 'draft').kind).toBe('none');
    expect(impactState(y2021, y2022, data, 'base').kind).toBe('none');
  });

  it('a real change shows rows: 监督检查评价 20 → 15 (四(一)4, a deduction from its full points) takes 5 from every unit, totals on both sides', () => {
    const changed = structuredClone(y2022);
    const daily = changed.indicators[0]!;
    daily.children!.find((c) => c.id === 'supervision')!.points = 15;
    const s = impactState(y2021, changed, data, 'base');
    expect(s.kind).toBe('moved');
    if (s.kind !== 'moved') return;
    expect(s.moved.length).toBeGreaterThan(0);
    for (const u of s.moved) {
      expect(u.total.before).not.toBeNull();
      expect(u.total.after).not.toBeNull();
      expect(u.delta).toBeCloseTo(-5, 9);
    }
  });
});
