/** Where a JSON syntax error is: shared by the scheme reader and the data loader. */

/**
 * Offset of a JSON syntax error. Node 20 reports "at position N" for most
 * errors but not for "Unexpected token" ones; then the offending character is
 * found as the end of the longest prefix that could still start valid JSON.
 */
export function syntaxOffset(text: string, err: unknown): number {
  const at = /at position (\d+)/.exec(errText(err));
  if (at) return Number(at[1]);
  if (viablePrefix(text)) return text.length;
  let [lo, hi] = [0, text.length];
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (viablePrefix(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return hi - 1;
}

function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (e) {
    const at = /at position (\d+)/.exec(errText(e));
    return at ? Number(at[1]) >= prefix.length : /end of JSON input/.test(errText(e));
  }
}

export function lineCol(text: string, offset: number): { line: number; column: number } {
  let [line, start] = [1, 0];
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

export function errText(e: unknown): string {
  // V8 appends a snippet of the input ('..."a": tru\n}" is not valid JSON'); the line and column say it better
  return (e instanceof Error ? e.message : String(e)).replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '');
}

/** Line, column and a short message for a failed JSON.parse of `text`. */
export function jsonErrorLocation(text: string, err: unknown): { line: number; column: number; message: string } {
  return { ...lineCol(text, syntaxOffset(text, err)), message: errText(err) };
}
