/**
 * A workbook's true size, measured before exceljs opens it. An .xlsx file is a
 * zip: a few MB can inflate to gigabytes of sheet XML (a "zip bomb"), and
 * exceljs builds every row and cell in memory, ≈ 10 times the XML. So each
 * worksheet is inflated here as a stream — never held — counting its bytes,
 * its `<row>` and its `<c>` elements, and the reading stops at the first
 * limit passed. The sizes the zip declares are not trusted: a lying header
 * changes nothing, the bytes are counted as they come out of zlib.
 */
import { createInflateRaw } from 'node:zlib';

export interface XlsxBounds {
  /** Inflated bytes of all entries together. */
  maxUncompressedBytes: number;
  /** Rows of one worksheet. */
  maxSheetRows: number;
  /** Cells of one worksheet. */
  maxSheetCells: number;
}

export type XlsxExcess =
  | { kind: 'uncompressed'; limit: number }
  | { kind: 'rows'; sheet: string; limit: number }
  | { kind: 'cells'; sheet: string; limit: number }
  | { kind: 'zip'; detail: string };

interface Entry { name: string; method: number; compressed: number; local: number }

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries; undefined when this is no zip exceljs could read either (it says why itself). */
function entries(buf: Buffer): Entry[] | undefined {
  // the end record sits in the last 22 + 65,535 (comment) bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return undefined;
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    out.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), method: buf.readUInt16LE(at + 10), compressed: buf.readUInt32LE(at + 20), local: buf.readUInt32LE(at + 42) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Counts `<row` and `<c ` / `<c>` across chunk edges (a tag cut between two chunks is still counted once). */
class TagCounter {
  rows = 0;
  cells = 0;
  private tail = Buffer.alloc(0);
  feed(chunk: Buffer): void {
    const b = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    const end = b.length - 4;
    let i = b.indexOf(0x3c);
    // Buffer#indexOf is memchr: the loop runs once per tag, not once per byte
    for (; i >= 0 && i < end; i = b.indexOf(0x3c, i + 1)) {
      const c1 = b[i + 1];
      if (c1 === 0x72 && b[i + 2] === 0x6f && b[i + 3] === 0x77 && isEnd(b[i + 4]!)) this.rows++;
      else if (c1 === 0x63 && isEnd(b[i + 2]!)) this.cells++;
    }
    // the unscanned end (at most 4 bytes, from the first `<` not looked at) waits for the next chunk
    this.tail = i >= 0 ? Buffer.from(b.subarray(i)) : Buffer.alloc(0);
  }
}

/** What may follow a tag's name: a space, `>` or `/`. */
const isEnd = (c: number): boolean => c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;

/** Inflate one entry as a stream, feeding `sink` and stopping (with the excess) as soon as `sink` says so. */
function inflate(data: Buffer, onChunk: (chunk: Buffer) => XlsxExcess | undefined): Promise<XlsxExcess | undefined> {
  return new Promise((resolve) => {
    const z = createInflateRaw({ chunkSize: 256 * 1024 });
    let done = false;
    const finish = (v: XlsxExcess | undefined) => {
      if (done) return;
      done = true;
      z.destroy();
      resolve(v);
    };
    z.on('data', (chunk: Buffer) => {
      const excess = onChunk(chunk);
      if (excess) finish(excess);
    });
    z.on('error', (e) => finish({ kind: 'zip', detail: e.message }));
    z.on('end', () => finish(undefined));
    z.end(data);
  });
}

/** The first limit this workbook passes, or undefined when it is within all of them. */
export async function xlsxExcess(buf: Buffer, bounds: XlsxBounds): Promise<XlsxExcess | undefined> {
  const list = entries(buf);
  if (!list) return undefined;
  let total = 0;
  for (const e of list) {
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL) return { kind: 'zip', detail: `bad local header of ${e.name}` };
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressed));
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name) ? e.name.replace(/^xl\/worksheets\//i, '') : undefined;
    const tags = new TagCounter();
    const onChunk = (chunk: Buffer): XlsxExcess | undefined => {
      total += chunk.length;
      if (total > bounds.maxUncompressedBytes) return { kind: 'uncompressed', limit: bounds.maxUncompressedBytes };
      if (sheet === undefined) return undefined;
      tags.feed(chunk);
      if (tags.rows > bounds.maxSheetRows) return { kind: 'rows', sheet, limit: bounds.maxSheetRows };
      if (tags.cells > bounds.maxSheetCells) return { kind: 'cells', sheet, limit: bounds.maxSheetCells };
      return undefined;
    };
    let excess: XlsxExcess | undefined;
    if (e.method === 0) excess = onChunk(data);
    else if (e.method === 8) excess = await inflate(data, onChunk);
    else excess = { kind: 'zip', detail: `compression method ${e.method} of ${e.name}` };
    if (excess) return excess;
  }
  return undefined;
}
