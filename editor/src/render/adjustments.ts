/** 三、扣分与加分: every deduction and bonus rule, with its points, its cap and its clause. */
import { arr, citing, indicatorsOf, num, obj, str, type SectionRenderer, type Sentence } from './model.ts';
import { isObject, type Json } from '../document/index.ts';

/** A rule's points in words: 每次扣 2 分; 国家级 5 分、省部级 3 分. */
function pointsInWords(p: Json | undefined, sign: string): string {
  const v = obj(p);
  if (str(v.kind) === 'fixed' && num(v.value) !== undefined) return `每次${sign} ${Math.abs(num(v.value) as number)} 分`;
  if (str(v.kind) === 'table') return `按${str(v.field) ?? '等级'}分别${sign}:${Object.entries(obj(v.values)).map(([k, x]) => `${k} ${String(x)} 分`).join('、')}`;
  if (str(v.kind) === 'per-unit' || num(v.per) !== undefined) return `每${str(v.unit) ?? '件'}${sign} ${num(v.per) ?? num(v.value) ?? ''} 分`;
  return `${sign}分按方案规定`;
}

export const adjustments: SectionRenderer = {
  title: '扣分与加分',
  render(doc) {
    const out: Sentence[] = [];
    for (const { node, pointer } of indicatorsOf(doc)) {
      const m = obj(node.method);
      const kind = str(m.kind);
      if (kind !== 'deduction' && kind !== 'bonus') continue;
      const sign = kind === 'deduction' ? '扣' : '加';
      const cap = num(m.cap) ?? num(node.points);
      out.push({ pointer, depth: 0, text: `${str(node.name) ?? ''}:${cap !== undefined ? `最多${sign} ${cap} 分` : ''}${citing(m)}。` });
      arr(m.rules).forEach((r, i) => {
        if (!isObject(r)) return;
        out.push({ pointer: `${pointer}/method/rules/${i}`, depth: 1, text: `${i + 1}.${str(r.name) ?? ''}:${pointsInWords(r.points, sign)}${num(r.cap) !== undefined ? `,最多${sign} ${num(r.cap)} 分` : ''}${citing(r)}。` });
      });
      arr(m.groups).forEach((g, i) => {
        if (isObject(g) && num(g.cap) !== undefined) out.push({ pointer: `${pointer}/method/groups/${i}`, depth: 1, text: `${str(g.name) ?? '同组'}合计最多${sign} ${num(g.cap)} 分${citing(g)}。` });
      });
    }
    return out;
  },
};
