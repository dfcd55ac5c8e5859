/**
 * A lowdb adapter that writes the whole document atomically and durably.
 * lowdb's own JSONFile renames a temp file but does not fsync, and its
 * preset silently keeps data in memory under NODE_ENV=test; this adapter
 * always writes to disk and fsyncs before the write is acknowledged.
 */
import type { Adapter } from 'lowdb';
import { readJsonOrNull, writeFileAtomic } from './files.ts';
import { nodeFs, type FsLayer } from './fs-layer.ts';

export class AtomicJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly durable = true,
    private readonly fs: FsLayer = nodeFs,
  ) {}

  read(): Promise<T | null> {
    return readJsonOrNull<T>(this.file, this.fs);
  }

  write(data: T): Promise<void> {
    return writeFileAtomic(this.file, JSON.stringify(data), this.durable, this.fs);
  }
}
