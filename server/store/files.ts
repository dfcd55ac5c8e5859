/**
 * Durable file writes. A write goes to a temporary file in the same folder,
 * is fsynced, then renamed over the target, and the folder is fsynced: a
 * crash at any point leaves either the previous file or the new one, never a
 * torn mix. A write that fails (a full disk) removes its temporary file:
 * nothing of it is left. Appends are fsynced before they are acknowledged.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { nodeFs, type FsLayer } from './fs-layer.ts';

/** Temporary files are `.<12 hex>.tmp`: start-up removes any a crash left (store/cleanup.ts). */
export const TEMP_FILE = /^\.[0-9a-f]{12}\.tmp$/;

async function fsyncDir(fs: FsLayer, dir: string): Promise<void> {
  // some file systems refuse to open a folder for fsync; the rename is still atomic there
  try {
    const fh = await fs.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, durable = true, fs: FsLayer = nodeFs): Promise<void> {
  const dir = dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await fs.open(tmp, 'w');
    try {
      await fh.writeFile(data);
      if (durable) await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    // a full disk must not keep the half-written copy (issue #17 D3: 42 of them refilled a disk)
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  if (durable) await fsyncDir(fs, dir);
}

/**
 * Append text and fsync before returning, so an acknowledged append survives
 * a crash. When it fails, the file is cut back to its length before it: a
 * refused append leaves no bytes behind (the caller's refusal is the truth).
 */
export async function appendDurable(file: string, text: string | Uint8Array, durable = true, fs: FsLayer = nodeFs): Promise<void> {
  await fs.mkdir(dirname(file), { recursive: true });
  const existed = await fs.stat(file).then(
    () => true,
    () => false,
  );
  const fh = await fs.open(file, 'a');
  let size = 0;
  try {
    size = (await fh.stat()).size;
    await fh.writeFile(text);
    if (durable) await fh.sync();
  } catch (e) {
    await fh.truncate(size).catch(() => undefined);
    await fh.close();
    // the append created the file: a refused first append leaves not even an empty one
    if (!existed) await fs.rm(file, { force: true }).catch(() => undefined);
    throw e;
  }
  await fh.close();
}

/**
 * An append cut short by a crash leaves a last line without its newline; it
 * was never acknowledged, so it is dropped before the next append.
 */
export async function trimTornTail(file: string, fs: FsLayer = nodeFs): Promise<void> {
  let fh;
  try {
    fh = await fs.open(file, 'r+');
  } catch {
    return;
  }
  try {
    const { size } = await fh.stat();
    if (size === 0) return;
    const last = Buffer.alloc(1);
    await fh.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return;
    const text = await fh.readFile();
    const cut = text.lastIndexOf(0x0a) + 1;
    await fh.truncate(cut);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A file's length, 0 when it does not exist yet. */
export async function sizeOf(file: string, fs: FsLayer = nodeFs): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
}

export async function readJsonOrNull<T>(file: string, fs: FsLayer = nodeFs): Promise<T | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return JSON.parse(text) as T;
}
