/** 五、结果运用: what each class brings to a unit or its parent. */
import { arr, citing, nameIn, num, str, type SectionRenderer, type Sentence } from './model.ts';
import { isObject } from '../document/index.ts';

export const consequences: SectionRenderer = {
  title: '结果运用',
  render(doc) {
    const out: Sentence[] = [];
    arr(doc.consequences).forEach((c, i) => {
      if (!isObject(c)) return;
      const who = str(c.target) === 'parent' ? '其所在主管单位' : '该单位';
      const pts = num(c.points);
      const what = pts !== undefined ? `${str(c.measure) ?? ''}${pts >= 0 ? '加' : '减'} ${Math.abs(pts)} 分` : (str(c.note) ?? str(c.name) ?? '');
      const cls = str(c.class) ? `被评为“${nameIn(doc.classifications, c.class)}”的,` : '';
      out.push({ pointer: `/consequences/${i}`, depth: 0, text: `${cls}${who}${what}${pts !== undefined && str(c.name) ? `(${str(c.name)})` : ''}${citing(c)}。` });
    });
    return out;
  },
};
