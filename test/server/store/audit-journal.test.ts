/**
 * The audit journal reads back newest first whatever the block size, skips a
 * line torn by a crash, and trims it before the next append.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditJournal } from '../../../server/store/audit-journal.ts';
import type { AuditEntry } from '../../../server/store/types.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pingyi-journal-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const all = async (j: AuditJournal): Promise<AuditEntry[]> => {
  const out: AuditEntry[] = [];
  for await (const e of j.newestFirst()) out.push(e);
  return out;
};

const entry = fc.record({
  at: fc.integer({ min: 0, max: 4e12 }).map((n) => new Date(n).toISOString()),
  user: fc.string({ maxLength: 12 }),
  action: fc.constantFrom('facts-appended', 'scheme-saved'),
  // multi-byte text, so block edges fall inside characters too
  target: fc.string({ unit: fc.constantFrom('a', '数', '据', '\u00e9', '𝔸', '"', '\\'), maxLength: 40 }),
  summary: fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 3 }),
});

describe('the audit journal', () => {
  it('reads every entry back newest first across block edges', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(entry, { minLength: 1, maxLength: 4 }), { maxLength: 12 }), fc.integer({ min: 1, max: 200 }), async (batches, block) => {
        const j = new AuditJournal(join(dir, `p${n++}.ndjson`), false, block);
        for (const b of batches) await j.append(b);
        expect(await all(j)).toEqual(batches.flat().reverse());
      }),
      { seed: 20261126, numRuns: 60 },
    );
  });

  it('resumes exactly after any entry from the offset it was read at', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 120 }), async (entries, block) => {
        const j = new AuditJournal(join(dir, `r${n++}.ndjson`), false, block);
        await j.append(entries);
        const read: Array<{ entry: AuditEntry; offset: number }> = [];
        for await (const x of j.newestFirstFrom()) read.push(x);
        expect(read.map((x) => x.entry)).toEqual([...entries].reverse());
        for (let k = 0; k < read.length; k++) {
          const rest: AuditEntry[] = [];
          for await (const x of j.newestFirstFrom(read[k]!.offset)) rest.push(x.entry);
          expect(rest).toEqual(read.slice(k + 1).map((x) => x.entry));
        }
      }),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('skips a torn last line and trims it before the next append', async () => {
    const file = join(dir, 'torn.ndjson');
    const j = new AuditJournal(file, true, 16);
    const e = (i: number): AuditEntry => ({ at: `2026-11-26T00:00:0${i}.000Z`, user: 'clerk', action: 'facts-appended', target: 'dataset:ds-1', summary: [`第 ${i} 条`] });
    await j.append([e(1), e(2)]);
    // a crash mid-append leaves half a line
    await appendFile(file, '{"at":"2026-11-26T00:00:03.000Z","user":"cl');
    expect(await all(j)).toEqual([e(2), e(1)]);
    await j.append([e(4)]);
    expect(await all(j)).toEqual([e(4), e(2), e(1)]);
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(4);
  });

  it('is empty when the file does not exist yet, and stops reading when the reader stops', async () => {
    const j = new AuditJournal(join(dir, 'none.ndjson'), false);
    expect(await all(j)).toEqual([]);
    const k = new AuditJournal(join(dir, 'some.ndjson'), false, 8);
    await k.append([{ at: 'a', user: 'u', action: 'x', target: 't' }, { at: 'b', user: 'u', action: 'x', target: 't' }]);
    for await (const first of k.newestFirst()) {
      expect(first.at).toBe('b');
      break;
    }
  });
});
