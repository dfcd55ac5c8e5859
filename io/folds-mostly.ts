/**
 * Whether a large NDJSON file is worth the reader threads. A thread pays off
 * only for records that fold there (votes: a repeated line is counted by its
 * bytes and never crosses to this thread). A record that is kept (a case, a
 * unit) is parsed on the thread, sent here as text and parsed again, so a file
 * of such records is read faster on this thread alone — measured on the
 * province's 1 M cases: 4–5 s here, 8–21 s through two threads. The file's
 * first lines decide; the result is the same either way (the threads give what
 * this thread gives), only the time differs.
 */
import { open } from 'node:fs/promises';
import type { Folder } from './fold.ts';

/** Bytes read from the start of the file, and the most lines looked at. */
const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_LINES = 200;

/** The share of sampled lines whose record would fold; 0 when none is readable. */
export function foldingShare(sample: Buffer, folder: Folder): number {
  const text = sample.toString('utf8', 0, sample.lastIndexOf(0x0a) + 1);
  let seen = 0;
  let folds = 0;
  for (const line of text.split('\n', SAMPLE_LINES)) {
    if (line.trim() === '') continue;
    seen++;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      continue; // a bad line is reported where the file is read; here it only does not fold
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) continue;
    const r = rec as Record<string, unknown>;
    if (Object.hasOwn(r, 'record') && r.record !== 'fact') continue;
    delete r.record;
    if (folder.votes(r) >= 0) folds++;
  }
  return seen === 0 ? 0 : folds / seen;
}

/** Whether at least half of the file's first lines fold (an unreadable start: no). */
export async function foldsMostly(path: string, folder: Folder): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'r');
    const buf = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, 0);
    return foldingShare(buf.subarray(0, bytesRead), folder) >= 0.5;
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}
