/**
 * A file layer that fails like a full disk: from the N-th write, fsync or
 * rename on, every write and fsync throws ENOSPC (a failing write first
 * writes half its bytes, as a real one may) until {@link FaultyFs.heal}.
 * Reads, truncates and removals keep working, as they do on a full disk.
 */
import * as fsp from 'node:fs/promises';
import type { FsLayer } from '../../server/store/fs-layer.ts';

const enospc = (): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28 });

export class FaultyFs {
  /** Writes, fsyncs and renames attempted so far. */
  ops = 0;
  private failAt = Infinity;
  full = false;

  /** The n-th write, fsync or rename from now fails, and every write after it. */
  failFrom(n: number): void {
    this.failAt = this.ops + n;
  }

  heal(): void {
    this.failAt = Infinity;
    this.full = false;
  }

  private hit(): void {
    this.ops++;
    if (this.full || this.ops >= this.failAt) {
      this.full = true;
      throw enospc();
    }
  }

  readonly layer: FsLayer = {
    ...fsp,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const fh = await fsp.open(...args);
      return new Proxy(fh, {
        get: (target, prop) => {
          if (prop === 'writeFile') {
            return async (data: string | Uint8Array) => {
              try {
                this.hit();
              } catch (e) {
                const bytes = Buffer.from(data);
                await target.writeFile(bytes.subarray(0, bytes.length >> 1));
                throw e;
              }
              return target.writeFile(data);
            };
          }
          if (prop === 'sync') {
            return async () => {
              this.hit();
              return target.sync();
            };
          }
          const v = Reflect.get(target, prop, target) as unknown;
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    }) as typeof fsp.open,
    rename: async (...args: Parameters<typeof fsp.rename>) => {
      this.hit();
      return fsp.rename(...args);
    },
  };
}
