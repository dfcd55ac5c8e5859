/**
 * The input of a scoring run: who is evaluated (roster), what happened (facts),
 * and what earlier years decided (history). Plain JSON so that any file format
 * (JSON, NDJSON, CSV) can be loaded into it by the CLI or the server.
 */
export interface RosterUnit {
  /** Stable id, unique in the roster. */
  id: string;
  name: string;
  /** The parent (主管单位 / 集团) id; absent for units evaluated on their own. */
  parent?: string;
  /** One of the scheme's unit category ids. */
  category?: string;
  /** Free attributes a condition may test, e.g. `{ "hasWindow": true }`. */
  attributes?: Record<string, unknown>;
}

export interface RosterParent {
  id: string;
  name: string;
  /** One of the scheme's parent category ids (e.g. city organ vs SOE for hotline ranking). */
  category?: string;
  attributes?: Record<string, unknown>;
}

export interface Roster {
  units: RosterUnit[];
  parents?: RosterParent[];
}

/**
 * One recorded fact. `type` names a fact type declared by the scheme; a fact
 * type targets either a unit (`unit` is set) or a parent (`parent` is set).
 * Every other property is a field validated by the fact type's JSON Schema.
 */
export interface Fact {
  type: string;
  id?: string;
  unit?: string;
  parent?: string;
  [field: string]: unknown;
}

/** What an earlier year decided for a unit, e.g. last year's `{ unit, year, outcome: "satisfied" }`. */
export interface HistoryRecord {
  unit: string;
  year: number;
  /** A classification id of the scheme (e.g. `satisfied`, `dissatisfied`). */
  outcome: string;
}

export interface Dataset extends Roster {
  /** Optional scheme id the data was prepared for; checked when present. */
  scheme?: string;
  facts: Fact[];
  history?: HistoryRecord[];
}
