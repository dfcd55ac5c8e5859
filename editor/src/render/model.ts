/**
 * 方案全文: the scheme read back as the document it came from, in the order
 * of an 实施细则. Each sentence keeps the JSON Pointer of the node it says, so
 * a click selects that node; the renderer reads the document as JSON (a draft
 * with errors is still readable) and is plain TypeScript, tested without a
 * browser.
 */
import { isObject, type Json, type JsonObject } from '../document/index.ts';

export type SectionKind = 'subjects' | 'content' | 'adjustments' | 'grading' | 'consequences' | 'appendix';

export interface Sentence {
  /** The node this sentence says (a click selects it). */
  readonly pointer: string;
  readonly text: string;
  /** Outline depth inside the section: 0 a paragraph, 1 a sub-item… */
  readonly depth: number;
}

export interface RenderedSection {
  readonly kind: SectionKind;
  readonly title: string;
  readonly sentences: readonly Sentence[];
}

export type SectionRenderer = { readonly title: string; render(doc: JsonObject): Sentence[] };

export const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});
export const arr = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
export const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 12 → 十二, 21 → 二十一 (outline numbers stay below a hundred). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return (DIGITS[Math.floor(n / 10)] ?? '') + '十' + (n % 10 ? DIGITS[n % 10] : '');
  return String(n);
}

/** The outline marks of an 实施细则 by depth: (一) · 1. · (1). */
export function outlineMark(depth: number, index: number): string {
  if (depth === 0) return `(${chineseNumber(index + 1)})`;
  if (depth === 1) return `${index + 1}.`;
  return `(${index + 1})`;
}

/** The points as a document writes them: 5 分, 0.5 分. */
export const points = (x: number | undefined) => (x === undefined ? '' : `${x} 分`);

/** 「依据 四(二)5」: the clause a sentence comes from, when the scheme cites one. */
export const citing = (v: JsonObject) => (str(v.source) ? `(依据:${str(v.source)})` : '');

/** A name by id in a list of named items (units of the scheme: indicators, classes, selections…). */
export function nameIn(list: Json | undefined, id: Json | undefined): string {
  const hit = arr(list).find((x) => isObject(x) && x.id === id);
  return (isObject(hit) && str(hit.name)) || (typeof id === 'string' ? id : '');
}

/** Every indicator with its pointer, depth first (groups, variants' children). */
export function indicatorsOf(doc: JsonObject): Array<{ node: JsonObject; pointer: string; depth: number; index: number }> {
  const out: Array<{ node: JsonObject; pointer: string; depth: number; index: number }> = [];
  const walk = (list: Json[], at: string, depth: number) =>
    list.forEach((n, i) => {
      if (!isObject(n)) return;
      out.push({ node: n, pointer: `${at}/${i}`, depth, index: i });
      walk(arr(n.children), `${at}/${i}/children`, depth + 1);
      arr(n.variants).forEach((v, j) => walk(arr(obj(v).children), `${at}/${i}/variants/${j}/children`, depth + 1));
    });
  walk(arr(doc.indicators), '/indicators', 0);
  return out;
}

/** The name of an indicator anywhere in the tree. */
export function indicatorName(doc: JsonObject, id: Json | undefined): string {
  return str(indicatorsOf(doc).find((x) => x.node.id === id)?.node.name) ?? (typeof id === 'string' ? id : '');
}
