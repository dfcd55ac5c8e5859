/**
 * Ids from URLs and bodies become file names in the data folder: only a
 * strict pattern gets through, so `..`, slashes and odd characters never
 * reach the file system.
 */
import { refuse } from './errors.ts';

/** Scheme ids: lower-case slug, e.g. pingyang-2021. */
export const SCHEME_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Versions: x.y.z as the scheme format requires. */
export const VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;
/** Generated ids of data sets and runs; also units in explain URLs. */
export const RECORD_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

function check(value: unknown, pattern: RegExp, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value) || value.includes('..')) {
    throw refuse(400, 'bad-id', `${what} 格式不正确`, `malformed ${what}`);
  }
  return value;
}

export const schemeId = (v: unknown): string => check(v, SCHEME_ID, 'scheme id');
export const versionId = (v: unknown): string => check(v, VERSION, 'version');
export const recordId = (v: unknown, what = 'id'): string => check(v, RECORD_ID, what);
export const username = (v: unknown): string => check(v, USERNAME, 'username');

/** `pingyang-2021@1.0.0` → its parts. */
export function schemeRef(v: unknown, what: string): { id: string; version: string } {
  if (typeof v !== 'string' || !v.includes('@')) throw refuse(400, 'bad-ref', `${what} 应为“方案@版本”`, `${what} must be "<scheme>@<version>"`);
  const [id, version] = v.split('@', 2);
  return { id: schemeId(id), version: versionId(version) };
}
