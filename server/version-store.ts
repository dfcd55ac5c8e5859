/**
 * Saving a version: the document in lowdb, and every revision also as a
 * write-once file, so a stale save can be answered with what changed since
 * the base revision its author started from.
 */
import type { Request } from 'express';
import { notFound, refuse } from './errors.ts';
import type { Store } from './store/store.ts';
import type { Db, VersionRecord } from './store/types.ts';
import { findVersion } from './version-core.ts';

export const revisionFile = (id: string, version: string, revision: number): string[] => ['revisions', id, version, `${revision}.json`];

export function keepRevision(store: Store, v: Pick<VersionRecord, 'id' | 'version' | 'revision' | 'document'>): Promise<void> {
  return store.writeJson(revisionFile(v.id, v.version, v.revision), v.document);
}

export function readRevision(store: Store, id: string, version: string, revision: number): Promise<unknown> {
  return store.readJson<unknown>(revisionFile(id, version, revision));
}

export function mustFind(db: Pick<Db, 'versions'>, id: string, version: string): VersionRecord {
  const v = findVersion(db, id, version);
  if (!v) throw notFound(`${id}@${version}`);
  return v;
}

/** `If-Match: "3"` (also W/"3", a bare 3, or a published version's `"3-published"`, refused later as not a draft) → 3. */
export function ifMatch(req: Request): number {
  const h = req.headers['if-match'];
  if (h === undefined || h === '') throw refuse(428, 'revision-required', '保存草稿须带 If-Match 修订号', 'a save needs If-Match with the revision it is based on');
  const m = /^(?:W\/)?"?(\d{1,9})(?:-(?:published|retired))?(?:-a[0-9a-f]{8})?"?$/.exec(String(h).trim());
  if (!m) throw refuse(400, 'bad-revision', 'If-Match 修订号格式不正确', 'malformed If-Match revision');
  return Number(m[1]);
}

/**
 * Whether `If-None-Match` names this ETag (weak comparison, or `*`). Not
 * express' `req.fresh`: that treats a request's `Cache-Control: no-cache`
 * (which fetch adds to every conditional request) as "never fresh", a rule
 * for caches, while the origin server answers the condition as asked.
 */
export function noneMatch(req: Request, etag: string): boolean {
  const h = req.headers['if-none-match'];
  if (h === undefined) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return String(h).split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

export function nextPatch(db: Pick<Db, 'versions'>, id: string, version: string): string {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  let p = patch + 1;
  while (findVersion(db, id, `${major}.${minor}.${p}`)) p++;
  return `${major}.${minor}.${p}`;
}
