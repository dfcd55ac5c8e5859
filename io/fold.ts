/**
 * Folding single-vote records into counts as they are read (see
 * engine/data/fold-plan.ts for which fact types may fold). A record folds only
 * when it has no `id` and passes every per-record check of the engine
 * (known type, target, unsafe values, fields) — the roster look-up is done
 * once at the end on the folded records ({@link Folder.verify}). Any record
 * with a problem is kept as it is, so the engine reports it with today's code
 * at its own file and line. Memory grows with the distinct records (units ×
 * levels × periods), not with the votes.
 */
import { factChecker, type FactChecker, type RosterIds } from '../engine/data/check-fact.ts';
import type { Fact } from '../engine/data/dataset.ts';
import type { FoldPlan, FoldType } from '../engine/data/fold-plan.ts';
import type { Issue } from '../engine/issue.ts';
import type { Scheme } from '../engine/scheme/scheme.ts';

/** Records equal in every field but the count, summed. `line` is the first occurrence's. */
export interface FoldGroup {
  key: string;
  /** The first record of the group (its count field is set to `count` when the data set is built). */
  record: Record<string, unknown>;
  count: number;
  /** How many records were folded into it. */
  records: number;
  file: string;
  line: number;
}

/** The group key: every field but the count, in the record's order, each length-prefixed (no separator can be forged). */
export function foldKey(rec: Record<string, unknown>, countField: string): string {
  let key = '';
  for (const k in rec) {
    if (k === countField || !Object.hasOwn(rec, k)) continue;
    const v = rec[k];
    key += `${k.length}:${k}`;
    if (typeof v === 'string') key += `s${v.length}:${v}`;
    else if (typeof v === 'number') key += `n${v};`;
    else if (typeof v === 'boolean') key += v ? 't' : 'f';
    else if (v === null) key += 'z';
    else {
      const text = JSON.stringify(v);
      key += `o${text.length}:${text}`;
    }
  }
  return key;
}

export class Folder {
  /** Groups in order of first occurrence. */
  readonly groups = new Map<string, FoldGroup>();
  private readonly checker: FactChecker;
  private readonly scratch: Issue[] = [];
  private readonly levels = new Map<string, ReadonlySet<string>>();

  /** `roster`: when already known (a second reading), a record about a unit not in it is kept as it is. */
  constructor(
    readonly scheme: Scheme,
    readonly plan: FoldPlan,
    roster?: RosterIds,
  ) {
    this.checker = factChecker(scheme, roster);
    for (const t of Object.values(plan.types)) this.levels.set(t.type, new Set(t.levels));
  }

  private typeOf(rec: Record<string, unknown>): FoldType | undefined {
    const type = rec.type;
    return typeof type === 'string' && Object.hasOwn(this.plan.types, type) ? this.plan.types[type] : undefined;
  }

  /** The votes a fact record stands for when it may fold, else -1 (kept as it is). */
  votes(rec: Record<string, unknown>): number {
    const t = this.typeOf(rec);
    if (t === undefined || Object.hasOwn(rec, 'id')) return -1;
    const c = rec[t.countField];
    const n = c === undefined ? 1 : typeof c === 'number' && Number.isSafeInteger(c) && c >= 0 ? c : -1;
    if (n < 0) return -1;
    const level = rec[t.levelField];
    if (typeof level !== 'string' || !this.levels.get(t.type)?.has(level)) return -1;
    const verdict = this.checker.check(rec as Fact, 0, this.scratch);
    this.scratch.length = 0;
    return verdict === 'clean' ? n : -1;
  }

  /** Fold a record that {@link votes} accepted; returns its group. */
  add(rec: Record<string, unknown>, n: number, file: string, line: number): FoldGroup {
    const t = this.typeOf(rec) as FoldType;
    const key = foldKey(rec, t.countField);
    const g = this.groups.get(key);
    if (g) {
      g.count += n;
      g.records++;
      return g;
    }
    const group: FoldGroup = { key, record: rec, count: n, records: 1, file, line };
    this.groups.set(key, group);
    return group;
  }

  /** Merge a group folded elsewhere (a reader thread's), in order of first occurrence. */
  merge(from: FoldGroup): void {
    const g = this.groups.get(from.key);
    if (g) {
      g.count += from.count;
      g.records += from.records;
    } else this.groups.set(from.key, { ...from });
  }

  /** Records folded into the groups. */
  recordsFolded(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.records;
    return n;
  }

  /** The folded records, in order of first occurrence, with their counts. */
  folded(): Fact[] {
    const out: Fact[] = [];
    for (const g of this.groups.values()) {
      const t = this.typeOf(g.record) as FoldType;
      out.push({ ...g.record, [t.countField]: g.count } as Fact);
    }
    return out;
  }

  /**
   * Whether every folded record passes the per-record checks with the final
   * roster (targets known, a sum within the number limits). When one does
   * not, the caller reads the data again without folding, so each record is
   * reported at its own line.
   */
  verify(folded: readonly Fact[], units: ReadonlySet<string>, parents: ReadonlySet<string>): boolean {
    const checker = factChecker(this.scheme, { units, parents });
    const issues: Issue[] = [];
    return folded.every((f, i) => checker.check(f, i, issues) === 'clean');
  }
}
