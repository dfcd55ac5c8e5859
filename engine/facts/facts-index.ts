import type { Dataset, Fact, RosterParent, RosterUnit } from '../data/dataset.ts';
import type { FactRef } from '../trace.ts';

/**
 * A fact in the index: one object per fact (a province holds a million cases).
 * Its reference for traces and problems is made when asked for: most facts
 * never appear in a trace step.
 */
export class IndexedFact {
  constructor(
    readonly fact: Fact,
    readonly index: number,
  ) {}

  get ref(): FactRef {
    const { fact, index } = this;
    return fact.id === undefined ? { index, type: fact.type } : { index, id: fact.id, type: fact.type };
  }
}

/** Why facts are not scored by design: the scheme's declaration (its pointer) in words. */
export interface NotScoredReason {
  /** JSON Pointer into the scheme of the declaration (e.g. a method's `filter`). */
  pointer: string;
  zh: string;
  en: string;
}

interface TypeBucket {
  all: IndexedFact[];
  byUnit: Map<string, IndexedFact[]>;
  byParent: Map<string, IndexedFact[]>;
}

/**
 * Facts grouped once by type and by target, so that each method reads only
 * what concerns a unit: a city-year holds a million records.
 */
export class FactIndex {
  private readonly types = new Map<string, TypeBucket>();
  /**
   * Per fact, how many times a scoring method took it (a fact no rule takes is
   * reported, never dropped silently). Counted, not flagged, so a live season
   * can take back the uses of a unit it folds again.
   */
  private used: Uint32Array;
  /** While set, every use is also written here (a live season keeps each unit's uses to release them later). */
  recorder: number[] | undefined;

  /**
   * `skip`: indexes of facts not to score (voided by a validity rule, or found
   * unusable by the data check); their indexes stay their data pointers.
   * `unusable`: fact type → targets that had an unusable fact, so a method
   * does not also call them missing.
   */
  constructor(
    facts: readonly Fact[],
    skip?: ReadonlySet<number>,
    private readonly unusable: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  ) {
    this.used = new Uint32Array(Math.max(16, facts.length));
    facts.forEach((fact, index) => {
      if (!skip?.has(index)) this.add(fact, index);
    });
  }

  /** Index one more fact (a live append); `index` is its place in the season's fact list. */
  add(fact: Fact, index: number): void {
    if (index >= this.used.length) {
      const grown = new Uint32Array(Math.max(index + 1, this.used.length * 2));
      grown.set(this.used);
      this.used = grown;
    }
    let bucket = this.types.get(fact.type);
    if (!bucket) {
      bucket = { all: [], byUnit: new Map(), byParent: new Map() };
      this.types.set(fact.type, bucket);
    }
    const entry = new IndexedFact(fact, index);
    bucket.all.push(entry);
    if (fact.unit !== undefined) push(bucket.byUnit, fact.unit, entry);
    if (fact.parent !== undefined) push(bucket.byParent, fact.parent, entry);
  }

  /** While set, uses are not counted: a unit folded again only to explain it (its fold counted them already). */
  muted = false;

  /** A method took this fact into a score (or reported it as bad input). */
  use(ref: Pick<FactRef, 'index'>): void {
    if (this.muted) return;
    this.used[ref.index] = (this.used[ref.index] ?? 0) + 1;
    this.recorder?.push(ref.index);
  }

  /** Take back uses recorded earlier (the unit they came from is folded again). */
  release(indexes: readonly number[]): void {
    for (const i of indexes) this.used[i] = (this.used[i] ?? 1) - 1;
  }

  /** Facts a method left out because the scheme says so (a vote filter, a declared unscored record): index → why. */
  private readonly byDesign = new Map<number, NotScoredReason>();

  /**
   * A method passed over this fact as the scheme declares (not an accident): it is then
   * reported once per fact type and reason, not once per fact. The same reason object
   * is given for every fact it covers.
   */
  notScored(ref: Pick<FactRef, 'index'>, reason: NotScoredReason): void {
    this.byDesign.set(ref.index, reason);
  }

  notScoredWhy(index: number): NotScoredReason | undefined {
    return this.byDesign.get(index);
  }

  isUsed(index: number): boolean {
    return (this.used[index] ?? 0) > 0;
  }

  all(type: string): readonly IndexedFact[] {
    return this.types.get(type)?.all ?? [];
  }

  ofUnit(type: string, unit: string): readonly IndexedFact[] {
    return this.types.get(type)?.byUnit.get(unit) ?? [];
  }

  ofParent(type: string, parent: string): readonly IndexedFact[] {
    return this.types.get(type)?.byParent.get(parent) ?? [];
  }

  /** Whether a fact of this type about this unit or parent was left out as unusable (already reported at the fact). */
  hadUnusable(type: string, target: string): boolean {
    return this.unusable.get(type)?.has(target) ?? false;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class RosterIndex {
  readonly units = new Map<string, RosterUnit>();
  readonly parents = new Map<string, RosterParent>();
  readonly unitsOfParent = new Map<string, RosterUnit[]>();
  /** Position in the roster, the last-resort tie-break "roster order". */
  readonly order = new Map<string, number>();

  constructor(dataset: Pick<Dataset, 'units' | 'parents'>) {
    dataset.units.forEach((u, i) => {
      this.units.set(u.id, u);
      this.order.set(u.id, i);
      if (u.parent !== undefined) push(this.unitsOfParent, u.parent, u);
    });
    for (const p of dataset.parents ?? []) this.parents.set(p.id, p);
  }

  /** The roster entry of a unit's parent, for conditions on `$parent`. */
  parentOf(unit: RosterUnit): RosterParent | undefined {
    return unit.parent === undefined ? undefined : this.parents.get(unit.parent);
  }
}
