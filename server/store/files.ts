/**
 * Durable file writes. A write goes to a temporary file in the same folder,
 * is fsynced, then renamed over the target, and the folder is fsynced: a
 * crash at any point leaves either the previous file or the new one, never a
 * torn mix. Appends are fsynced before they are acknowledged.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

async function fsyncDir(dir: string): Promise<void> {
  // some file systems refuse to open a folder for fsync; the rename is still atomic there
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* best effort */
  }
}

export async function writeFileAtomic(file: string, data: string | Uint8Array, durable = true): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    if (durable) await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  if (durable) await fsyncDir(dir);
}

/** Append text and fsync before returning, so an acknowledged append survives a crash. */
export async function appendDurable(file: string, text: string, durable = true): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const fh = await open(file, 'a');
  try {
    await fh.writeFile(text);
    if (durable) await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * An append cut short by a crash leaves a last line without its newline; it
 * was never acknowledged, so it is dropped before the next append.
 */
export async function trimTornTail(file: string): Promise<void> {
  let fh;
  try {
    fh = await open(file, 'r+');
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

export async function readJsonOrNull<T>(file: string): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return JSON.parse(text) as T;
}
