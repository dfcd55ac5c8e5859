/**
 * A place and a value of a scheme document in a clerk's words, for the merge
 * dialog: the names of the items on the way (“指标“主管单位评价” · 分值”),
 * never a JSON Pointer; the field's label is the Chinese half of its
 * description in the format's JSON Schema.
 */
import { getAt, isObject, pointerOf, tokensOf, type Json } from '../../document/index.ts';
import { schemaAt, zhOf } from '../form/schema.ts';

/** The label of a field: the Chinese description up to its first clause (“分值(满分)” → “分值”). */
function label(doc: Json, pointer: string): string | undefined {
  const zh = zhOf(schemaAt(doc, pointer)).trim();
  if (!zh) return undefined;
  return zh.split(/[::,,;;(( ]/)[0] || zh;
}

/** “方案 · 指标“日常评价” · 指标“主管单位评价” · 分值”. */
export function placeInWords(doc: Json, pointer: string): string {
  const tokens = tokensOf(pointer);
  const parts: string[] = [];
  let cur: Json | undefined = doc;
  tokens.forEach((t, i) => {
    const here = pointerOf(tokens.slice(0, i + 1));
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(t)] : isObject(cur) ? cur[t] : undefined;
    if (Array.isArray(cur)) {
      const named = isObject(next) && typeof next.name === 'string' ? `“${next.name}”` : `第 ${Number(t) + 1} 项`;
      const last = parts.pop();
      parts.push(`${last ?? ''}${named}`);
    } else {
      parts.push(label(doc, here) ?? '某项设置');
    }
    cur = next;
  });
  return parts.length === 0 ? '整个方案' : parts.join(' · ');
}

/** A value as a clerk reads it: text as is, numbers as numbers, an item by its name. */
export function valueInWords(v: Json | undefined): string {
  if (v === undefined) return '(已删除)';
  if (v === null) return '(空)';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' || typeof v === 'string') return String(v) === '' ? '(空文字)' : String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => isObject(x) && typeof x.name === 'string')) return v.map((x) => `“${(x as { name: string }).name}”`).join('、') + ' 的顺序';
    return v.map((x) => valueInWords(x)).join('、');
  }
  if (typeof v.name === 'string') return `“${v.name}”(含其全部设置)`;
  return Object.entries(v).map(([, x]) => valueInWords(x)).join(',');
}

/** The place of a conflict in the document where it still exists (the clerk's, else the stored one). */
export function placeOfConflict(ours: Json, theirs: Json, pointer: string): string {
  return placeInWords(getAt(ours, pointer) !== undefined ? ours : theirs, pointer);
}
