import type { Dataset, Fact } from '../data/dataset.ts';
import { dataIssue, type Issue } from '../issue.ts';
import { methodFactTypes } from '../methods/fact-types.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { unreadFactTypes } from '../scheme/unread-fact-types.ts';
import type { FactIndex, NotScoredReason } from '../facts/facts-index.ts';
import type { ResolvedIndicator } from './resolve-tree.ts';

/**
 * Nothing is dropped silently (a fact left out as the scheme declares is counted per type and reason): a fact of a type some scoring method reads that no
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
  // one message per fact type, shared by its warnings (a province has a hundred thousand of them)
  const unused = new Map<string, Issue['message']>();
  for (const [type, by] of readBy) {
    const readers = [...new Set(by)];
    unused.set(type, {
      zh: `这条“${names.get(type) ?? type}”没有被任何计分规则采用(${readers.join('、')}):单位不适用该指标、不在本轮评议范围,或不符合任何规则的条件,不计分`,
      en: `no scoring rule took this ${type} fact (read by ${readers.join(', ')}): the unit does not take that indicator, is outside the round, or the fact matches no rule's condition`,
    });
  }
  const out: Issue[] = [];
  const look = (f: Fact, i: number): void => {
    const message = unused.get(f.type);
    if (message === undefined || voided.has(i) || facts.isUsed(i)) return;
    const at = `/facts/${i}`;
    const ex = f.unit === undefined ? undefined : exempt.get(f.unit);
    if (ex) {
      out.push(dataIssue('fact-of-exempt-unit', at, `单位 ${f.unit} 属“${ex.name}”,不参加评议:这条“${names.get(f.type) ?? f.type}”不计分`, `unit ${f.unit} is exempt (${ex.name}); this ${f.type} fact is not scored`, 'warning'));
      return;
    }
    const why = facts.notScoredWhy(i);
    if (why !== undefined) {
      const key = `${f.type}\u0000${why.pointer}`;
      const t = byDesign.get(key);
      if (t) t.count++;
      else byDesign.set(key, { type: f.type, why, first: i, count: 1 });
      return;
    }
    out.push({ code: 'fact-unused', path: at, message, severity: 'warning', source: 'data' });
  };
  // left out as the scheme declares (a vote filter…): one warning per fact type and reason with the count
  const byDesign = new Map<string, { type: string; why: NotScoredReason; first: number; count: number }>();
  // facts of a type nothing reads: one warning per type with the count (a million records are one mistake, not a million)
  const unread = new Map(unreadFactTypes(scheme).map((t) => [t.id, { first: -1, count: 0 }]));
  const tally = (f: Fact, i: number): void => {
    const t = unread.get(f.type);
    if (t === undefined || voided.has(i)) return;
    if (t.first < 0) t.first = i;
    t.count++;
  };
  if (only === undefined) {
    data.facts.forEach(look);
    if (unread.size > 0) data.facts.forEach(tally);
  } else {
    for (const i of only) {
      const f = data.facts[i];
      if (f === undefined) continue;
      look(f, i);
      tally(f, i);
    }
  }
  for (const t of byDesign.values()) {
    const name = names.get(t.type) ?? t.type;
    out.push(
      dataIssue(
        'facts-not-scored-by-design',
        `/facts/${t.first}`,
        `${t.count} 条“${name}”记录(第一条在此)按方案规定不计分:${t.why.zh}`,
        `${t.count} ${t.type} fact(s) (the first here) are not scored, as the scheme declares at ${t.why.pointer}: ${t.why.en}`,
        'warning',
      ),
    );
  }
  for (const [type, t] of unread) {
    if (t.count === 0) continue;
    const name = names.get(type) ?? type;
    out.push(
      dataIssue(
        'facts-of-unread-type',
        `/facts/${t.first}`,
        `${t.count} 条“${name}”记录(第一条在此)不计分:方案中没有任何规则读取这一事实类型`,
        `${t.count} ${type} fact(s) (the first here) are not scored: no rule of the scheme reads that fact type`,
        'warning',
      ),
    );
  }
  return out;
}
