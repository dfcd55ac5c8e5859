import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { wordsOf } from '../terms.ts';
import { listValues } from '../validate/ajv-messages.ts';
import { findUnsafeValue } from '../validate/reserved-keys.ts';
import { factChecker, unsafeIssue } from './check-fact.ts';
import type { Dataset, Fact } from './dataset.ts';

export { isCalendarDate } from './check-fact.ts';

export interface DatasetInspection {
  issues: Issue[];
  /**
   * Indices of facts whose own content is broken (unknown type, no target,
   * fields against the fact type, unsafe values): reported here and left out
   * of scoring, so the methods neither trip over them nor report them again.
   */
  unusable: Set<number>;
  /** Fact type → unit or parent ids that had an unusable fact of it (a missing score there is not news). */
  unusableTargets: Map<string, Set<string>>;
}

/**
 * Check a dataset against a scheme before scoring: roster references, fact
 * types, targets, field schemas and time windows. Every problem points at the
 * exact place in the data (`/facts/12/amount`).
 */
export function checkDataset(scheme: Scheme, data: Dataset): Issue[] {
  return inspectDataset(scheme, data).issues;
}

export function inspectDataset(scheme: Scheme, data: Dataset): DatasetInspection {
  const issues: Issue[] = [];
  const unusable = new Set<number>();
  const unusableTargets = new Map<string, Set<string>>();
  const words = wordsOf(scheme);
  const unitIds = new Set<string>();
  const parentIds = new Set<string>();
  const categories = new Set(scheme.categories.map((c) => c.id));
  const parentCategories = new Set((scheme.parentCategories ?? []).map((c) => c.id));

  (data.parents ?? []).forEach((p, i) => {
    if (parentIds.has(p.id)) issues.push(dataIssue('duplicate-parent', joinPointer('', 'parents', i, 'id'), `${words.parent}标识 ${p.id} 重复`, `duplicate parent id ${p.id}`));
    parentIds.add(p.id);
    if (p.category !== undefined && !parentCategories.has(p.category)) {
      issues.push(dataIssue('unknown-parent-category', joinPointer('', 'parents', i, 'category'), `${words.parent}类别 ${p.category} 未在方案中定义`, `parent category ${p.category} is not declared by the scheme`));
    }
    const bad = findUnsafeValue(p.attributes, joinPointer('', 'parents', i, 'attributes'));
    if (bad) issues.push(unsafeIssue(bad));
  });
  data.units.forEach((u, i) => {
    if (unitIds.has(u.id)) issues.push(dataIssue('duplicate-unit', joinPointer('', 'units', i, 'id'), `${words.unit}标识 ${u.id} 重复`, `duplicate unit id ${u.id}`));
    unitIds.add(u.id);
    if (u.parent !== undefined && !parentIds.has(u.parent)) {
      issues.push(dataIssue('unknown-parent', joinPointer('', 'units', i, 'parent'), `${words.parent} ${u.parent} 不在名单中`, `parent ${u.parent} is not in the roster`));
    }
    if (u.category !== undefined && !categories.has(u.category)) {
      issues.push(dataIssue('unknown-category', joinPointer('', 'units', i, 'category'), `类别 ${u.category} 未在方案中定义`, `category ${u.category} is not declared by the scheme`));
    }
    const bad = findUnsafeValue(u.attributes, joinPointer('', 'units', i, 'attributes'));
    if (bad) issues.push(unsafeIssue(bad));
  });

  const checker = factChecker(scheme, { units: unitIds, parents: parentIds });
  const keys = new UniqueKeys();
  const keyCheck = (f: Fact, i: number, ft: FactType) => keys.check(f, i, ft, issues);
  const facts = data.facts;
  for (let i = 0; i < facts.length; i++) {
    if (checker.check(facts[i] as Fact, i, issues, keyCheck) !== 'unusable') continue;
    unusable.add(i);
    const t = checker.unusableTarget;
    if (t === undefined) continue;
    let set = unusableTargets.get(t.type);
    if (!set) unusableTargets.set(t.type, (set = new Set()));
    set.add(t.target);
  }

  const outcomes = outcomesOf(scheme);
  (data.history ?? []).forEach((h, i) => {
    if (!unitIds.has(h.unit)) {
      issues.push(dataIssue('history-unknown-unit', joinPointer('', 'history', i, 'unit'), `历史记录中的${words.unit} ${h.unit} 不在今年名单中,已忽略`, `history unit ${h.unit} is not in this year's roster; ignored`, 'warning'));
    }
    if (!outcomes.has(h.outcome)) {
      const list = listValues([...outcomes]);
      issues.push(
        dataIssue(
          'unknown-outcome',
          joinPointer('', 'history', i, 'outcome'),
          `历史结果“${h.outcome}”不是本方案的等次(应为以下之一:${list.zh || '本方案没有等次'})`,
          `history outcome "${h.outcome}" is not a classification of this scheme (one of: ${list.en || 'none declared'})`,
        ),
      );
    }
  });
  return { issues, unusable, unusableTargets };
}

/**
 * Uniqueness keys (a fact type's `key`): the second record with the same key is
 * `duplicate-fact`, never first-wins or averaged in. Kept by a live season too,
 * so an appended record is checked against every record before it.
 */
export class UniqueKeys {
  private readonly seen = new Map<string, number>();

  /** `below`: keys already committed (a live season's), looked up but not changed. */
  constructor(private readonly below?: UniqueKeys) {}

  /** Record fact `i`'s key, or report it as a duplicate of the first with that key. */
  check(f: Fact, i: number, ft: FactType, issues: Issue[]): void {
    if (!ft.key) return;
    const key = `${ft.id}\u0000${JSON.stringify(ft.key.map((k) => f[k] ?? null))}`;
    const first = this.first(key);
    if (first === undefined) {
      this.seen.set(key, i);
      return;
    }
    const what = ft.key.map((k) => `${k}=${String(f[k])}`).join(', ');
    issues.push(dataIssue('duplicate-fact', `/facts/${i}`, `“${ft.name}”重复:${what} 已见于 /facts/${first}(唯一键 ${ft.key.join(' + ')})`, `duplicate ${ft.id}: ${what} already at /facts/${first} (key ${ft.key.join(' + ')})`));
  }

  /** Keys of a batch on top of these, to be committed only when the batch is taken. */
  layer(): UniqueKeys {
    return new UniqueKeys(this);
  }

  /** Take a layer's keys into the one below it. */
  commit(): void {
    if (this.below) for (const [k, v] of this.seen) this.below.seen.set(k, v);
  }

  private first(key: string): number | undefined {
    return this.seen.get(key) ?? this.below?.first(key);
  }
}

/** The outcomes a history record may hold: this scheme's classification ids (what its exemptions and carry-overs read). */
function outcomesOf(scheme: Scheme): Set<string> {
  return new Set((scheme.classifications ?? []).map((c) => c.id));
}

