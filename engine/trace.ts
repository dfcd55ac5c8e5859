/**
 * The explanation of a run. Each step of an indicator's trace says what moved
 * the number: a fact matched a rule, a cap or floor clipped it, a blend or
 * rounding changed it. `points` of the trace is reproducible from the steps.
 */
export interface FactRef {
  /** Index into the dataset's facts, so `/facts/<index>` points at it. */
  index: number;
  id?: string;
  type: string;
}

export type Step =
  | { kind: 'votes'; counts: Record<string, number>; total: number; ratio: number; points: number }
  | { kind: 'no-votes'; policy: 'zero' | 'population-mean' | 'full' | 'small-sample'; points: number; source?: string }
  | {
      kind: 'blend';
      votes: number;
      minVotes: number;
      own: number;
      populationMean: number;
      populationWeight: number;
      ownWeight: number;
      points: number;
      source: string;
    }
  | { kind: 'volume-weight'; volume: number | null; factor: number; before: number; after: number; source: string }
  | { kind: 'base'; base: number }
  | {
      kind: 'rule';
      rule: string;
      name: string;
      source: string;
      fact: FactRef;
      /** Points of the rule before modifiers and quantity. */
      base: number;
      quantity: number;
      modifiers: Array<{ id: string; name: string; factor: number; source: string }>;
      /** Signed contribution to the indicator: negative for a deduction. */
      points: number;
      group?: string;
    }
  | { kind: 'exempt'; rule: string; modifier: string; name: string; source: string; fact: FactRef }
  | { kind: 'deduped'; rule: string; fact: FactRef; key: string; keptFact: FactRef; source: string }
  | { kind: 'group-cap'; group: string; name: string; raw: number; cap: number; applied: number; source: string }
  | { kind: 'cap'; before: number; after: number; cap: number; source?: string }
  | { kind: 'floor'; before: number; after: number; floor: number; source?: string }
  | { kind: 'scale'; from: number; to: number; before: number; after: number }
  | { kind: 'round'; digits: number; mode: string; before: number; after: number; source?: string }
  | { kind: 'grade'; grade: string; name: string; score?: number; points: number; fact?: FactRef }
  | {
      kind: 'rank-deduction';
      parent: string;
      group: string;
      score: number | null;
      rank: number | null;
      /** Parents ranked in the group; null when the rank was reported by the ranking body. */
      of: number | null;
      freeTop: number;
      perPlace: number;
      deduction: number;
      points: number;
      source: string;
    }
  | { kind: 'reported'; values: Array<{ fact: FactRef; value: number }>; combine: string; result: number; scale?: number; points: number }
  | {
      kind: 'period-grade';
      period: string;
      preliminary: string | null;
      adjustment: number;
      score: number;
      rank: number;
      of: number;
      grade: string;
      points: number;
    }
  | { kind: 'missing'; policy: string; points: number }
  /** A computed value's input for this unit, and how it was found. */
  | { kind: 'formula-input'; name: string; label: string; value: number | boolean | null; detail: string; date?: true }
  /** One operation of a computed value, in the order computed: the text, the values put in, the result. */
  | { kind: 'formula-op'; text: string; with: string; value: number | boolean; date?: true }
  | { kind: 'formula-result'; expression: string; value: number }
  | { kind: 'aggregate'; mode: 'sum' | 'mean'; parts: Array<{ indicator: string; points: number }>; points: number }
  | { kind: 'not-selected'; selection: string; policy: string; points: number; source?: string }
  /** The pool of a selection this unit was scored in, apart from the other members (its own mean, quota, ranks). */
  | { kind: 'pool'; selection: string; pool: string; name: string; members: number; source: string }
  /** The variant of an indicator this unit takes (its children follow); `default` when no condition chose it. */
  | { kind: 'variant'; indicator: string; variant: string; name: string; default: boolean; source?: string };

export interface IndicatorTrace {
  id: string;
  name: string;
  max: number;
  points: number;
  outsideTotal: boolean;
  steps: Step[];
  children?: IndicatorTrace[];
}
