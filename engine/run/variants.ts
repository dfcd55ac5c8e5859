import { compileCondition } from '../conditions/index.ts';
import type { RosterUnit } from '../data/dataset.ts';
import type { RosterIndex } from '../facts/facts-index.ts';
import type { ResolvedIndicator, ResolvedVariant } from './resolve-tree.ts';
import { unitScope } from '../facts/scope.ts';

/**
 * The variant each unit takes, per indicator with variants: the first whose
 * condition holds on `$unit` / `$parent`, else the last (the default). Decided
 * once per season from the roster: no fact changes it.
 */
export function chooseVariants(all: readonly ResolvedIndicator[], units: readonly RosterUnit[], roster: RosterIndex): Map<string, Map<string, ResolvedVariant>> {
  const out = new Map<string, Map<string, ResolvedVariant>>();
  for (const r of all) {
    if (r.variants.length === 0) continue;
    const options = r.variants.map((v) => ({ v, when: v.node.when ? compileCondition(v.node.when) : undefined }));
    const chosen = new Map<string, ResolvedVariant>();
    for (const u of units) {
      const scope = unitScope(u, roster.parentOf(u));
      const hit = options.find((o) => o.when === undefined || o.when(scope)) ?? options[options.length - 1];
      if (hit) chosen.set(u.id, hit.v);
    }
    out.set(r.id, chosen);
  }
  return out;
}
