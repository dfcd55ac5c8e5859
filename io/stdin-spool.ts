/**
 * Standard input copied to a temporary file as it streams, so that it can be
 * read like a file when votes fold (io/load-data.ts loadDataset): the caller
 * removes the folders listed in `spools` when the load is done.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataFormat } from './data-format.ts';
import type { DataInput } from './load-data.ts';
import { sniffFormat } from './sniff-format.ts';

/** Standard input copied to a temporary file, read as `-`: NDJSON and CSV from the file, JSON and Excel as before (bounded by the stdin limit). */
export async function spoolStdin(stream: AsyncIterable<Buffer | string>, format: DataFormat | undefined, spools: string[]): Promise<DataInput> {
  const dir = await mkdtemp(join(tmpdir(), 'pingyi-stdin-'));
  spools.push(dir);
  const path = join(dir, 'stdin');
  try {
    await pipeline(Readable.from(stream), createWriteStream(path));
  } catch (e) {
    // read as a stream that fails the same way: reported as unreadable, at `-`
    const failing = (async function* (): AsyncGenerator<Buffer> {
      throw e;
    })();
    return { stream: failing, name: '-', ...(format ? { format } : {}) };
  }
  const sniffed = format ?? sniffFormat(await head(path));
  if (sniffed === 'ndjson' || sniffed === 'csv') return { path, name: '-', format: sniffed };
  return { stream: createReadStream(path), name: '-', format: sniffed };
}

/** The first 64 KiB of a file (what sniffing reads). */
async function head(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
