/** The format of bytes that came without a name (standard input, an upload without a type). */
import type { DataFormat } from './data-format.ts';

const ENVELOPE = /^\s*\{\s*"(?:scheme|units|parents|facts|history|\$schema)"/;

export function sniffFormat(bytes: Buffer): DataFormat {
  // an .xlsx is a zip archive: "PK\x03\x04"
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  const head = bytes.subarray(0, 64 * 1024).toString('utf8').replace(/^\uFEFF/, '');
  const first = head.trimStart()[0];
  if (first === '[') return 'json';
  if (first !== '{') return 'csv';
  // a data-set object starts with one of its keys; an NDJSON line is one complete record per line
  if (ENVELOPE.test(head)) return 'json';
  const text = head.trimStart();
  const nl = text.indexOf('\n');
  if (nl === -1) return 'ndjson';
  try {
    JSON.parse(text.slice(0, nl));
    return 'ndjson';
  } catch {
    return 'json';
  }
}
