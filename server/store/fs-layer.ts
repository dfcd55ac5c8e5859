/**
 * The file operations the store performs, as one object: the store is
 * given it, so a test can hand it a layer that fails like a full disk
 * (ENOSPC at the N-th write, fsync or rename) and check that a failed write
 * leaves nothing behind. The server always uses node's own.
 */
import * as fsp from 'node:fs/promises';

export type FsLayer = Pick<typeof fsp, 'open' | 'rename' | 'rm' | 'mkdir' | 'readdir' | 'readFile' | 'stat' | 'truncate'>;

export const nodeFs: FsLayer = fsp;

/** A full disk or an exhausted quota: the write is refused as `507 disk-full`, never as an internal error. */
export function isDiskFull(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
