/**
 * The same season as one NDJSON file, laid out as an office's export often is:
 * the roster first, then votes and cases interleaved at random (seeded) — the
 * layout that kept the reader threads away when only a file's first lines were
 * sampled (issue #22). Streams the split files line by line: nothing of the
 * size of the votes is held in memory. Same files and seed, same bytes.
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../generate-city-year.ts';
import type { SeasonFiles } from './generate-province.ts';
import { NdjsonWriter } from './ndjson-writer.ts';

const CHUNK = 1 << 22;

/** Lines of one file, read in 4 MiB chunks. */
class LineSource {
  private readonly fd: number;
  private buf = Buffer.allocUnsafe(CHUNK);
  private start = 0;
  private end = 0;
  private eof = false;

  constructor(path: string) {
    this.fd = openSync(path, 'r');
  }

  /** The next line (without its newline) as a view valid until the next call, or undefined at the end. */
  next(): Buffer | undefined {
    for (;;) {
      const nl = this.buf.indexOf(0x0a, this.start);
      if (nl !== -1 && nl < this.end) {
        const line = this.buf.subarray(this.start, nl);
        this.start = nl + 1;
        return line;
      }
      if (this.eof) {
        if (this.start >= this.end) return undefined;
        const line = this.buf.subarray(this.start, this.end);
        this.start = this.end;
        return line;
      }
      // keep the unfinished line, fill the rest (a line longer than the buffer grows it)
      const rest = this.end - this.start;
      const next = rest * 2 > this.buf.length ? Buffer.allocUnsafe(this.buf.length * 2) : Buffer.allocUnsafe(this.buf.length);
      this.buf.copy(next, 0, this.start, this.end);
      this.buf = next;
      [this.start, this.end] = [0, rest];
      const n = readSync(this.fd, this.buf, rest, this.buf.length - rest, null);
      if (n === 0) this.eof = true;
      this.end += n;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Write `season.ndjson` in the season's folder: the roster file as it is, then the
 * other files' lines, each next line drawn from a file with the chance of its lines
 * left; the split files are removed. Returns the season as that one file.
 */
export function mixSeason(season: SeasonFiles, seed: number): SeasonFiles {
  const rnd = mulberry32(seed);
  const path = join(season.dir, 'season.ndjson');
  const out = new NdjsonWriter(path);
  const [rosterFile, ...rest] = season.files;
  const roster = new LineSource(rosterFile as string);
  for (let l = roster.next(); l !== undefined; l = roster.next()) out.lineBytes(l);
  roster.close();
  const sources = rest.map((f) => new LineSource(f));
  const left = rest.map((_, i) => season.lines[i + 1] as number);
  let total = left.reduce((a, b) => a + b, 0);
  while (total > 0) {
    let x = Math.floor(rnd() * total);
    let k = 0;
    while (x >= (left[k] as number)) x -= left[k++] as number;
    const line = (sources[k] as LineSource).next();
    if (line === undefined) throw new Error(`mixSeason: ${rest[k]} ended early`);
    out.lineBytes(line);
    left[k] = (left[k] as number) - 1;
    total--;
  }
  for (const s of sources) s.close();
  out.close();
  for (const f of season.files) rmSync(f);
  return { ...season, files: [path], lines: [out.lines], bytes: out.bytes };
}
