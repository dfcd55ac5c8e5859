/** 一、评议对象与分类: the categories, the parents' categories, the period, exemptions and who enters which round. */
import { arr, citing, num, obj, str, type SectionRenderer, type Sentence } from './model.ts';
import { isObject } from '../document/index.ts';

export const subjects: SectionRenderer = {
  title: '评议对象与分类',
  render(doc) {
    const out: Sentence[] = [];
    const cats = arr(doc.categories).filter(isObject);
    if (cats.length > 0) out.push({ pointer: '/categories', depth: 0, text: `参评单位分为${cats.length}类:${cats.map((c) => str(c.name)).join('、')}。` });
    const parents = arr(doc.parentCategories).filter(isObject);
    if (parents.length > 0) out.push({ pointer: '/parentCategories', depth: 0, text: `主管单位分为:${parents.map((c) => str(c.name)).join('、')}。` });
    const w = obj(doc.window);
    if (str(w.from) && str(w.to)) out.push({ pointer: '/window', depth: 0, text: `认定期间为 ${str(w.from)} 至 ${str(w.to)}${citing(w)}。` });
    arr(doc.exemptions).forEach((e, i) => {
      if (isObject(e)) out.push({ pointer: `/exemptions/${i}`, depth: 0, text: `免评:${str(e.name) ?? ''}${citing(e)}。` });
    });
    arr(doc.selections).forEach((s, i) => {
      if (!isObject(s)) return;
      const parts = [num(s.top) !== undefined ? `前 ${num(s.top)} 名` : '', num(s.bottom) !== undefined ? `后 ${num(s.bottom)} 名` : ''].filter(Boolean);
      out.push({ pointer: `/selections/${i}`, depth: 0, text: `${str(s.name) ?? ''}:${parts.length ? `按成绩取${parts.join('与')}` : '按方案规定筛选'}${citing(s)}。` });
    });
    return out;
  },
};
