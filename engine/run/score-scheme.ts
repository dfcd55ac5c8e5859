import { compileCondition } from '../conditions/index.ts';
import { inspectDataset } from '../data/check-dataset.ts';
import { checkDatasetShape } from '../data/dataset-shape.ts';
import type { Dataset, RosterUnit } from '../data/dataset.ts';
import { dataIssue, hasErrors, type Issue } from '../issue.ts';
import { METHODS } from '../methods/registry.ts';
import type { MethodContext, ScoringMethod, UnitScore } from '../methods/method.ts';
import { clean, roundTo } from '../numbers.ts';
import { wordsOf } from '../terms.ts';
import type { Method, MethodKind } from '../scheme/methods/index.ts';
import type { Ranking } from '../scheme/flow.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { IndicatorTrace, Step } from '../trace.ts';
import { classify } from './classify.ts';
import { consequencesOf } from './consequences.ts';
import { reportDroppedFacts } from './dropped-facts.ts';
import { findExemptions } from './exemption.ts';
import { FactIndex, RosterIndex } from './facts-index.ts';
import { rankUnits, type Rankable } from './rank.ts';
import { flatten, resolveTree, type ResolvedIndicator, type ResolvedVariant } from './resolve-tree.ts';
import type { RankingResult, RunResult, SelectionResult, UnitResult } from './result.ts';
import { findNonFinite } from './finite.ts';
import { unitScope } from './scope.ts';
import { select } from './selection.ts';
import { checkValidity } from './validity.ts';
import { findVetoes, matchingFacts } from './veto.ts';

function runMethod<K extends MethodKind>(method: Extract<Method, { kind: K }>, ctx: MethodContext): Map<string, UnitScore> {
  const impl = METHODS[method.kind] as unknown as ScoringMethod<K, unknown>;
  return impl.score(method, ctx);
}

/**
 * Score a dataset under a scheme. Pure: same scheme and data, same result.
 * Order (C. season flow): exemptions → variants of each unit → indicators not tied to a selection →
 * selections → indicators of selected units → totals → rankings → classes →
 * consequences. Input problems come back as issues; `ok` is false if any is an error.
 * The scheme is assumed valid (see validateScheme).
 *
 * A clerk sees every problem of a data set in one run: the data check and
 * the methods' own checks (ranges, quotas, missing scores, ties) all run, with
 * the facts the data check found unusable left out. A run with an error
 * returns its issues and no scores, ranks or classes: numbers computed from
 * broken input must not be read as a result.
 */
export function scoreScheme(scheme: Scheme, data: Dataset): RunResult {
  const shape = checkDatasetShape(data);
  if (shape.length > 0) return failed(scheme, shape);
  const checked = inspectDataset(scheme, data);
  const issues: Issue[] = [];
  // one problem, one report: a parent's fact read for each of its units is reported once, at the fact
  // (the same code, place and wording; two different problems at one place are both kept)
  const reported = new Set<string>();
  const report = (i: Issue) => {
    const key = `${i.code}\u0000${i.path}\u0000${i.message.en}`;
    if (reported.has(key)) return;
    reported.add(key);
    issues.push(i);
  };
  checked.issues.forEach(report);
  if (data.scheme !== undefined && data.scheme !== scheme.id) {
    report(dataIssue('scheme-mismatch', '/scheme', `数据是为方案 ${data.scheme} 准备的,不是 ${scheme.id}`, `data was prepared for scheme ${data.scheme}, not ${scheme.id}`, 'warning'));
  }
  const result = run(scheme, data, checked, report, issues);
  const broken = findNonFinite(result);
  if (broken) report(dataIssue('non-finite-result', broken, '计算结果不是有限的数,请检查数据中的数值', 'a computed number is not finite; check the numbers in the data'));
  return hasErrors(issues) ? failed(scheme, issues) : result;
}

function failed(scheme: Scheme, issues: Issue[]): RunResult {
  return { ok: false, issues, scheme: { id: scheme.id, version: scheme.version }, units: [], selections: [], rankings: [], classes: [], consequences: [] };
}

