import { formulaLeafInputs } from '../methods/formula.ts';
import type { LeafState } from './leaf-state.ts';

/**
 * A formula that reads other leaves' points (an `indicator` input) is finished
 * after them, and an appended fact of a type they read finishes it again. The
 * order is otherwise the tree's: a scheme without such inputs keeps it exactly.
 * Validation refuses cycles; were one to slip through, its members keep tree order.
 */
export function orderByLeafInputs(leaves: LeafState[], byId: ReadonlyMap<string, LeafState>): void {
  const deps = (ls: LeafState): LeafState[] =>
    ls.method.kind === 'formula' ? formulaLeafInputs(ls.method).flatMap((id) => byId.get(id) ?? []) : [];
  if (!leaves.some((ls) => deps(ls).length > 0)) return;
  const out: LeafState[] = [];
  const seen = new Set<LeafState>();
  const visit = (ls: LeafState): void => {
    if (seen.has(ls)) return;
    seen.add(ls);
    for (const d of deps(ls)) visit(d);
    out.push(ls);
  };
  for (const ls of leaves) visit(ls);
  // the types a formula reads through its leaf inputs, transitively (deps come first in `out`)
  for (const ls of out) {
    const more = deps(ls).flatMap((d) => [...d.types]);
    if (more.length > 0) ls.types = new Set([...ls.types, ...more]);
  }
  leaves.splice(0, leaves.length, ...out);
}
