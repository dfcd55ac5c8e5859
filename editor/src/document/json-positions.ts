/**
 * Where each JSON Pointer of a JSON text sits: a small scanner that records
 * the offsets of every value (and of its property key), so a problem's
 * pointer selects its range in Monaco. Tolerant: on malformed text it returns
 * what it mapped before the error.
 */
import { pointerOf } from './json.ts';

export interface Span {
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** The property key's span, for values inside an object. */
  key?: { start: number; end: number };
}

export function jsonPositions(text: string): Map<string, Span> {
  const map = new Map<string, Span>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw new Stop();
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    // text being typed (`"descr` then a line break before the next quote) is no string: stop, do not throw
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail();
    }
  };
  const value = (path: Array<string | number>, key?: Span['key']): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else
        for (;;) {
          ws();
          const ks = i;
          const k = string();
          const keySpan = { start: ks, end: i };
          ws();
          if (text[i] !== ':') fail();
          i++;
          value([...path, k], keySpan);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else
        for (let n = 0; ; n++) {
          value([...path, n]);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
    } else if (c === '"') string();
    else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) fail();
      i += (m as RegExpExecArray)[0].length;
    }
    map.set(pointerOf(path), key ? { start, end: i, key } : { start, end: i });
  };
  try {
    value([]);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return map;
}

class Stop extends Error {}

/** The span of a pointer, or of its nearest ancestor that exists in the text. */
export function spanOf(map: Map<string, Span>, pointer: string): Span | undefined {
  let p = pointer;
  for (;;) {
    const s = map.get(p);
    if (s) return s;
    if (p === '') return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/** The deepest pointer whose value contains the offset (for following the Monaco cursor in the tree). */
export function pointerAtOffset(map: Map<string, Span>, offset: number): string {
  let best = '';
  let bestLen = Infinity;
  for (const [p, s] of map) {
    const from = s.key?.start ?? s.start;
    if (offset >= from && offset <= s.end && s.end - from < bestLen) {
      best = p;
      bestLen = s.end - from;
    }
  }
  return best;
}
