/**
 * The rule set the peers compare: the largest deduction table among the
 * shipped schemes (`schemes/<id>/scheme.json`), with what each engine needs
 * to run it — the scheme, the method, and the leaf it scores. Read from the
 * scheme files, never written out by hand, so the comparison follows the
 * schemes as they change.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { validateScheme, type MethodOf, type Scheme } from '../../engine/index.ts';
import { flatten, resolveTree, type ResolvedIndicator } from '../../engine/run/resolve-tree.ts';

export type DeductionMethod = MethodOf<'deduction'>;

export interface RuleTable {
  scheme: Scheme;
  /** The indicator whose method is the table. */
  leaf: ResolvedIndicator;
  method: DeductionMethod;
  /** What the bench prints: where the table comes from. */
  label: string;
}

const SCHEMES = new URL('../../schemes/', import.meta.url);

/** Every shipped scheme (the sub-folders of `schemes/` with a scheme.json; `examples` holds tiny teaching schemes). */
export function shippedSchemes(): Scheme[] {
  const out: Scheme[] = [];
  for (const entry of readdirSync(SCHEMES, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'examples') continue;
    let text: string;
    try {
      text = readFileSync(new URL(`${entry.name}/scheme.json`, SCHEMES), 'utf8');
    } catch {
      continue;
    }
    const v = validateScheme(JSON.parse(text) as unknown);
    if (v.ok && v.scheme) out.push(v.scheme);
  }
  return out;
}

/**
 * The deduction table with the most rules; among equals the later scheme year
 * (a newer edition of the same table). `only` picks one scheme by id.
 */
export function largestDeductionTable(only?: string): RuleTable {
  let best: RuleTable | undefined;
  for (const scheme of shippedSchemes()) {
    if (only !== undefined && scheme.id !== only) continue;
    for (const leaf of flatten(resolveTree(scheme))) {
      const m = leaf.node.method;
      if (!m || m.kind !== 'deduction') continue;
      const better =
        !best ||
        m.rules.length > best.method.rules.length ||
        (m.rules.length === best.method.rules.length && scheme.year > best.scheme.year);
      if (better) best = { scheme, leaf, method: m, label: `${scheme.id} ${leaf.pointer} (${leaf.id}, ${m.rules.length} rules)` };
    }
  }
  if (!best) throw new Error(`no deduction table in the shipped schemes${only ? ` (scheme ${only})` : ''}`);
  return best;
}
