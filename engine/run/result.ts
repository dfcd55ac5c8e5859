import type { Issue } from '../issue.ts';
import type { SelectionReason } from '../scheme/scoring-pool.ts';
import type { FactRef, IndicatorTrace } from '../trace.ts';
import type { RankedEntry } from './rank.ts';

export interface UnitResult {
  unit: string;
  name: string;
  parent?: string;
  category?: string;
  status: 'scored' | 'exempt';
  /** For exempt units: which exemption and the history behind it. */
  exemptBy?: { exemption: string; name: string; years: number[]; source: string };
  /** Sum of the indicators inside the total (≤ totalPoints). */
  inTotal: number;
  /** Sum of the indicators outside the total (bonus items, rewards and penalties). */
  outsideTotal: number;
  /** inTotal + outsideTotal, rounded as the scheme declares. */
  total: number;
  indicators: IndicatorTrace[];
  ranks: Record<string, number>;
  classes: string[];
  selections: string[];
  /** Vetoes (一票否决) this unit is subject to, with the fact and the clause. */
  vetoes?: Array<{ veto: string; name: string; effect: 'force' | 'remove' | 'cap'; fact: FactRef; source: string }>;
}

export interface SelectionResult {
  id: string;
  name: string;
  members: Array<{ unit: string; reason: SelectionReason; place?: number; fact?: FactRef }>;
}

export interface RankingResult {
  id: string;
  name: string;
  groups: Array<{ key: string; entries: RankedEntry[] }>;
}

/** A full tie across a class boundary and what the declared policy did with it. */
export interface ClassTie {
  /** Ranking group key ('*' for an overall ranking). */
  group: string;
  /** Places of the class in this group. */
  places: number;
  /** Every unit of the tie, in ranking order. */
  tied: string[];
  /** Tied units that fell within the places. */
  inside: string[];
  policy: 'include' | 'ranking' | 'exclude' | 'error';
  /** Tied units the class finally holds. */
  taken: string[];
}

export interface ClassResult {
  id: string;
  name: string;
  units: string[];
  ties?: ClassTie[];
  /** Units a veto kept out of this class or put into it, with the fact and the clause. */
  vetoed?: Array<{ unit: string; veto: string; effect: 'force' | 'remove' | 'cap'; fact: FactRef; source: string }>;
}

export interface ConsequenceResult {
  target: 'parent' | 'unit';
  /** Parent id or unit id the consequence applies to. */
  id: string;
  /** Each item comes from a class (`class`) or directly from a fact (`fact`). */
  items: Array<{ consequence: string; name: string; class?: string; fact?: FactRef; unit: string; measure?: string; points?: number; note?: string; source: string }>;
  /** Points per measure, summed over items (e.g. { "考绩": -5 }). */
  totals: Record<string, number>;
}

export interface RunResult {
  ok: boolean;
  issues: Issue[];
  scheme: { id: string; version: string };
  units: UnitResult[];
  selections: SelectionResult[];
  rankings: RankingResult[];
  classes: ClassResult[];
  consequences: ConsequenceResult[];
}