function run(scheme: Scheme, data: Dataset, checked: ReturnType<typeof inspectDataset>, report: (i: Issue) => void, issues: Issue[]): RunResult {
  const words = wordsOf(scheme);
  const roster = new RosterIndex(data);
  // validity rules decide whether the season counts and which ballots are void; facts the data check
  // rejected are seen as bare records of their type (counted, no fields read: their values are not safe to read)
  const seen = { ...data, facts: data.facts.map((f, i) => (checked.unusable.has(i) ? { type: f.type } : f)) };
  const validity = checkValidity(scheme, seen);
  validity.issues.forEach(report);
  const skipped = new Set([...checked.unusable, ...validity.voided]);
  const facts = new FactIndex(data.facts, skipped, checked.unusableTargets);
  const roots = resolveTree(scheme);
  const all = flatten(roots);
  const exempt = findExemptions(scheme, data, roster);
  const scoredUnits = data.units.filter((u) => !exempt.has(u.id));
  const leafScores = new Map<string, Map<string, UnitScore>>();
  const byIndicatorId = new Map(all.map((r) => [r.id, r]));

  // the variant each unit takes, per indicator with variants: the first whose condition holds on $unit / $parent
  const variantOf = new Map<string, Map<string, ResolvedVariant>>();
  for (const r of all) {
    if (r.variants.length === 0) continue;
    const options = r.variants.map((v) => ({ v, when: v.node.when ? compileCondition(v.node.when) : undefined }));
    const chosen = new Map<string, ResolvedVariant>();
    for (const u of data.units) {
      const scope = unitScope(u, roster.parentOf(u));
      const hit = options.find((o) => o.when === undefined || o.when(scope)) ?? options[options.length - 1];
      if (hit) chosen.set(u.id, hit.v);
    }
    variantOf.set(r.id, chosen);
  }
  /** Whether a unit takes every variant this indicator lies inside (always, outside variants). */
  const applies = (r: ResolvedIndicator, unit: string): boolean => r.within.every((w) => variantOf.get(w.indicator)?.get(unit)?.id === w.variant);

  const scoreLeaf = (leaf: ResolvedIndicator, candidates: readonly RosterUnit[]) => {
    const method = leaf.node.method;
    if (!method) return;
    // a leaf inside a variant scores (and takes population figures from) only the units of that variant
    const units = leaf.within.length === 0 ? candidates : candidates.filter((u) => applies(leaf, u.id));
    leafScores.set(leaf.id, runMethod(method, { leaf: { id: leaf.id, name: leaf.name, max: leaf.max, pointer: leaf.pointer }, units, facts, roster, words, report }));
  };
  for (const leaf of all) if (leaf.requires === undefined) scoreLeaf(leaf, scoredUnits);

  // value of an indicator for a unit, from its leaves (aggregates computed on demand)
  const selected = new Map<string, Set<string>>();
  const traceOf = (r: ResolvedIndicator, unit: string): IndicatorTrace => {
    const base = { id: r.id, name: r.name, max: r.max, outsideTotal: r.outsideTotal };
    if (r.node.requires && !selected.get(r.node.requires.selection)?.has(unit)) {
      const p = r.node.requires.otherwise;
      const points =
        p.kind === 'zero' ? 0 : p.kind === 'fixed' ? p.points : clean((r.max * valueOf(p.basis, unit)) / (byIndicatorId.get(p.basis)?.max ?? 1));
      const step: Step = { kind: 'not-selected', selection: r.node.requires.selection, policy: p.kind, points, ...(p.source ? { source: p.source } : {}) };
      return { ...base, points, steps: [step] };
    }
    let points: number;
    let steps: Step[];
    let children: IndicatorTrace[] | undefined;
    const variant = r.variants.length === 0 ? undefined : (variantOf.get(r.id)?.get(unit) ?? r.variants[r.variants.length - 1]);
    const kids = variant ? variant.children : r.children;
    if (kids.length > 0) {
      children = kids.map((c) => traceOf(c, unit));
      const mode = r.node.aggregate ?? 'sum';
      const total = children.reduce((a, c) => a + c.points, 0);
      points = clean(mode === 'sum' ? total : total / children.length);
      steps = [{ kind: 'aggregate', mode, parts: children.map((c) => ({ indicator: c.id, points: c.points })), points }];
      if (variant) {
        const v = variant.node;
        steps.unshift({ kind: 'variant', indicator: r.id, variant: v.id, name: v.name, default: v.when === undefined, ...(v.source ? { source: v.source } : {}) });
      }
    } else {
      const s = leafScores.get(r.id)?.get(unit);
      points = s?.points ?? 0;
      steps = s ? [...s.steps] : [];
    }
    if (r.node.rounding) {
      const after = roundTo(points, r.node.rounding.digits, r.node.rounding.mode);
      if (after !== points) steps.push({ kind: 'round', digits: r.node.rounding.digits, mode: r.node.rounding.mode, before: points, after, ...(r.node.rounding.source ? { source: r.node.rounding.source } : {}) });
      points = after;
    }
    return children ? { ...base, points, steps, children } : { ...base, points, steps };
  };
  const valueCache = new Map<string, number>();
  /** Points of an indicator for a unit; 0 for an indicator inside a variant the unit does not take. */
  const valueOf = (indicator: string, unit: string): number => {
    const key = `${indicator}\u0000${unit}`;
    let v = valueCache.get(key);
    if (v === undefined) {
      const r = byIndicatorId.get(indicator);
      v = r && applies(r, unit) ? traceOf(r, unit).points : 0;
      valueCache.set(key, v);
    }
    return v;
  };

  const rankables = (units: readonly RosterUnit[], basis: { kind: 'total' } | { kind: 'indicator'; id: string }, totals?: Map<string, number>): Rankable[] =>
    units.map((u) => ({
      unit: u.id,
      value: basis.kind === 'total' ? (totals?.get(u.id) ?? 0) : valueOf(basis.id, u.id),
      keys: (id: string) => valueOf(id, u.id),
      order: roster.order.get(u.id) ?? 0,
    }));

  const selections: SelectionResult[] = [];
  for (const s of scheme.selections ?? []) {
    const listed = s.listed ? matchingFacts(facts, roster, scoredUnits, s.listed.factType, s.listed.when) : undefined;
    const res = select(s, scheme, rankables(scoredUnits, s.basis), data, listed);
    selections.push(res);
    selected.set(s.id, new Set(res.members.map((m) => m.unit)));
  }
  for (const leaf of all) {
    if (leaf.requires === undefined) continue;
    const members = selected.get(leaf.requires) ?? new Set();
    scoreLeaf(leaf, scoredUnits.filter((u) => members.has(u.id)));
  }
  valueCache.clear();

  const selectionsOf = new Map<string, string[]>();
  for (const s of selections) for (const m of s.members) selectionsOf.set(m.unit, [...(selectionsOf.get(m.unit) ?? []), s.id]);

  // a fact the data check already reported (unknown unit, duplicate…) is not reported again as dropped
  const flagged = new Set(checked.issues.map((i) => /^\/facts\/(\d+)/.exec(i.path)?.[1]).filter((x) => x !== undefined));
  for (const i of reportDroppedFacts(scheme, data, all, facts, exempt, skipped)) if (!flagged.has(/^\/facts\/(\d+)/.exec(i.path)?.[1] ?? '')) report(i);

  const units: UnitResult[] = [];
  const totals = new Map<string, number>();
  for (const u of data.units) {
    const meta = { unit: u.id, name: u.name, ...(u.parent ? { parent: u.parent } : {}), ...(u.category ? { category: u.category } : {}) };
    const ex = exempt.get(u.id);
    if (ex) {
      units.push({ ...meta, status: 'exempt', exemptBy: ex, inTotal: 0, outsideTotal: 0, total: 0, indicators: [], ranks: {}, classes: [], selections: [] });
      continue;
    }
    const indicators = roots.map((r) => traceOf(r, u.id));
    const inTotal = clean(indicators.filter((t) => !t.outsideTotal).reduce((a, t) => a + t.points, 0));
    const outside = clean(indicators.filter((t) => t.outsideTotal).reduce((a, t) => a + t.points, 0));
    const rounding = scheme.rounding?.total;
    const total = rounding ? roundTo(inTotal + outside, rounding.digits, rounding.mode) : clean(inTotal + outside);
    totals.set(u.id, total);
    const sel = selectionsOf.get(u.id) ?? [];
    units.push({ ...meta, status: 'scored', inTotal, outsideTotal: outside, total, indicators, ranks: {}, classes: [], selections: sel });
  }

  const byId = new Map(units.map((u) => [u.unit, u]));
  const rankings: RankingResult[] = [];
  for (const rk of scheme.rankings) {
    const pool = poolOf(rk.pool, scoredUnits, selections);
    const groups = new Map<string, RosterUnit[]>();
    for (const u of pool) {
      const key = rk.groupBy === 'category' ? (u.category ?? '') : '*';
      const list = groups.get(key);
      if (list) list.push(u);
      else groups.set(key, [u]);
    }
    const result: RankingResult = { id: rk.id, name: rk.name, groups: [] };
    for (const [key, members] of groups) {
      const { entries, unresolvedTies } = rankUnits(rankables(members, rk.basis, totals), rk.tieBreak);
      for (const tie of unresolvedTies) {
        report(dataIssue('unresolved-tie', `/units/${roster.order.get(tie[0] as string) ?? ''}`, `排名“${rk.name}”中 ${tie.join('、')} 成绩完全相同,方案规定不得并列(${rk.tieBreak.source ?? rk.source})`, `ranking ${rk.id}: units ${tie.join(', ')} are tied and the scheme forbids ties`));
      }
      result.groups.push({ key, entries });
      for (const e of entries) {
        const ur = byId.get(e.unit);
        if (ur) ur.ranks[rk.id] = e.rank;
      }
    }
    rankings.push(result);
  }
  const vetoes = findVetoes(scheme.vetoes ?? [], facts, roster, scoredUnits);
  for (const [unit, hits] of vetoes) {
    const ur = byId.get(unit);
    if (ur) ur.vetoes = hits.map((h) => ({ veto: h.veto, name: h.name, effect: h.effect.kind, fact: h.fact, source: h.source }));
  }
  const classes = classify({
    classes: scheme.classifications ?? [],
    rankingDefs: scheme.rankings,
    rankings,
    history: data.history ?? [],
    year: scheme.year,
    scored: scoredUnits.map((u) => u.id),
    value: (basis, unit) => (basis.kind === 'total' ? (totals.get(unit) ?? 0) : valueOf(basis.id, unit)),
    vetoes,
    order: roster.order,
    report,
  });
  for (const c of classes) for (const id of c.units) byId.get(id)?.classes.push(c.id);
  const consequences = consequencesOf(scheme.consequences ?? [], classes, roster, facts, scoredUnits);
  return { ok: !hasErrors(issues), issues, scheme: { id: scheme.id, version: scheme.version }, units, selections, rankings, classes, consequences };
}

/** Who a ranking ranks: every scored unit, or the members of a selection (only those that entered by the listed reasons). */
function poolOf(pool: Ranking['pool'], scored: readonly RosterUnit[], selections: readonly SelectionResult[]): RosterUnit[] {
  switch (pool.kind) {
    case 'all':
      return [...scored];
    case 'selection': {
      const sel = selections.find((x) => x.id === pool.id);
      const ids = new Set((sel?.members ?? []).filter((m) => pool.reasons === undefined || pool.reasons.includes(m.reason)).map((m) => m.unit));
      return scored.filter((u) => ids.has(u.id));
    }
    default: {
      const never: never = pool;
      return never;
    }
  }
}
