/**
 * 方案全文 without a browser: the sections in the order of an 实施细则, each
 * sentence pointing at the node it says, the clerk's numbers as the document
 * (pingyang-2021: the clauses cited in its README's clause map), and two
 * versions read against each other.
 */
import { describe, expect, it } from 'vitest';
import { getAt, setValue, type Json } from '../../../editor/src/document/index.ts';
import { diffRendered, renderScheme } from '../../../editor/src/render/index.ts';
import { chineseNumber, outlineMark } from '../../../editor/src/render/model.ts';
import { loadScheme } from '../document/shipped-docs.ts';

const pingyang = loadScheme('pingyang-2021');
const texts = (doc: Json, kind: string) => renderScheme(doc).find((s) => s.kind === kind)?.sentences.map((s) => s.text) ?? [];

describe('方案全文', () => {
  it('has the six sections of an 实施细则, in order, numbered in Chinese', () => {
    expect(renderScheme(pingyang).map((s) => s.title)).toEqual(['一、评议对象与分类', '二、评议内容与计分', '三、扣分与加分', '四、等次评定', '五、结果运用', '六、附则']);
  });

  it('every sentence points at a node of the document (a click selects it)', () => {
    for (const id of ['pingyang-2021', 'wenzhou-2023', 'wenzhou-2024', 'nanyang-2014']) {
      const doc = loadScheme(id);
      for (const s of renderScheme(doc)) for (const x of s.sentences) expect(getAt(doc, x.pointer), `${id} ${x.pointer}`).toBeDefined();
    }
  });

  it('says pingyang-2021 as its document does: 四(一) 85 分, its children 50/10/5/20, 加分项 outside the total', () => {
    const content = texts(pingyang, 'content');
    expect(content[0]).toBe('评议实行百分制,满分 100 分。');
    expect(content[1]).toBe('(一)日常评价 85 分,由以下各项组成(依据:四(一))。');
    expect(content).toContain('3.主管单位评价 5 分,按评定等级计分(依据:四(一)3)。');
    expect(content.find((t) => t.startsWith('(三)加分项'))).toContain('5 分(不计入总分)');
  });

  it('tells the deductions with points and caps (四(一)4: 投诉举报被查实 每例直扣1分; 监督检查评价 at most 20)', () => {
    const adj = texts(pingyang, 'adjustments');
    expect(adj).toContain('监督检查评价:最多扣 20 分。');
    expect(adj).toContain('2.投诉举报被查实:每次扣 1 分(依据:四(一)4:参评科室投诉举报被查实的,每例直扣1分)。');
    expect(adj.some((t) => t.startsWith('作风投诉合计最多扣 10 分'))).toBe(true);
  });

  it('names classes and consequences by their names (五(一): 满意单位 所在单位考绩加5分)', () => {
    expect(texts(pingyang, 'grading')).toContain('“满意单位”:按综合评价排名从高到低取 10 个(依据:四(三):拟定“满意单位”……10个)。');
    expect(texts(pingyang, 'consequences')[0]).toMatch(/^被评为“满意单位”的,其所在主管单位考绩加 5 分/);
    expect(texts(pingyang, 'appendix').filter((t) => t.startsWith('文件未作规定之处'))).toHaveLength(9);
  });

  it('renders a draft whose structure is broken instead of failing', () => {
    expect(() => renderScheme({ indicators: [{ name: '无分值' }, 3, null], consequences: 'x' } as Json)).not.toThrow();
    expect(renderScheme(null)).toHaveLength(6);
  });

  it('numbers outlines as documents do', () => {
    expect([1, 10, 12, 20, 21, 99].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '二十一', '九十九']);
    expect([outlineMark(0, 1), outlineMark(1, 1), outlineMark(2, 1)]).toEqual(['(二)', '2.', '(2)']);
  });

  it('reads two versions against each other: a weight change is one changed sentence, the rest the same', () => {
    const after = setValue('/indicators/0/children/2/points', 10).execute(pingyang);
    const diff = diffRendered(pingyang, after);
    const changed = diff.flatMap((s) => s.changes.filter((c) => c.kind !== 'same'));
    expect(changed).toEqual([
      {
        kind: 'changed',
        before: expect.objectContaining({ text: '3.主管单位评价 5 分,按评定等级计分(依据:四(一)3)。' }),
        sentence: expect.objectContaining({ text: '3.主管单位评价 10 分,按评定等级计分(依据:四(一)3)。', pointer: '/indicators/0/children/2' }),
      },
    ]);
    const removed = diffRendered(pingyang, setValue('/exemptions', []).execute(pingyang)).flatMap((s) => s.changes.filter((c) => c.kind !== 'same'));
    expect(removed.map((c) => c.kind)).toEqual(['removed']);
  });
});
