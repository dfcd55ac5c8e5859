/** 二、评议内容与计分: the indicators as an outline, each with its points and how it is scored. */
import { arr, citing, indicatorsOf, num, obj, outlineMark, points, str, type SectionRenderer, type Sentence } from './model.ts';
import { isObject, type JsonObject } from '../document/index.ts';

/** How each scoring method reads in a document (deductions and bonuses are told in their own section). */
const METHOD_WORDS: Record<string, (m: JsonObject) => string> = {
  'vote-ratio': (m) => `按测评票计分(${arr(m.levels).filter(isObject).map((l) => `${str(l.name)}${num(l.value) !== undefined ? `计 ${num(l.value)}` : ''}`).join(',')})`,
  'graded-rating': () => '按评定等级计分',
  deduction: () => '实行扣分制,扣分办法见“扣分与加分”',
  bonus: () => '实行加分制,加分办法见“扣分与加分”',
  'rank-deduction': () => '按排名扣分',
  'rank-to-grade': () => '按排名折算等级计分',
  'reported-score': () => '按上报得分计分',
};

export const content: SectionRenderer = {
  title: '评议内容与计分',
  render(doc) {
    const out: Sentence[] = [];
    const total = num(doc.totalPoints);
    if (total !== undefined) out.push({ pointer: '', depth: 0, text: `评议实行百分制,满分 ${total} 分。` });
    for (const { node, pointer, depth, index } of indicatorsOf(doc)) {
      const m = obj(node.method);
      const kind = str(m.kind);
      const how = kind ? (METHOD_WORDS[kind]?.(m) ?? '按方案规定计分') : arr(node.children).length ? '由以下各项组成' : '';
      const outside = node.outsideTotal === true ? '(不计入总分)' : '';
      out.push({ pointer, depth, text: `${outlineMark(depth, index)}${str(node.name) ?? ''} ${points(num(node.points))}${outside}${how ? `,${how}` : ''}${citing(node)}。` });
    }
    return out;
  },
};
