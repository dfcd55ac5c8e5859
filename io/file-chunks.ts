/**
 * A byte range of a file, read in chunks into two buffers used in turn: one
 * is read into while the caller parses the other. A stream would allocate a
 * new megabyte for every chunk, and 1.6 GB of votes read that way made the
 * reader threads collect garbage for seconds. The caller must be done with a
 * chunk when it asks for the next one (the NDJSON reader copies the part of a
 * line that runs into the next chunk).
 */
import { open } from 'node:fs/promises';

export async function* fileChunks(file: string, start: number, end: number, size = 1 << 20): AsyncGenerator<Buffer> {
  const fh = await open(file, 'r');
  const buffers: [Buffer, Buffer] = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
  const buffer = (i: number): Buffer => (i === 0 ? buffers[0] : buffers[1]);
  let pos = start;
  let k = 0;
  const next = () => (pos < end ? fh.read(buffer(k), 0, Math.min(size, end - pos), pos) : undefined);
  let pending = next();
  try {
    while (pending !== undefined) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const chunk = buffer(k).subarray(0, bytesRead);
      pos += bytesRead;
      k ^= 1;
      pending = next();
      yield chunk;
    }
  } finally {
    // a read still in flight (the caller stopped early) finishes before the file is closed
    await pending?.catch(() => undefined);
    await fh.close();
  }
}
