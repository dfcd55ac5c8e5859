/**
 * The version of the scheme format a document is written in (`formatVersion`).
 * It changes only when a document valid before would no longer be read the same
 * way; each change is one step in migrations.ts and one entry in CHANGELOG.md.
 * A document without `formatVersion` was written before versions existed (1).
 */
export const FORMAT_VERSION = 2;

/** The version a document says it is in; absent means 1 (before versions were written). */
export function formatVersionOf(doc: Record<string, unknown>): unknown {
  return Object.hasOwn(doc, 'formatVersion') ? doc.formatVersion : 1;
}
