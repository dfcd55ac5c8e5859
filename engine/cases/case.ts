import type { Dataset } from '../data/dataset.ts';

/**
 * A scheme test case: an input data set and the results expected by a person
 * who worked them out from the document. `why` carries the hand computation
 * with the clause it follows; the engine's own output is never the source.
 */
export interface UnitExpectation {
  status?: 'scored' | 'exempt';
  total?: number;
  inTotal?: number;
  outsideTotal?: number;
  /** Indicator id → points. */
  indicators?: Record<string, number>;
  /** Ranking id → rank. */
  ranks?: Record<string, number>;
  /** Exactly these classes (order ignored). */
  classes?: string[];
  selections?: string[];
  why?: string | string[];
}

/** Measure → points, and the reserved `notes`: exactly these notes reach the target (order ignored). */
export type ConsequenceExpectation = { notes?: string[] } & { [measure: string]: number | string[] | undefined };

export interface CaseExpectation {
  /** Whether the run has no error; false for a case that proves bad input is rejected. */
  ok: boolean;
  /** Issues that must be reported (code and path); others may be reported too unless `onlyIssues`. */
  issues?: Array<{ code: string; path?: string }>;
  onlyIssues?: boolean;
  units?: Record<string, UnitExpectation>;
  /** Selection id → size and members that must / must not be in it. */
  selections?: Record<string, { size?: number; includes?: string[]; excludes?: string[] }>;
  /** Class id → exactly these units (order ignored). */
  classes?: Record<string, string[]>;
  /** Target id (parent or unit) → measure → points; `notes`: exactly these consequence notes. */
  consequences?: Record<string, ConsequenceExpectation>;
  /** The hand computation behind the expectations, with the clauses cited. */
  why?: string | string[];
}

export interface SchemeCase {
  name: string;
  description?: string;
  /** Inline data set, or a file name relative to the case file (resolved by the caller). */
  input: Dataset | string;
  /** Use the scheme's shipped roster when the input has no units. */
  useSchemeRoster?: boolean;
  expect: CaseExpectation;
}
