/**
 * Validating a scheme document costs milliseconds (the engine's JSON Schema
 * and semantic checks); reading a version used to pay it on every GET. A
 * published or retired version never changes, so its validation is kept by
 * its content hash; a draft changes only by a save, which bumps its
 * revision, so its validation is kept by id, version, revision and save
 * time. A small LRU: the versions clerks have open, not the whole store.
 */
import { createHash } from 'node:crypto';
import type { SchemeValidation } from '../engine/index.ts';
import type { VersionRecord } from './store/types.ts';
import { checkStored } from './version-core.ts';

/** A stored version as read: migrated when older, then checked (version-core.ts checkStored). */
export type StoredCheck = ReturnType<typeof checkStored>;

type Keyed = Pick<VersionRecord, 'id' | 'version' | 'status' | 'revision' | 'hash' | 'updatedAt' | 'document'>;

export function validationKey(v: Omit<Keyed, 'document'>): string {
  return v.status !== 'draft' && v.hash !== undefined ? v.hash : `${v.id}@${v.version}#${v.revision}@${v.updatedAt}`;
}

export class ValidationCache {
  private readonly entries = new Map<string, StoredCheck>();
  /** Validations computed (not found in the cache): what a test observes instead of a time. */
  computed = 0;

  constructor(private readonly max = 64) {}

  of(v: Keyed): StoredCheck {
    const key = validationKey(v);
    let hit = this.entries.get(key);
    if (hit === undefined) {
      hit = checkStored(v.document);
      this.computed++;
    }
    this.remember(key, hit);
    return hit;
  }

  /** A save already validated the document it stores: the next read need not. */
  remember(key: string, checked: StoredCheck): void {
    this.entries.delete(key);
    this.entries.set(key, checked);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
}

/**
 * The ETag of a version's representation. A draft's revision names it; a
 * published or retired version keeps its last draft revision, so its status
 * goes into the tag too (else a client holding the draft's tag would be told
 * "304, unchanged" after the publish).
 */
/**
 * The tag of what GET answers: the revision and status, plus (when the draft
 * carries next-year notes or its new year's text) a short hash of their
 * acknowledgements and text, which change without a new revision: a clerk's
 * acknowledgement must not be answered "304 unchanged" to another tab.
 */
export function versionEtag(v: Pick<VersionRecord, 'status' | 'revision' | 'notes' | 'clauseText'>): string {
  const base = v.status === 'draft' ? `${v.revision}` : `${v.revision}-${v.status}`;
  if (v.notes === undefined && v.clauseText === undefined) return `"${base}"`;
  const annotations = createHash('sha256')
    .update(JSON.stringify([v.notes?.map((n) => n.acknowledged ?? null) ?? null, v.clauseText ?? null]))
    .digest('hex')
    .slice(0, 8);
  return `"${base}-a${annotations}"`;
}
