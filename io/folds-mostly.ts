/**
 * Whether a large NDJSON file is worth the reader threads. A thread pays off
 * only for records that fold there (votes: a repeated line is counted by its
 * bytes and never crosses to this thread). A record that is kept (a case, a
 * unit) is parsed on the thread, sent here as text and parsed again, so a file
 * of such records is read faster on this thread alone — measured on the
 * province's 1 M cases: 4–5 s here, 8–21 s through two threads. Lines sampled
 * across the file decide; the result is the same either way (the threads give
 * what this thread gives), only the time differs.
 */
import { open } from 'node:fs/promises';
import type { Folder } from './fold.ts';

/** Places sampled across the file, bytes read at each, and the most lines looked at per place. */
const SAMPLES = 16;
const SAMPLE_BYTES = 16 * 1024;
const SAMPLE_LINES = 64;

/** The share of sampled lines whose record would fold; 0 when none is readable. */
export function foldingShare(sample: Buffer, folder: Folder, maxLines = SAMPLE_LINES * SAMPLES): number {
  const [seen, folds] = countFolds(sample, folder, maxLines);
  return seen === 0 ? 0 : folds / seen;
}

/** Lines looked at and lines whose record would fold, among the first `maxLines` whole lines of `sample`. */
function countFolds(sample: Buffer, folder: Folder, maxLines: number): [number, number] {
  const text = sample.toString('utf8', 0, sample.lastIndexOf(0x0a) + 1);
  let seen = 0;
  let folds = 0;
  for (const line of text.split('\n', maxLines)) {
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
  return [seen, folds];
}

/**
 * Whether at least half of the lines sampled across the file fold (an
 * unreadable file: no). The samples are spread over the whole file, not taken
 * from its start: an export often puts its roster first and mixes votes and
 * cases after it, and such a file is votes almost everywhere but its first
 * lines (issue #22). A sample taken inside the file starts after its first
 * line break (the line cut there is not read).
 */
export async function foldsMostly(path: string, folder: Folder): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'r');
    const { size } = await fh.stat();
    let [seen, folds] = [0, 0];
    const look = (view: Buffer, maxLines: number) => {
      const [s, f] = countFolds(view, folder, maxLines);
      [seen, folds] = [seen + s, folds + f];
    };
    if (size <= SAMPLES * SAMPLE_BYTES) {
      // a small file is looked at whole, its last line too
      const all = Buffer.alloc(size);
      const { bytesRead } = await fh.read(all, 0, size, 0);
      look(Buffer.concat([all.subarray(0, bytesRead), Buffer.from('\n')]), SAMPLE_LINES * SAMPLES);
    } else {
      const buf = Buffer.alloc(SAMPLE_BYTES);
      for (let k = 0; k < SAMPLES; k++) {
        const at = Math.floor((size * k) / SAMPLES);
        const { bytesRead } = await fh.read(buf, 0, SAMPLE_BYTES, at);
        const view = buf.subarray(0, bytesRead);
        look(at === 0 ? view : view.subarray(view.indexOf(0x0a) + 1), SAMPLE_LINES);
      }
    }
    return seen > 0 && folds / seen >= 0.5;
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}
