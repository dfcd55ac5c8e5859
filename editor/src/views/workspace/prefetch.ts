/**
 * The scheme and version a workspace link opens, asked for at page start
 * alongside /api/me instead of after it: one round trip less before the tree.
 * Taken once; a reload (after a 409, or a later visit) asks again.
 */
import { api } from '../../api/client.ts';
import type { SchemeDetail, VersionDocument } from '../../api/types.ts';

type Loaded = Promise<[SchemeDetail, VersionDocument]>;
const pending = new Map<string, Loaded>();

export function prefetchWorkspace(id: string, version: string): void {
  const key = `${id}@${version}`;
  if (pending.has(key)) return;
  const p: Loaded = Promise.all([api.scheme(id), api.version(id, version)]);
  // not logged in: the login page shows; the refusal must not surface as an unhandled rejection
  p.catch(() => pending.delete(key));
  pending.set(key, p);
}

/** The prefetched pair, or a fresh request when there is none. */
export function loadWorkspace(id: string, version: string): Loaded {
  const key = `${id}@${version}`;
  const p = pending.get(key);
  pending.delete(key);
  return p ?? Promise.all([api.scheme(id), api.version(id, version)]);
}
