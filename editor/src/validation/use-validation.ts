/**
 * Problems of the current document, from the validation worker. Only the
 * newest document is validated: while the worker is busy, intermediate
 * versions are skipped. `scheme` is the newest document that validated
 * structurally, so previews and impact keep working while a fix is typed.
 */
import { useEffect, useRef, useState } from 'react';
import type { Issue, Scheme } from '../../../engine/index.ts';
import type { Json } from '../document/index.ts';
import type { ValidateRequest, ValidateResponse } from './protocol.ts';

export interface Validation {
  /** The document version these problems are of (-1 before the first answer). */
  version: number;
  problems: Issue[];
  errors: number;
  warnings: number;
  scheme: Scheme | undefined;
  /** validateScheme in the worker, and edit → problems shown in the page. */
  ms: number;
  roundTripMs: number;
  pending: boolean;
}

declare global {
  interface Window {
    /** Read by the browser performance test. */
    __pingyiValidation?: { version: number; ms: number; roundTripMs: number };
  }
}

/**
 * `hold`: while true, the first validation waits (later ones never do). Its
 * first call compiles the JSON Schema (≈ 1 s of CPU), and on a machine with
 * two shared cores that competed with Monaco's first screen; the workspace
 * holds it until Monaco has shown, or for at most a few seconds.
 */
export function useValidation(doc: Json, version: number, hold = false): Validation {
  const sendRef = useRef<((req: ValidateRequest, at: number) => void) | null>(null);
  const busy = useRef(false);
  const queued = useRef<{ req: ValidateRequest; at: number } | null>(null);
  const sent = useRef(new Map<number, { doc: Json; at: number }>());
  const [result, setResult] = useState<Omit<Validation, 'pending'>>({ version: -1, problems: [], errors: 0, warnings: 0, scheme: undefined, ms: 0, roundTripMs: 0 });

  useEffect(() => {
    const w = new Worker(new URL('./validation-worker.ts', import.meta.url), { type: 'module' });
    const send = (req: ValidateRequest, at: number) => {
      busy.current = true;
      sent.current.set(req.version, { doc: req.doc as Json, at });
      w.postMessage(req);
    };
    w.onmessage = (e: MessageEvent<ValidateResponse>) => {
      const r = e.data;
      const s = sent.current.get(r.version);
      sent.current.delete(r.version);
      busy.current = false;
      const roundTripMs = s ? performance.now() - s.at : 0;
      setResult((prev) => ({
        version: r.version,
        problems: r.issues,
        errors: r.issues.filter((i) => i.severity === 'error').length,
        warnings: r.issues.filter((i) => i.severity === 'warning').length,
        scheme: r.structureOk && s ? (s.doc as unknown as Scheme) : prev.scheme,
        ms: r.ms,
        roundTripMs,
      }));
      window.__pingyiValidation = { version: r.version, ms: r.ms, roundTripMs };
      const next = queued.current;
      queued.current = null;
      if (next) send(next.req, next.at);
    };
    sendRef.current = send;
    return () => {
      w.terminate();
      sendRef.current = null;
      busy.current = false;
      queued.current = null;
    };
  }, []);

  const started = useRef(false);
  useEffect(() => {
    const send = sendRef.current;
    if (!send || (hold && !started.current)) return;
    started.current = true;
    const req = { version, doc };
    if (busy.current) queued.current = { req, at: performance.now() };
    else send(req, performance.now());
  }, [doc, version, hold]);

  return { ...result, pending: result.version !== version };
}
