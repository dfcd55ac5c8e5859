/**
 * Seeded case facts for a deduction table, derived from the table itself:
 * each fact is drawn for one rule (its type, the values its condition tests,
 * a table row or an amount inside the rule's range), with the rule's modifier
 * conditions set true, false or left out at random, and every field the fact
 * type requires filled in. A share lands where no rule applies (a condition on
 * `$unit` that the chosen unit fails), so "no points" is compared too. The
 * dedupe field gets a distinct value per fact: the comparison is per fact, and
 * one person counted once across facts is a per-unit step no peer has.
 */
import type { AdjustmentRule, Condition, Dataset, Fact, RosterParent, RosterUnit, Scheme } from '../../engine/index.ts';
import { mulberry32 } from '../generate-city-year.ts';
import type { DeductionMethod } from './rule-table.ts';

export interface CaseOptions {
  seed: number;
  facts: number;
  units: number;
  parents: number;
}

interface Leaf {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
}

/** The leaf tests of a condition's `all` (nested `all` flattened); `any` / `not` are left alone. */
export function conjunction(c: Condition | undefined): Leaf[] {
  if (!c) return [];
  const r = c as unknown as Record<string, unknown>;
  if (Array.isArray(r.all)) return (r.all as Condition[]).flatMap(conjunction);
  if (typeof r.fact === 'string' && typeof r.operator === 'string') return [r as unknown as Leaf];
  return [];
}

/** Set a value at a `$.a.b` path inside an object (creating the objects on the way). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.replace(/^\$\.?/, '').split('.');
  let o = target;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) o[k] = value;
    else o = (o[k] ??= {}) as Record<string, unknown>;
  });
}

export function generateCases(scheme: Scheme, method: DeductionMethod, opts: CaseOptions): Dataset {
  const rnd = mulberry32(opts.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const unitCategory = scheme.categories?.[0]?.id;
  const parentCategory = scheme.parentCategories?.[0]?.id;

  // roster: units spread over parents; a tenth carry the attributes the rules test on `$unit` / `$parent`
  const unitTests = method.rules.flatMap((r) => conjunction(r.when)).filter((l) => l.fact === '$unit' && l.operator === 'equal' && l.path);
  const parents: RosterParent[] = Array.from({ length: opts.parents }, (_, i) => ({ id: `g${i + 1}`, name: `集团${i + 1}`, ...(parentCategory ? { category: parentCategory } : {}) }));
  const units: RosterUnit[] = Array.from({ length: opts.units }, (_, i) => {
    const u: RosterUnit = { id: `u${i + 1}`, name: `部室${i + 1}`, parent: (parents[i % opts.parents] as RosterParent).id, ...(unitCategory ? { category: unitCategory } : {}) };
    if (unitTests.length > 0 && rnd() < 0.1) for (const t of unitTests) setPath(u as unknown as Record<string, unknown>, t.path as string, t.value);
    return u;
  });
  const holds = (u: RosterUnit, t: Leaf) => {
    let v: unknown = u;
    for (const k of (t.path as string).replace(/^\$\.?/, '').split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return v === t.value;
  };
  const marked = units.filter((u) => unitTests.every((t) => holds(u, t)));

  const from = Date.parse(scheme.window?.from ?? '2024-01-01');
  const to = Date.parse(scheme.window?.to ?? '2024-12-31');
  const days = Math.max(1, Math.round((to - from) / 86_400_000) + 1);
  const date = () => new Date(from + int(days) * 86_400_000).toISOString().slice(0, 10);
  const types = new Map((scheme.factTypes ?? []).map((t) => [t.id, t]));

  const facts: Fact[] = [];
  for (let i = 0; i < opts.facts; i++) {
    let rule = pick(method.rules) as AdjustmentRule;
    // a parent's fact concerns each of its units: keep them rare, so that evaluations stay close to facts
    while (types.get(rule.factType)?.target === 'parent' && rnd() < 0.9) rule = pick(method.rules) as AdjustmentRule;
    const type = types.get(rule.factType);
    const fact: Fact = { type: rule.factType, id: `k${i + 1}` };
    const leaves = conjunction(rule.when);
    const onUnit = leaves.some((l) => l.fact === '$unit');
    if (type?.target === 'parent') fact.parent = pick(parents).id;
    else fact.unit = (onUnit && marked.length > 0 && rnd() < 0.8 ? pick(marked) : pick(units)).id;
    for (const l of leaves) if (!l.fact.startsWith('$')) assign(fact, l, true);
    const p = rule.points;
    if (p.kind === 'table') fact[p.field] = pick(Object.keys(p.values));
    else if (p.kind === 'range') fact[p.field] = Math.min(p.max, Math.max(p.min, Math.round((p.min + rnd() * (p.max - p.min)) * 10) / 10));
    // each field a modifier tests: its value (55%), the other boolean (25%) or absent
    for (const m of rule.modifiers ?? [])
      for (const l of conjunction(m.when)) {
        const r = rnd();
        if (!l.fact.startsWith('$') && fact[l.fact] === undefined && r < 0.8) assign(fact, l, r < 0.55);
      }
    const declared = (type?.fields.properties ?? {}) as Record<string, unknown>;
    if (method.dedupe && Object.hasOwn(declared, method.dedupe.field)) fact[method.dedupe.field] = `${fact.id}-${method.dedupe.field}`;
    // what the fact type requires and the rule did not set
    const props = (type?.fields.properties ?? {}) as Record<string, { enum?: unknown[]; type?: string }>;
    for (const name of type?.fields.required ?? []) {
      if (fact[name] !== undefined) continue;
      const s = props[name] ?? {};
      fact[name] = name === type?.dateField ? date() : s.enum ? pick(s.enum) : s.type === 'number' || s.type === 'integer' ? 1 : s.type === 'boolean' ? false : `${name}-${i + 1}`;
    }
    if (type?.dateField && fact[type.dateField] === undefined) fact[type.dateField] = date();
    facts.push(fact);
  }
  return { scheme: scheme.id, units, parents, facts };

  /** Give a field the value a test wants (`holds`), or another one it does not. */
  function assign(fact: Fact, l: Leaf, holdsTest: boolean): void {
    const v = l.operator === 'in' && Array.isArray(l.value) ? pick(l.value) : l.value;
    if (holdsTest) fact[l.fact] = v;
    else if (typeof v === 'boolean') fact[l.fact] = !v;
  }
}
