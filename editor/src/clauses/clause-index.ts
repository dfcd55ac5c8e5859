/**
 * Every item of a scheme that cites a clause (indicators, rules, modifiers,
 * selections, classes…) with where that clause sits in the source document,
 * so the clause view can go both ways: rule → clause, clause → rules.
 */
import { isObject, pointerOf, type Json } from '../document/index.ts';
import { locateClause, type Range } from './locate-clause.ts';

export interface Citation {
  pointer: string;
  name: string;
  source: string;
  ranges: Range[];
}

export function citationsOf(doc: Json, text: string): Citation[] {
  const out: Citation[] = [];
  const walk = (v: Json, path: Array<string | number>) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (isObject(v)) {
      if (typeof v.source === 'string' && path[path.length - 1] !== 'source') {
        const name = typeof v.name === 'string' ? v.name : typeof v.id === 'string' ? v.id : String(path[path.length - 1] ?? '方案');
        out.push({ pointer: pointerOf(path), name, source: v.source, ranges: text ? locateClause(text, v.source) : [] });
      }
      for (const [k, x] of Object.entries(v)) if (k !== 'source') walk(x, [...path, k]);
    }
  };
  walk(doc, []);
  return out;
}

/** The citation a pointer belongs to: the pointer itself or its nearest ancestor that cites a clause. */
export function citationAt(citations: Citation[], pointer: string): Citation | undefined {
  let best: Citation | undefined;
  for (const c of citations) {
    if ((pointer === c.pointer || pointer.startsWith(c.pointer + '/')) && (!best || c.pointer.length > best.pointer.length)) best = c;
  }
  return best;
}

/** The citations whose clause overlaps a range of the text. */
export function citing(citations: Citation[], range: Range): Citation[] {
  return citations.filter((c) => c.ranges.some((r) => r.start < range.end && r.end > range.start));
}
