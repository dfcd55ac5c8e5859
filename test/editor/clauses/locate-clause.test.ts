import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { citationAt, citationsOf, citing } from '../../../editor/src/clauses/clause-index.ts';
import { locateClause } from '../../../editor/src/clauses/locate-clause.ts';

const text = readFileSync('schemes/pingyang-2021/source.txt', 'utf8');
const doc = JSON.parse(readFileSync('schemes/pingyang-2021/scheme.json', 'utf8'));
const found = (source: string) => locateClause(text, source).map((r) => text.slice(r.start, r.end));

describe('locating a rule’s clause in the source document', () => {
  it('a quote after the colon is found verbatim', () => {
    expect(found('四(二)5:加分项最高不超过5分')).toEqual(['加分项最高不超过5分']);
  });

  it('a quote with an ellipsis is found piece by piece', () => {
    const parts = found('四(三):拟定……“不满意单位”各10个');
    expect(parts).toEqual(['“不满意单位”各10个']);
  });

  it('numbering alone finds the heading’s paragraph: 四 → (二) → 5', () => {
    const [p] = found('四(二)5');
    expect(p?.startsWith('5.加分项(分值不占评价总分值)')).toBe(true);
  });

  it('an annex and its note: 附件2 注3', () => {
    const [p] = found('附件2 注3');
    expect(p?.startsWith('3.“网络监督投诉”平台实行按有效投诉扣分制')).toBe(true);
  });

  it('an assumption the document does not contain is not located (nothing is made up)', () => {
    expect(found('假定 assumption: 无票科室按总平均分计')).toEqual([]);
  });

  it('goes both ways: a rule to its clause, a clause to the rules citing it', () => {
    const cs = citationsOf(doc, text);
    const bonusCap = cs.find((c) => c.source === '四(二)5:加分项最高不超过5分');
    expect(bonusCap).toBeDefined();
    const range = bonusCap?.ranges[0];
    expect(range && citing(cs, range).map((c) => c.pointer)).toContain(bonusCap?.pointer);
    expect(citationAt(cs, `${bonusCap?.pointer}/points`)?.pointer).toBe(bonusCap?.pointer);
  });
});
