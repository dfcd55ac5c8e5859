import type { Issue } from '../issue.ts';
import type { IndicatorTrace } from '../trace.ts';
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
}

export interface SelectionResult {
  id: string;
  name: string;
  members: Array<{ unit: string; reason: 'top' | 'bottom' | 'carry-over'; place?: number }>;
}

export interface RankingResult {
  id: string;
  name: string;
  groups: Array<{ key: string; entries: RankedEntry[] }>;
}

export interface ClassResult {
  id: string;
  name: string;
  units: string[];
}

export interface ConsequenceResult {
  target: 'parent' | 'unit';
  /** Parent id or unit id the consequence applies to. */
  id: string;
  items: Array<{ consequence: string; name: string; class: string; unit: string; measure?: string; points?: number; note?: string; source: string }>;
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
