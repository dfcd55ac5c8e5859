/**
 * A large result written as JSON piece by piece, never as one string: the
 * text is exactly `JSON.stringify(value, null, 2)` (a province's result with
 * its traces is over V8's string limit), with one array — the units — written
 * element by element, waiting for the output to drain (backpressure).
 */

/** Where the pieces go: `write` returns false when the caller should wait for `drain`. */
export interface Sink {
  write(chunk: string): boolean;
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  removeListener(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
}

const FLUSH_AT = 1 << 16;
const LARGE = 1 << 13;

/** Batches small pieces into ≈ 64 KiB writes and waits for `drain` when the sink asks to. */
class Writer {
  private buffered: string[] = [];
  private size = 0;

  constructor(private readonly sink: Sink) {}

  async put(s: string): Promise<void> {
    // a large piece (a unit's trace) is written as it is: joining it to the small ones would copy it once more
    if (s.length >= LARGE) {
      await this.flush();
      return this.send(s);
    }
    this.buffered.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered.length === 0) return;
    const chunk = this.buffered.length === 1 ? (this.buffered[0] as string) : this.buffered.join('');
    [this.buffered, this.size] = [[], 0];
    return this.send(chunk);
  }

  private async send(chunk: string): Promise<void> {
    if (this.sink.write(chunk)) return;
    // a closed reader (EPIPE) ends the process elsewhere (cli/main.ts); `close` also unblocks here
    await new Promise<void>((resolve) => {
      const done = () => {
        this.sink.removeListener('drain', done);
        this.sink.removeListener('close', done);
        this.sink.removeListener('error', done);
        resolve();
      };
      this.sink.once('drain', done);
      this.sink.once('close', done);
      this.sink.once('error', done);
    });
  }
}

/**
 * `JSON.stringify(v, null, 2)` as it reads at `depth` (1 or 2) inside the
 * whole document: the value is stringified wrapped in arrays so that V8 writes
 * the indentation itself, and the wrapper is cut off (no pass over the text
 * to indent it). Undefined when JSON leaves the value out.
 */
function nested(v: unknown, depth: 1 | 2): string | undefined {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  // depth 1: "[\n  " … "\n]"; depth 2: "[\n  [\n    " … "\n  ]\n]"
  return depth === 1 ? (JSON.stringify([v], null, 2) as string).slice(4, -2) : (JSON.stringify([[v]], null, 2) as string).slice(10, -6);
}

/**
 * Write `top` as `JSON.stringify(top, null, 2)` followed by a newline, with
 * the array under `streamKey` produced one element at a time by `items`
 * (so it need not be in memory at once). A value given as a function is
 * asked for when its key is reached: after the streamed array, it can sum up
 * what the array's elements were (the completeness of a province's result).
 * `compactItems`: each element on one line without indentation (a province's
 * traces are 2.3 times longer indented; any JSON reader reads both the same).
 * `compactArrays`: top-level keys whose arrays are written the same way, one
 * element per line (a province's hundred thousand warnings).
 */
export async function writeJson(
  sink: Sink,
  top: Record<string, unknown>,
  streamKey: string,
  count: number,
  item: (i: number) => unknown,
  opts: { compactItems?: boolean; compactArrays?: readonly string[] } = {},
): Promise<void> {
  const w = new Writer(sink);
  const keys = Object.keys(top).filter((k) => {
    const v = top[k];
    // JSON leaves out undefined and symbols; functions here are values asked for later
    return k === streamKey || typeof v === 'function' || (v !== undefined && typeof v !== 'symbol');
  });
  if (keys.length === 0) {
    await w.put('{}\n');
    return w.flush();
  }
  await w.put('{\n');
  for (const [n, k] of keys.entries()) {
    await w.put(`  ${JSON.stringify(k)}: `);
    if (k !== streamKey) {
      const raw = top[k];
      const v = typeof raw === 'function' ? (raw as () => unknown)() : raw;
      if (Array.isArray(v) && opts.compactArrays?.includes(k)) await putCompact(w, v.length, (i) => v[i]);
      else await w.put(nested(v, 1) ?? 'null');
    } else if (opts.compactItems) await putCompact(w, count, item);
    else {
      let written = 0;
      for (let i = 0; i < count; i++) {
        // an element JSON cannot hold is written as null, as JSON.stringify does
        const t = nested(item(i), 2) ?? 'null';
        await w.put(written === 0 ? '[\n    ' : ',\n    ');
        await w.put(t);
        written++;
      }
      await w.put(written === 0 ? '[]' : '\n  ]');
    }
    await w.put(n === keys.length - 1 ? '\n' : ',\n');
  }
  await w.put('}\n');
  await w.flush();
}

/** An array at depth 1, one element per line without indentation (an element JSON cannot hold is null, as in JSON.stringify). */
async function putCompact(w: Writer, count: number, item: (i: number) => unknown): Promise<void> {
  for (let i = 0; i < count; i++) {
    const v = item(i);
    const t = v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : (JSON.stringify(v) ?? 'null');
    await w.put(i === 0 ? '[\n    ' : ',\n    ');
    await w.put(t);
  }
  await w.put(count === 0 ? '[]' : '\n  ]');
}
