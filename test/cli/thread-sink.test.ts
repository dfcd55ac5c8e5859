/**
 * Standard output written by a thread of its own (cli/thread-sink.ts): every
 * piece arrives, in order and whole, with a stream's backpressure; and
 * `pingyi score --json` gives the same bytes to a file as to a slow pipe.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThreadSink } from '../../cli/thread-sink.ts';
import { bin, env, root, tmp } from './run-cli.ts';

describe('ThreadSink', () => {
  it('writes every piece in order to a file, says "wait" past its high mark and drains', async () => {
    const file = join(tmp(), 'out.txt');
    const fd = openSync(file, 'w');
    const sink = new ThreadSink(fd, () => {
      throw new Error('no EPIPE on a file');
    });
    const pieces = Array.from({ length: 40 }, (_, i) => `${i}:${'评议 ok '.repeat(100_000)}\n`);
    let waits = 0;
    for (const p of pieces) {
      if (sink.write(p)) continue;
      waits++;
      await new Promise<void>((resolve) => sink.once('drain', resolve));
    }
    await sink.end();
    closeSync(fd);
    expect(waits).toBeGreaterThan(0);
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });

  it('pingyi score --json --full: the same bytes to a file as through a pipe read slowly', async () => {
    // --full: the whole traces, the larger document (over half a megabyte: the pipe fills many times over)
    const args = [bin, 'score', 'pingyang-2021', 'schemes/pingyang-2021/cases/02-selection-and-classification.json', '--json', '--full'];
    const file = join(tmp(), 'result.json');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    expect(toFile.status).toBe(0);
    // a reader that waits before each chunk: the pipe fills, the writer thread meets EAGAIN and waits
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    const read = async () => {
      for await (const c of child.stdout) {
        chunks.push(c as Buffer);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    const [code] = await Promise.all([new Promise((r) => child.on('close', r)), read()]);
    expect(code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.length).toBeGreaterThan(500_000);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(text);
    expect(JSON.parse(text).ok).toBe(true);
  }, 120_000);
});
