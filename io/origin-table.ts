/**
 * Where each merged fact came from, kept compactly: one number per fact (its
 * line, or its row in a workbook) in a typed array, and the file (and sheet)
 * once per run of consecutive facts from it. A million facts cost 4 MB here,
 * not a million `{file, line}` objects. An array of origins fits the same
 * reading interface ({@link FactOrigins}).
 */
import type { Origin } from './data-merge.ts';

/** Read access to fact origins by merged index: an `Origin[]` or an {@link OriginTable}. */
export interface FactOrigins {
  readonly length: number;
  at(index: number): Origin | undefined;
}

type Mode = 'line' | 'row' | 'none';
interface Segment {
  start: number;
  file: string;
  sheet: string | undefined;
  mode: Mode;
}

export class OriginTable implements FactOrigins {
  private numbers = new Uint32Array(1024);
  private readonly segments: Segment[] = [];
  length = 0;

  private segment(file: string, sheet: string | undefined, mode: Mode): void {
    const last = this.segments[this.segments.length - 1];
    if (last && last.file === file && last.sheet === sheet && last.mode === mode) return;
    this.segments.push({ start: this.length, file, sheet, mode });
  }

  private put(n: number): void {
    if (this.length === this.numbers.length) {
      const bigger = new Uint32Array(this.numbers.length * 2);
      bigger.set(this.numbers);
      this.numbers = bigger;
    }
    this.numbers[this.length++] = n;
  }

  /** A fact read from line `line` of a text file. */
  pushLine(file: string, line: number): void {
    this.segment(file, undefined, 'line');
    this.put(line);
  }

  push(at: Origin): void {
    if (at.line !== undefined) this.pushLine(at.file, at.line);
    else if (at.row !== undefined) {
      this.segment(at.file, at.sheet, 'row');
      this.put(at.row);
    } else {
      this.segment(at.file, at.sheet, 'none');
      this.put(0);
    }
  }

  at(index: number): Origin | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    // the last segment starting at or before index
    let [lo, hi] = [0, this.segments.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.segments[mid] as Segment).start <= index) lo = mid;
      else hi = mid - 1;
    }
    const s = this.segments[lo] as Segment;
    const n = this.numbers[index] as number;
    const out: Origin = { file: s.file };
    if (s.sheet !== undefined) out.sheet = s.sheet;
    if (s.mode === 'line') out.line = n;
    else if (s.mode === 'row') out.row = n;
    return out;
  }

  toArray(): Origin[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i) as Origin);
  }
}
