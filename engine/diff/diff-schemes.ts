/**
 * Semantic diff of two versions of a scheme. Pure: takes parsed schemes,
 * returns typed changes. Things are compared by identity (ids), never by
 * position or text, so a reformatted file or reordered keys is no change, a
 * renamed indicator is a rename, and an indicator moved to another parent is
 * a move. Lists without ids (tie-break keys, shares, bands, periods…) are
 * values: any difference in them is one change of the property holding them.
 *
 * The changes come out grouped by section, in the order of the sections in
 * change.ts, and within a section in the order of the new version.
 */
import type { Scheme } from '../scheme/scheme.ts';
import type { Change } from './change.ts';
import { diffFactTypes } from './diff-fact-types.ts';
import { diffCategories, diffFlow } from './diff-flow.ts';
import { diffIndicators } from './diff-indicators.ts';
import { finish, ptr, sameValue, unionKeys } from './diff-util.ts';

/** Compared first, in this order, as a reader expects them. */
const METADATA: readonly string[] = ['id', 'name', 'nameEn', 'jurisdiction', 'year', 'version', 'basedOn', 'description', 'source', 'totalPoints'];
const HANDLED = [
  ...METADATA, '$schema', 'window', 'rounding', 'categories', 'parentCategories', 'factTypes', 'indicators',
  'exemptions', 'selections', 'rankings', 'classifications', 'consequences', 'assumptions',
];

export function diffSchemes(a: Scheme, b: Scheme): Change[] {
  // `$schema` is a path for editors, not part of the scheme, and is ignored
  const out: Change[] = [];
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // a top-level property added to the format after this diff was written is still reported, under its name
  const others = unionKeys(ra, rb, HANDLED);
  for (const field of [...METADATA, ...others]) {
    if (!sameValue(ra[field], rb[field])) out.push(finish({ kind: 'metadata-changed', field, before: ra[field], after: rb[field], pathA: ptr('', field), pathB: ptr('', field) }));
  }
  if (!sameValue(a.window, b.window)) out.push(finish({ kind: 'window-changed', before: a.window, after: b.window, pathA: '/window', pathB: '/window' }));
  if (!sameValue(a.rounding?.total, b.rounding?.total)) {
    out.push(finish({ kind: 'rounding-changed', parameter: 'total', before: a.rounding?.total, after: b.rounding?.total, pathA: '/rounding/total', pathB: '/rounding/total' }));
  }
  out.push(...diffCategories(a, b));
  out.push(...diffFactTypes(a.factTypes, b.factTypes));
  out.push(...diffIndicators(a.indicators, b.indicators));
  out.push(...diffFlow(a, b));
  return out;
}
