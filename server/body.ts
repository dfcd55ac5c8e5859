/**
 * Request bodies: JSON read as text and parsed here, so that the size limit
 * (413), malformed JSON (400) and a depth limit (400) each get their own
 * code. Data files (CSV, NDJSON, xlsx) are not read here: the upload route
 * streams them to disk (server/upload-spool.ts) under a larger limit.
 */
import express, { type RequestHandler } from 'express';
import { refuse } from './errors.ts';

export interface Limits {
  /** Largest JSON body, bytes. */
  jsonBytes: number;
  /** Largest uploaded data file, bytes (streamed to disk, never held whole). */
  uploadBytes: number;
  /** Deepest nesting of arrays and objects in a JSON body. */
  jsonDepth: number;
}

export const DEFAULT_LIMITS: Limits = { jsonBytes: 2 * 1024 * 1024, uploadBytes: 256 * 1024 * 1024, jsonDepth: 64 };

const isJson = (type: string | undefined): boolean => !!type && /^application\/([\w.+-]*\+)?json\b/i.test(type);

export function jsonBody(limits: Limits): RequestHandler[] {
  const text = express.text({ type: (req) => isJson(req.headers['content-type']), limit: limits.jsonBytes });
  const parse: RequestHandler = (req, _res, next) => {
    if (!isJson(req.headers['content-type']) || typeof req.body !== 'string') return next();
    const raw = req.body as string;
    if (raw.trim() === '') {
      req.body = undefined;
      return next();
    }
    // depth is checked on the raw text first: JSON.parse itself recurses and could overflow on [[[[…
    let nesting = 0;
    let deepest = 0;
    let inString = false;
    for (let i = 0; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (inString) {
        if (c === 0x5c) i++;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++nesting);
      else if (c === 0x5d || c === 0x7d) nesting--;
    }
    if (deepest > limits.jsonDepth) return next(refuse(400, 'too-deep', `JSON 嵌套超过 ${limits.jsonDepth} 层`, `JSON nested deeper than ${limits.jsonDepth} levels`));
    try {
      req.body = JSON.parse(raw);
    } catch (e) {
      return next(refuse(400, 'malformed-json', 'JSON 格式错误', `malformed JSON: ${(e as Error).message}`));
    }
    next();
  };
  return [text, parse];
}
