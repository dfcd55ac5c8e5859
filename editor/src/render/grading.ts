/** 四、等次评定: how units are ranked, and which classes are drawn from the ranking. */
import { arr, citing, nameIn, num, obj, str, type SectionRenderer, type Sentence } from './model.ts';
import { isObject } from '../document/index.ts';

export const grading: SectionRenderer = {
  title: '等次评定',
  render(doc) {
    const out: Sentence[] = [];
    arr(doc.rankings).forEach((r, i) => {
      if (!isObject(r)) return;
      const tie = obj(r.tieBreak);
      const tieWords = str(tie.otherwise) === 'roster-order' ? ';并列仍不能区分的,按名单顺序' : '';
      out.push({ pointer: `/rankings/${i}`, depth: 0, text: `${str(r.name) ?? ''}:按总成绩从高到低排名${tieWords}${citing(r)}。` });
    });
    arr(doc.classifications).forEach((c, i) => {
      if (!isObject(c)) return;
      const from = str(c.from) === 'bottom' ? '从低到高' : '从高到低';
      const how = str(c.kind) === 'place' && num(c.count) !== undefined ? `按${nameIn(doc.rankings, c.ranking)}${from}取 ${num(c.count)} 个` : '按方案规定评定';
      const excludes = arr(c.excludes).map((x) => `“${nameIn(doc.classifications, x)}”`).join('、');
      out.push({ pointer: `/classifications/${i}`, depth: 0, text: `“${str(c.name) ?? ''}”:${how}${excludes ? `(不含${excludes})` : ''}${citing(c)}。` });
    });
    return out;
  },
};
