/**
 * store/batch-log.ts: a batch torn by a crash at any byte is dropped whole
 * at start-up (facts cut off, entry removed), committed batches are kept,
 * and a data folder written before frames opens unchanged.
 */
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesOf, sha256 } from '../../../server/store/batch-log.ts';
import { Store } from '../../../server/store/store.ts';
import type { AuditEntry } from '../../../server/store/types.ts';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pingyi-batch-log-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const FACTS = ['datasets', 'ds-1', 'facts.ndjson'];
const entry = (n: number): AuditEntry => ({ at: `2026-12-07T00:00:0${n % 10}.000Z`, user: 'clerk', action: 'facts-appended', target: 'dataset:ds-1', summary: [`batch ${n}`] });
const fact = (i: number) => ({ type: 'network-vote', unit: `u${i % 9}`, level: 'fair', count: i });

async function journal(store: Store): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const e of store.journal.newestFirst()) out.push(e);
  return out.reverse();
}

describe('a batch torn by a crash', () => {
  it('is dropped whole at start-up, wherever the crash cut it', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 3 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 0.999, noNaN: true }), fc.boolean(), async (sizes, tornSize, cutAt, laterLine) => {
        const dir = join(root, `p${n++}`);
        const store = await Store.open(dir, { durable: false });
        let i = 0;
        for (const [b, size] of sizes.entries()) await store.appendBatch(FACTS, Array.from({ length: size }, () => fact(i++)), entry(b), `k${b}`);
        const committed = await readFile(join(dir, ...FACTS)).catch(() => Buffer.alloc(0));
        const entries = await journal(store);
        // the crash: the torn batch's entry written, its facts cut at some byte
        const torn = Array.from({ length: tornSize }, () => fact(i++));
        const bytes = linesOf(torn);
        const frame = { file: FACTS.join('/'), start: committed.length, length: bytes.length, sha256: sha256(bytes), count: tornSize, key: 'torn' };
        await appendFile(join(dir, 'audit.ndjson'), JSON.stringify({ ...entry(9), batch: frame }) + '\n');
        await mkdir(join(dir, 'datasets', 'ds-1'), { recursive: true });
        await appendFile(join(dir, ...FACTS), bytes.subarray(0, Math.floor(cutAt * bytes.length)));
        // another writer's journal line after it (the entry is then not the last line)
        const other: AuditEntry = { at: '2026-12-07T00:00:09.500Z', user: 'x', action: 'login-failed', target: 'user:x' };
        if (laterLine) await appendFile(join(dir, 'audit.ndjson'), JSON.stringify(other) + '\n');
        // a data set record, so start-up cleaning keeps its folder
        const db = JSON.parse(await readFile(join(dir, 'db.json'), 'utf8').catch(() => '{}'));
        await writeFile(join(dir, 'db.json'), JSON.stringify({ ...db, datasets: [{ id: 'ds-1' }] }));

        const reopened = await Store.open(dir, { durable: false });
        expect(await readFile(join(dir, ...FACTS)).catch(() => Buffer.alloc(0))).toEqual(committed);
        expect(await journal(reopened)).toEqual(laterLine ? [...entries, other] : entries);
        expect(reopened.startup.some((l) => l.includes('dropped a batch torn by a crash'))).toBe(true);
        expect(reopened.batchKeys.get('torn')).toBeUndefined();
        for (const b of sizes.keys()) expect(reopened.batchKeys.get(`k${b}`)?.count).toBe(sizes[b]);
      }),
      { seed: 20261207, numRuns: 40 },
    );
  });

  it('keeps a batch whose bytes are all there, and opens a folder written before frames unchanged', async () => {
    const dir = join(root, 'whole');
    const store = await Store.open(dir, { durable: false });
    await store.appendBatch(FACTS, [fact(1), fact(2)], entry(1), 'k');
    const facts = await readFile(join(dir, ...FACTS));
    await writeFile(join(dir, 'db.json'), JSON.stringify({ datasets: [{ id: 'ds-1' }] }));
    const again = await Store.open(dir, { durable: false });
    expect(await readFile(join(dir, ...FACTS))).toEqual(facts);
    expect(again.startup).toEqual([]);

    // an older folder: facts without frames, journal entries without a batch
    const old = join(root, 'old');
    await mkdir(join(old, 'datasets', 'ds-1'), { recursive: true });
    await writeFile(join(old, 'db.json'), JSON.stringify({ datasets: [{ id: 'ds-1' }] }));
    const oldFacts = linesOf([fact(1), fact(2), fact(3)]);
    await writeFile(join(old, ...FACTS), oldFacts);
    await writeFile(join(old, 'audit.ndjson'), JSON.stringify(entry(1)) + '\n');
    const opened = await Store.open(old, { durable: false });
    expect(await readFile(join(old, ...FACTS))).toEqual(oldFacts);
    expect(await journal(opened)).toEqual([entry(1)]);
    expect(await opened.readLines(FACTS)).toEqual([fact(1), fact(2), fact(3)]);
    expect(opened.startup).toEqual([]);
  });
});
