/**
 * A row whose first cell starts with `#` is a comment (CSV and Excel): the
 * templates' sample rows are written so, and a clerk may keep notes. A `#`
 * cannot start a fact type id, a unit id or a record kind, so nothing real is
 * ever skipped.
 */
export function isComment(first: unknown): boolean {
  return typeof first === 'string' && first.trimStart().startsWith('#');
}
