/**
 * Where a rule's `source` sits in the scheme's source document. A source
 * cites a clause by its numbering (“四(一)4”, “附件2 注3”) and often quotes it
 * after a colon (“四(二)5:加分项最高不超过5分”). Quoted fragments found in
 * the text win; otherwise the numbered heading's paragraph is the clause.
 */
export interface Range {
  start: number;
  end: number;
}

const CN = '一二三四五六七八九十';
const FULL_TO_ASCII = (s: string) => s.replace(/\uFF08/g, '(').replace(/\uFF09/g, ')').replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** Line starts and ends of the text, so a heading's paragraph is its line. */
function lines(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

type Token = { kind: 'section'; n: string } | { kind: 'sub'; n: string } | { kind: 'item'; n: string } | { kind: 'annex'; n: string } | { kind: 'note'; n: string };

function tokensOf(ref: string): Token[] {
  const out: Token[] = [];
  const re = new RegExp(`附件\\s*(\\d+)|注\\s*(\\d+)|\\(([${CN}]+)\\)|([${CN}]+)(?=\\(|、|$|\\s)|(\\d+)`, 'g');
  for (const m of FULL_TO_ASCII(ref).matchAll(re)) {
    if (m[1]) out.push({ kind: 'annex', n: m[1] });
    else if (m[2]) out.push({ kind: 'note', n: m[2] });
    else if (m[3]) out.push({ kind: 'sub', n: m[3] });
    else if (m[4]) out.push({ kind: 'section', n: m[4] });
    else if (m[5]) out.push({ kind: 'item', n: m[5] });
  }
  return out;
}

function headingMatches(line: string, t: Token): boolean {
  const l = FULL_TO_ASCII(line).trim();
  switch (t.kind) {
    case 'section':
      return l.startsWith(`${t.n}、`);
    case 'sub':
      return l.startsWith(`(${t.n})`);
    case 'item':
      return new RegExp(`^${t.n}\\s*[.、.]`).test(l);
    case 'annex':
      return l.startsWith(`附件${t.n}`) || l.startsWith(`附件 ${t.n}`);
    case 'note':
      return l.startsWith(`注${t.n}`) || l.startsWith(`${t.n}.`) || l.includes(`注${t.n}`);
    default: {
      const never: never = t;
      return never;
    }
  }
}

/** The paragraph of the most specific numbered heading found in order, or undefined. */
function byNumbering(text: string, ls: Range[], ref: string): { line: Range; from: number } | undefined {
  let at = 0;
  let found: Range | undefined;
  for (const t of tokensOf(ref)) {
    const i = ls.findIndex((l, k) => k >= at && headingMatches(text.slice(l.start, l.end), t));
    if (i < 0) continue;
    found = ls[i];
    at = i + 1;
  }
  return found ? { line: found, from: found.start } : undefined;
}

/** Verbatim fragments of a quote (split at ellipses and punctuation), at least 4 characters each. */
function quoteFragments(quote: string): string[] {
  const whole = quote.trim();
  const parts = whole.split(/……|…|;|;|,|,|。|、/).map((s) => s.trim());
  return [whole, ...parts].filter((s, i, a) => s.length >= 4 && a.indexOf(s) === i);
}

export function locateClause(text: string, source: string): Range[] {
  const ls = lines(text);
  const ranges: Range[] = [];
  for (const citation of source.split(/[;;]/)) {
    const colon = citation.search(/[::]/);
    const ref = colon >= 0 ? citation.slice(0, colon) : citation;
    const quote = colon >= 0 ? citation.slice(colon + 1) : '';
    const heading = byNumbering(text, ls, ref);
    let quoted = false;
    for (const f of quoteFragments(quote)) {
      // the fragment after the cited heading first, else anywhere in the document
      let i = heading ? text.indexOf(f, heading.from) : -1;
      if (i < 0) i = text.indexOf(f);
      if (i >= 0) {
        ranges.push({ start: i, end: i + f.length });
        quoted = true;
        if (f === quote.trim()) break;
      }
    }
    if (!quoted && heading) ranges.push(heading.line);
  }
  return merge(ranges);
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
