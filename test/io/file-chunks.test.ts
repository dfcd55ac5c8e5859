/**
 * Reading a byte range in chunks whose memory is used again (io/file-chunks.ts):
 * whatever the chunk size, the NDJSON reader gives the same records, lines,
 * problems and fold groups — lines cut across chunks, a byte order mark, \r\n,
 * a line over the length limit, votes folded by their bytes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldPlan, type Scheme } from '../../engine/index.ts';
import { fileChunks } from '../../io/file-chunks.ts';
import { Folder } from '../../io/fold.ts';
import { readRange } from '../../io/ndjson-worker.ts';

const scheme = JSON.parse(readFileSync(new URL('../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as Scheme;
const dir = mkdtempSync(join(tmpdir(), 'pingyi-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fileChunks', () => {
  const lines = [
    '\uFEFF{"type":"service-vote","unit":"p01-s01","period":"h1","level":"basic"}',
    ...Array.from({ length: 300 }, (_, i) =>
      i % 5
        ? JSON.stringify({ type: 'service-vote', unit: `p01-s0${i % 4}`, period: 'h1', level: ['satisfied', 'basic'][i % 2] })
        : JSON.stringify({ type: 'hotline-case', id: `c${i}`, unit: `p01-s0${i % 4}`, item: 'late-feedback', role: 'lead', date: '2021-03-01', note: '评议'.repeat(i % 7) }),
    ),
    `{"type":"service-vote","unit":"p01-s02","period":"h2","level":"basic"}\r`,
    `{"type":"hotline-case","id":"long","unit":"p01-s01","note":"${'x'.repeat(3000)}"}`,
    '{"type":',
    '',
  ];
  const file = join(dir, 'data.ndjson');
  writeFileSync(file, lines.join('\n'));

  it('the same reading for chunks of 1 MiB, 4 KiB, 97 and 7 bytes, from the start and from the middle', async () => {
    const size = readFileSync(file).length;
    for (const start of [0, readFileSync(file).indexOf('\n', size >> 1) + 1]) {
      const read = (chunkBytes: number) => readRange({ file, start, end: size, maxLineBytes: 2048, chunkBytes }, new Folder(scheme, foldPlan(scheme)));
      const whole = await read(1 << 20);
      expect(whole.records.length).toBeGreaterThan(10);
      expect(whole.groups.length).toBeGreaterThan(2);
      expect(whole.problems.map((p) => p.kind)).toEqual(['too-long', 'syntax']);
      for (const n of [4096, 97, 7]) expect(await read(n)).toEqual(whole);
    }
  });

  it('gives the bytes of the range in order, and a missing file as an error of the reading', async () => {
    const bytes = readFileSync(file);
    const got: Buffer[] = [];
    for await (const c of fileChunks(file, 5, bytes.length - 5, 64)) got.push(Buffer.from(c));
    expect(Buffer.concat(got)).toEqual(bytes.subarray(5, bytes.length - 5));
    await expect(async () => {
      for await (const _ of fileChunks(join(dir, 'missing.ndjson'), 0, Infinity)) void _;
    }).rejects.toThrow(/ENOENT/);
  });
});
