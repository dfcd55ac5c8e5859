/**
 * Lines whose record folded, by their bytes: the same bytes are the same
 * record, so a repeated vote is counted without decoding or parsing it.
 * Twenty million vote lines pass here, so the look-up touches as little
 * memory as it can:
 * - the bytes of each distinct line are kept in one growing buffer (the
 *   arena) and compared in full (a hash alone could mistake one vote for
 *   another), four bytes at a time through DataViews;
 * - the table is open addressing over typed arrays (hash, length and arena
 *   offset side by side), not a Map of objects;
 * - a repeated line is tallied in a typed array and added to its fold group
 *   once, by {@link LineCache.flush}, when the range ends.
 * Memory is bounded: at most {@link MAX_CACHED_LINES} distinct lines per
 * range (units × levels × periods); past that, lines are parsed as usual.
 */
import type { FoldGroup } from './fold.ts';

/** Distinct folded lines remembered per range (bounded: memory must not grow with the votes). */
export const MAX_CACHED_LINES = 400_000;

/** Per slot: hash, length, arena offset, entry index + 1 (0: empty). */
const SLOT = 4;

export class LineCache {
  private arena = Buffer.allocUnsafe(1 << 20);
  private arenaView = new DataView(this.arena.buffer, this.arena.byteOffset, this.arena.byteLength);
  private used = 0;
  private slots = new Int32Array(SLOT << 12);
  private mask = (1 << 12) - 1;
  private readonly groups: FoldGroup[] = [];
  /** Per entry: the votes one line stands for, and the repeats tallied since the last flush. */
  private votes = new Float64Array(1 << 10);
  private repeats = new Int32Array(1 << 10);
  size = 0;

  /** FNV-1a over 32-bit words (little-endian), then the last bytes one by one; kept to 30 bits (a small integer for V8). */
  static hash(v: DataView, start: number, end: number): number {
    let h = 0x811c9dc5 ^ (end - start);
    let i = start;
    for (; i + 4 <= end; i += 4) h = Math.imul(h ^ v.getInt32(i, true), 0x01000193);
    for (; i < end; i++) h = Math.imul(h ^ v.getUint8(i), 0x01000193);
    return (h ^ (h >>> 15)) & 0x3fffffff;
  }

  /** Byte-equal ranges (a loop: cheaper than a native call for a short line). */
  static same(a: DataView, at: number, b: DataView, start: number, length: number): boolean {
    let i = 0;
    for (; i + 4 <= length; i += 4) if (a.getInt32(at + i, true) !== b.getInt32(start + i, true)) return false;
    for (; i < length; i++) if (a.getUint8(at + i) !== b.getUint8(start + i)) return false;
    return true;
  }

  /** Count the line if it was seen before (true), else false (the caller parses it). */
  count(v: DataView, start: number, end: number, h: number): boolean {
    const length = end - start;
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const k = s * SLOT;
      const entry = slots[k + 3] as number;
      if (entry === 0) return false;
      if (slots[k] === h && slots[k + 1] === length && LineCache.same(this.arenaView, slots[k + 2] as number, v, start, length)) {
        this.repeats[entry - 1] = (this.repeats[entry - 1] as number) + 1;
        return true;
      }
    }
  }

  /** Remember a line whose record folded into `group`, standing for `n` votes (its first occurrence is already counted). */
  add(buf: Buffer, start: number, end: number, h: number, group: FoldGroup, n: number): void {
    if (this.size >= MAX_CACHED_LINES) return;
    const length = end - start;
    if (this.used + length > this.arena.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, this.used + length));
      this.arena.copy(bigger, 0, 0, this.used);
      this.arena = bigger;
      this.arenaView = new DataView(bigger.buffer, bigger.byteOffset, bigger.byteLength);
    }
    buf.copy(this.arena, this.used, start, end);
    if (this.size === this.votes.length) this.growEntries();
    this.groups.push(group);
    this.votes[this.size] = n;
    this.size++;
    // at most half full, so a probe finds an empty slot soon
    if (this.size * 2 > this.mask + 1) this.growSlots();
    this.place(h, length, this.used, this.size);
    this.used += length;
  }

  /** Add the tallied repeats to their groups and start a new tally. */
  flush(): void {
    for (let e = 0; e < this.size; e++) {
      const r = this.repeats[e] as number;
      if (r === 0) continue;
      const g = this.groups[e] as FoldGroup;
      g.count += (this.votes[e] as number) * r;
      g.records += r;
      this.repeats[e] = 0;
    }
  }

  private place(h: number, length: number, at: number, entry: number): void {
    let s = h & this.mask;
    while (this.slots[s * SLOT + 3] !== 0) s = (s + 1) & this.mask;
    const k = s * SLOT;
    this.slots[k] = h;
    this.slots[k + 1] = length;
    this.slots[k + 2] = at;
    this.slots[k + 3] = entry;
  }

  private growSlots(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let k = 0; k < old.length; k += SLOT) if (old[k + 3] !== 0) this.place(old[k] as number, old[k + 1] as number, old[k + 2] as number, old[k + 3] as number);
  }

  private growEntries(): void {
    const votes = new Float64Array(this.votes.length * 2);
    votes.set(this.votes);
    const repeats = new Int32Array(this.repeats.length * 2);
    repeats.set(this.repeats);
    [this.votes, this.repeats] = [votes, repeats];
  }
}
