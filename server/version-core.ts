/**
 * What the server derives from a scheme document by calling the engine:
 * its problems, its content hash, its public metadata. No scoring rules here.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../engine/format/canonical-json.ts';
import { migrateScheme, nameYearIssues, schemeIssue, validateScheme, type Issue, type MigrationChange, type SchemeValidation } from '../engine/index.ts';
import type { DraftNote, SchemeRecord, VersionMeta, VersionRecord } from './store/types.ts';

/**
 * A version checked as `pingyi validate` checks a scheme (cli/commands.ts):
 * the engine's validation, plus the name that still names another year than
 * `year` (the classic slip of a scheme copied forward). Every place the
 * server validates a version goes through here, so the editor, which shows
 * these problems, and the CLI list the same ones. Like the CLI (whose
 * loadScheme keeps a scheme only when it has no error), the name is looked
 * at once the scheme has no error.
 */
export function checkVersion(document: unknown): SchemeValidation {
  const checked = validateScheme(document);
  return checked.ok && checked.scheme ? { ...checked, issues: [...checked.issues, ...nameYearIssues(checked.scheme)] } : checked;
}

/**
 * A version stored in an older format is read in the current one (pingyi
 * migrate's steps): its stored document and its hash stay the original's, so a
 * published version never changes under its hash. Not a scheme, or nothing
 * to change but the version number: the document as stored.
 */
export function readDocument(document: unknown): { document: unknown; migration?: { from: number; changes: MigrationChange[] } } {
  const m = migrateScheme(document);
  // a current document that merely names no version is served as stored (no edit the clerk did not make)
  if (!m.value || m.from === undefined || !m.changes.some((c) => c.path !== '/formatVersion')) return { document };
  return { document: m.value, migration: { from: m.from, changes: m.changes } };
}

/** A stored version as the server reads it to score, compare or serve: migrated when older (readDocument), then checked. */
export function checkStored(document: unknown): SchemeValidation & { document: unknown; migration?: { from: number; changes: MigrationChange[] } } {
  const read = readDocument(document);
  const checked = checkVersion(read.document);
  if (!read.migration) return { ...checked, ...read };
  const { from, changes } = read.migration;
  const said = schemeIssue(
    'format-migrated',
    '/formatVersion',
    `此版本按旧格式(版本 ${from})保存,读取时已升级(${changes.length} 处,如 ${changes[0]?.path});原文与哈希不变,另存草稿即为新格式`,
    `stored in format ${from} and migrated on read (${changes.length} change(s), e.g. ${changes[0]?.path}); the original and its hash are unchanged, a new draft saves the new format`,
    'warning',
  );
  return { ...checked, issues: [said, ...checked.issues], ...read };
}

export function problemsOf(document: unknown): Issue[] {
  return checkVersion(document).issues;
}

export function countProblems(problems: readonly Issue[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/** sha256 of the canonical JSON text: the same scheme gives the same hash however its keys were ordered. */
export function contentHash(document: unknown): string {
  return 'sha256:' + createHash('sha256').update(canonicalJson(document)).digest('hex');
}

export type { VersionMeta } from './store/types.ts';

/** A next-year note as the API shows it: fixed once the value at its pointer is no longer what the engine flagged. */
export type NoteView = Omit<DraftNote, 'was'> & { index: number; fixed: boolean };

export function notesOf(v: VersionRecord): NoteView[] {
  return (v.notes ?? []).map(({ was, ...note }, index) => ({ ...note, index, fixed: canonicalJson(valueAtPointer(v.document, note.path) ?? null) !== canonicalJson(was ?? null) }));
}

export const openNotes = (v: VersionRecord): NoteView[] => notesOf(v).filter((n) => !n.fixed && !n.acknowledged);

export function valueAtPointer(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const t of pointer === '' ? [] : pointer.slice(1).split('/').map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, t)) return undefined;
    cur = (cur as Record<string, unknown>)[t];
  }
  return cur;
}

/** The record without its document; notes as the count still open, clause text as whether there is one. */
export function metaOf(v: VersionRecord): VersionMeta {
  const { document: _document, notes, clauseText, ...meta } = v;
  return { ...meta, ...(notes ? { openNotes: openNotes(v).length } : {}), ...(clauseText !== undefined ? { hasClauseText: true } : {}) };
}

/** "1.0.0" sorts before "1.0.10": numeric per part. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A scheme's name, jurisdiction and year follow its newest version whose document states them. */
export function schemeHeader(s: SchemeRecord, versions: readonly VersionRecord[]): Pick<SchemeRecord, 'id' | 'name' | 'jurisdiction' | 'year'> {
  const head = { id: s.id, name: s.name, jurisdiction: s.jurisdiction, year: s.year };
  const newest = [...versions].sort((a, b) => compareVersions(b.version, a.version))[0];
  const doc = newest?.document as Record<string, unknown> | undefined;
  if (doc && typeof doc === 'object') {
    if (typeof doc.name === 'string') head.name = doc.name;
    if (typeof doc.jurisdiction === 'string') head.jurisdiction = doc.jurisdiction;
    if (typeof doc.year === 'number') head.year = doc.year;
  }
  return head;
}

export function versionsOf(db: { versions: readonly VersionRecord[] }, id: string): VersionRecord[] {
  return db.versions.filter((v) => v.id === id).sort((a, b) => compareVersions(a.version, b.version));
}

export function findVersion(db: { versions: readonly VersionRecord[] }, id: string, version: string): VersionRecord | undefined {
  return db.versions.find((v) => v.id === id && v.version === version);
}
