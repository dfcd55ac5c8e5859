/**
 * An upload's body streamed to a file in the store's `uploads/` folder as it
 * arrives, counted against the byte limit: the request thread never holds the
 * whole body (issue 19 item 8: the 85.5 MiB city data set). The caller removes
 * the file when the upload is read; a refused or broken upload removes it here.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { diskFull, refuse } from './errors.ts';
import { isDiskFull } from './store/fs-layer.ts';
import type { Store } from './store/store.ts';

export const UPLOADS_DIR = 'uploads';

const MiB = 1024 * 1024;

const tooLarge = (max: number) =>
  refuse(413, 'upload-too-large', `上传的文件超过 ${Math.round(max / MiB)} MiB 的上限;请拆分为多个文件`, `the uploaded file is larger than the ${Math.round(max / MiB)} MiB limit; split it`, { limit: max });

/** Stream the body to a new file; its path and size, or a 413 (nothing left behind). */
export async function spoolUpload(req: Request, store: Store, maxBytes: number): Promise<{ file: string; bytes: number }> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    // read and drop the body, so the client gets the answer instead of a reset connection
    req.resume();
    throw tooLarge(maxBytes);
  }
  await mkdir(store.path(UPLOADS_DIR), { recursive: true });
  const file = store.path(UPLOADS_DIR, `${randomBytes(12).toString('hex')}.part`);
  let bytes = 0;
  let over = false;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      // past the limit the rest is read and dropped, so the client gets its 413 instead of a reset
      // connection; a body that goes on far beyond is cut off
      if (bytes > maxBytes) over = true;
      if (bytes > 2 * maxBytes + 64 * MiB) return done(new Error('far beyond the limit'));
      done(null, over ? undefined : chunk);
    },
  });
  try {
    await pipeline(req, count, createWriteStream(file, { flags: 'wx' }));
  } catch (e) {
    await rm(file, { force: true });
    if (over) throw tooLarge(maxBytes);
    if (isDiskFull(e)) throw diskFull();
    throw refuse(400, 'upload-broken', '上传中断,文件未保存', `the upload broke off; nothing was kept (${(e as Error).message})`);
  }
  if (over) {
    await rm(file, { force: true });
    throw tooLarge(maxBytes);
  }
  return { file, bytes };
}
