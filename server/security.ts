/**
 * Security headers, set here rather than through a library so each one is
 * visible. Nothing is loaded from anywhere but this server; no inline script
 * is allowed. Monaco needs inline styles and blob: workers.
 *
 * Why `script-src 'unsafe-eval'` (and why it stays): the editor runs the
 * engine in the page, and the engine validates with ajv, which compiles
 * every JSON Schema into a function with `new Function`. The scheme format's
 * own schema could be precompiled at build time (ajv standalone), but not
 * the schemes' fact-field schemas: each fact type's `fields` is a JSON
 * Schema written by the scheme's author inside the very document being
 * edited (engine/validate/field-schema.ts checks it, engine/data/
 * check-dataset.ts compiles it to check facts for previews, cases and
 * impact). Those schemas exist only at run time, in the page, so they can
 * only be compiled there. Without 'unsafe-eval' every validation in the page
 * throws an EvalError.
 */
import type { RequestHandler } from 'express';

const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  next();
};
