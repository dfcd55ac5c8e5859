/** The records kept in the lowdb document. Facts and run results are files, never here. */
import type { Issue } from '../../engine/index.ts';

export type Role = 'viewer' | 'drafter' | 'publisher' | 'data-entry' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'drafter', 'publisher', 'data-entry', 'admin'];

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface SchemeRecord {
  id: string;
  name: string;
  jurisdiction: string;
  year: number;
  readme?: string;
  sourceText?: string;
  /** Names of the case files kept in the data folder (schemes/<id>/cases/). */
  cases: string[];
  hasRoster: boolean;
}

export interface VersionRecord {
  id: string;
  version: string;
  status: VersionStatus;
  revision: number;
  hash?: string;
  basedOn?: { id: string; version: string };
  updatedAt: string;
  updatedBy: string;
  problemCount: { errors: number; warnings: number };
  document: unknown;
  /**
   * The engine's next-year notes, kept with the draft drafted by next-year: each
   * stays open until the value at its pointer changed from `was` (fixed) or
   * someone acknowledged it.
   */
  notes?: DraftNote[];
  /** The text of this version's official document (pasted or uploaded), whose clauses the rules cite. */
  clauseText?: string;
}

export type DraftNote = Issue & { was: unknown; acknowledged?: { by: string; at: string } };

/** A version as the API lists it: without its document, its notes counted (version-core.ts metaOf). */
export type VersionMeta = Omit<VersionRecord, 'document' | 'notes' | 'clauseText'> & { openNotes?: number; hasClauseText?: boolean };

export interface UserRecord {
  username: string;
  roles: Role[];
  /** scrypt parameters and output, hex. */
  salt: string;
  hash: string;
  createdAt: string;
  /** A disabled user cannot log in; its sessions and tokens were ended when it was disabled. Absent = enabled. */
  disabled?: boolean;
}

/** Sessions and tokens are stored by the sha256 of their secret: a leaked store file logs nobody in. */
export interface SessionRecord {
  key: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

/**
 * A script token. `id` names it in lists and in `DELETE /api/tokens/:id` (never the secret). `id`, `name`
 * and `expiresAt` are absent on tokens made before tokens had a lifecycle: auth/tokens.ts reads them.
 */
export interface TokenRecord {
  key: string;
  username: string;
  createdAt: string;
  id?: string;
  name?: string;
  expiresAt?: string;
}

export interface DatasetMeta {
  id: string;
  name: string;
  scheme: { id: string; version: string };
  status: 'accepted' | 'rejected';
  createdAt: string;
  createdBy: string;
  /** As uploaded; live appends do not rewrite the document: the API answers `facts` counted from the facts file (fact-counts.ts). */
  counts: { units: number; facts: number; history: number };
}

export interface RunMeta {
  id: string;
  dataset: string;
  scheme: { id: string; version: string };
  createdAt: string;
  createdBy: string;
  ok: boolean;
  issueCounts: { errors: number; warnings: number };
}

export interface AuditEntry {
  at: string;
  user: string;
  action: string;
  target: string;
  summary?: string[];
  /** The caller's address, on entries about logins and refusals. */
  address?: string;
  /** On a journal entry of a fact batch: where its facts are, so the entry is the batch's commit (store/batch-log.ts). Not shown by /api/audit. */
  batch?: BatchFrame;
}

/** The facts of one batch: `length` bytes from `start` of `file` (relative to the data folder), with their sha256. */
export interface BatchFrame {
  file: string;
  start: number;
  length: number;
  sha256: string;
  count: number;
  /** The client's Idempotency-Key, when it sent one. */
  key?: string;
}

export interface Db {
  schemes: SchemeRecord[];
  versions: VersionRecord[];
  users: UserRecord[];
  sessions: SessionRecord[];
  tokens: TokenRecord[];
  datasets: DatasetMeta[];
  runs: RunMeta[];
  audit: AuditEntry[];
  /** Set once the shipped schemes have been copied in: seeding happens on the very first start only. */
  seeded: boolean;
}

export const emptyDb = (): Db => ({ schemes: [], versions: [], users: [], sessions: [], tokens: [], datasets: [], runs: [], audit: [], seeded: false });

export type ProblemList = Issue[];
