import type { Dataset, Fact } from '../data/dataset.ts';
import { dataIssue, type Issue } from '../issue.ts';
import { methodFactTypes } from '../methods/fact-types.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { FactIndex } from './facts-index.ts';
import type { ResolvedIndicator } from './resolve-tree.ts';

/**
 * Nothing is dropped silently: a fact of a type some scoring method reads that no
 * method took (a unit not scored for that indicator, a unit outside the round, a
 * condition that matched no rule) is a warning at the fact, saying why when we know.
 */
export function reportDroppedFacts(
  scheme: Scheme,
  data: Dataset,
  leaves: readonly ResolvedIndicator[],
  facts: FactIndex,
  exempt: ReadonlyMap<string, { name: string }>,
  voided: ReadonlySet<number>,
  /** Only these facts (a live append's), instead of every fact of the data set. */
  only?: Iterable<number>,
): Issue[] {
  const readBy = new Map<string, string[]>();
  for (const leaf of leaves) {
    if (!leaf.node.method) continue;
    for (const [type] of methodFactTypes(leaf.node.method, leaf.pointer)) readBy.set(type, [...(readBy.get(type) ?? []), leaf.name]);
  }
  const names = new Map(scheme.factTypes.map((t) => [t.id, t.name]));
  const out: Issue[] = [];
  const look = (f: Fact, i: number): void => {
    const by = readBy.get(f.type);
    if (!by || voided.has(i) || facts.isUsed(i)) return;
    const at = `/facts/${i}`;
    const ex = f.unit === undefined ? undefined : exempt.get(f.unit);
    if (ex) {
      out.push(dataIssue('fact-of-exempt-unit', at, `单位 ${f.unit} 属“${ex.name}”,不参加评议:这条“${names.get(f.type) ?? f.type}”不计分`, `unit ${f.unit} is exempt (${ex.name}); this ${f.type} fact is not scored`, 'warning'));
      return;
    }
    out.push(
      dataIssue(
        'fact-unused',
        at,
        `这条“${names.get(f.type) ?? f.type}”没有被任何计分规则采用(${[...new Set(by)].join('、')}):单位不适用该指标、不在本轮评议范围,或不符合任何规则的条件,不计分`,
        `no scoring rule took this ${f.type} fact (read by ${[...new Set(by)].join(', ')}): the unit does not take that indicator, is outside the round, or the fact matches no rule's condition`,
        'warning',
      ),
    );
  };
  if (only === undefined) data.facts.forEach(look);
  else for (const i of only) if (data.facts[i] !== undefined) look(data.facts[i] as Fact, i);
  return out;
}
