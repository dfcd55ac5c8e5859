/** 六、附则: where the scheme comes from, and every assumption it makes where the document is silent. */
import { arr, citing, obj, str, type SectionRenderer, type Sentence } from './model.ts';
import { isObject } from '../document/index.ts';

export const appendix: SectionRenderer = {
  title: '附则',
  render(doc) {
    const out: Sentence[] = [];
    const src = doc.source;
    const title = typeof src === 'string' ? src : str(obj(src).title) ?? str(obj(src).name);
    if (title) out.push({ pointer: '/source', depth: 0, text: `本方案依据${title.includes('《') ? title : `《${title}》`}制定。` });
    out.push({ pointer: '/version', depth: 0, text: `本方案为 ${String(doc.year ?? '')} 年度第 ${str(doc.version) ?? ''} 版${isObject(doc.basedOn) ? `,由 ${str(doc.basedOn.id)} ${str(doc.basedOn.version)} 起草` : ''}。` });
    arr(doc.assumptions).forEach((a, i) => {
      if (isObject(a)) out.push({ pointer: `/assumptions/${i}`, depth: 0, text: `文件未作规定之处:${str(a.note) ?? ''}${str(a.clause) ? `(涉及 ${str(a.clause)})` : ''}${citing(a)}` });
    });
    return out;
  },
};
