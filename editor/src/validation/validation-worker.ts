/**
 * The engine's validateScheme in a worker: its first call compiles the JSON
 * Schema (a second or more on a busy machine), which must not freeze the page
 * while it loads; later calls take milliseconds and never block typing.
 */
import { validateScheme } from '../../../engine/index.ts';
import type { ValidateRequest, ValidateResponse } from './protocol.ts';

const post = (r: ValidateResponse) => (self as unknown as { postMessage: (m: ValidateResponse) => void }).postMessage(r);

self.onmessage = (e: MessageEvent<ValidateRequest>) => {
  const t0 = performance.now();
  const v = validateScheme(e.data.doc);
  post({ version: e.data.version, issues: v.issues, structureOk: v.scheme !== undefined, ms: performance.now() - t0 });
};
