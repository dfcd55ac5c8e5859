/**
 * The cache of folded lines (io/line-cache.ts): a line is counted as seen
 * only when its bytes are equal, whatever the hash says, and the repeats
 * reach their groups, exactly, at the flush.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FoldGroup } from '../../io/fold.ts';
import { LineCache } from '../../io/line-cache.ts';

const view = (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const group = (key: string): FoldGroup => ({ key, record: {}, count: 0, records: 0, file: 'f', line: 1 });

/** Feed the lines as a reader does: a line not counted is added with its group (its first occurrence counts `n` at once). */
function feed(lines: string[], n: (line: string) => number, hashOf: (b: Buffer, v: DataView) => number): Map<string, FoldGroup> {
  const cache = new LineCache();
  const groups = new Map<string, FoldGroup>();
  for (const line of lines) {
    // each line in a buffer of its own, at an odd offset: the word reads must not depend on alignment
    const buf = Buffer.concat([Buffer.from('x'), Buffer.from(line), Buffer.from('\n')]);
    const v = view(buf);
    const h = hashOf(buf.subarray(1, 1 + Buffer.byteLength(line)), v);
    if (cache.count(v, 1, 1 + Buffer.byteLength(line), h)) continue;
    const g = groups.get(line) ?? group(line);
    groups.set(line, g);
    g.count += n(line);
    g.records++;
    cache.add(buf, 1, 1 + Buffer.byteLength(line), h, g, n(line));
  }
  cache.flush();
  return groups;
}

describe('LineCache', () => {
  it('property: counts equal a plain tally, with the real hash and with every line on one hash (collisions)', () => {
    const line = fc.oneof(fc.constantFrom('{"a":1}', '{"a":2}', '{"a":1} ', '', 'x', 'xy', 'xyz1', 'xyz2', '投票'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 300 }), fc.boolean(), (lines, collide) => {
        const n = (l: string) => (l.length % 3) + 1;
        const got = feed(lines, n, (b) => (collide ? 7 : LineCache.hash(view(Buffer.from(b)), 0, b.length)));
        const want = new Map<string, { count: number; records: number }>();
        for (const l of lines) {
          const w = want.get(l) ?? { count: 0, records: 0 };
          w.count += n(l);
          w.records++;
          want.set(l, w);
        }
        expect(new Map([...got].map(([k, g]) => [k, { count: g.count, records: g.records }]))).toEqual(want);
      }),
      { seed: 20211128, numRuns: 300 },
    );
  });

  it('grows past its first table and entry arrays (5,000 distinct lines, each seen three times)', () => {
    const lines = Array.from({ length: 15_000 }, (_, i) => `{"type":"service-vote","unit":"u${i % 5000}","level":"basic"}`);
    const got = feed(lines, () => 2, (b) => LineCache.hash(view(Buffer.from(b)), 0, b.length));
    expect(got.size).toBe(5000);
    expect([...got.values()].every((g) => g.count === 6 && g.records === 3)).toBe(true);
  });

  it('the hash reads the same bytes the same way at any offset', () => {
    const text = Buffer.from('{"type":"network-vote","unit":"p0001-s01","level":"满意"}');
    const at = (pad: number) => {
      const b = Buffer.concat([Buffer.alloc(pad, 0x20), text]);
      return LineCache.hash(view(b), pad, b.length);
    };
    expect(new Set([0, 1, 2, 3, 5].map(at)).size).toBe(1);
    expect(at(0)).toBeGreaterThanOrEqual(0);
    expect(at(0)).toBeLessThan(2 ** 30);
  });
});
