/**
 * Every refusal is data: `{code, message: {zh, en}, problems?}` with a 4xx
 * status. Handlers throw an HttpError; the error middleware turns anything
 * else into a coded answer too and never sends a stack trace.
 */
import type { ErrorRequestHandler } from 'express';
import type { Issue } from '../engine/index.ts';
import { isDiskFull } from './store/fs-layer.ts';

export interface Refusal {
  code: string;
  message: { zh: string; en: string };
  problems?: Issue[];
  [extra: string]: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Refusal,
  ) {
    super(body.message.en);
  }
}

export function refuse(status: number, code: string, zh: string, en: string, extra: Omit<Partial<Refusal>, 'code' | 'message'> = {}): HttpError {
  return new HttpError(status, { code, message: { zh, en }, ...extra });
}

export const notFound = (what: string): HttpError => refuse(404, 'not-found', `未找到:${what}`, `not found: ${what}`);

/** A write the disk had no room for: nothing of it was kept (issue #17 D3, D4). */
export const diskFull = (): HttpError =>
  refuse(507, 'disk-full', '存储空间已满,本次修改未保存(未留下任何部分);请联系管理员清理磁盘后重试', 'the disk is full; the change was not saved (nothing of it was kept); free space and try again');

export type Log = (line: string) => void;

export function errorMiddleware(log: Log): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof HttpError) {
      res.status(err.status).json(err.body);
      return;
    }
    // errors raised by express' body readers carry a status and a type
    const e = err as { status?: number; type?: string; message?: string };
    if (e && e.type === 'entity.too.large') {
      res.status(413).json({ code: 'too-large', message: { zh: '请求内容过大', en: 'request body too large' } });
      return;
    }
    if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(400).json({ code: 'bad-request', message: { zh: '请求格式错误', en: `bad request (${e.type ?? 'malformed'})` } });
      return;
    }
    if (isDiskFull(err)) {
      log(`disk full: ${(err as Error).message}`);
      const full = diskFull();
      res.status(full.status).json(full.body);
      return;
    }
    log(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(500).json({ code: 'internal', message: { zh: '服务器内部错误,已记录', en: 'internal server error (logged)' } });
  };
}
