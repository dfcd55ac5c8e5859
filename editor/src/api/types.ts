/** Shapes of the server API (see docs/api.md and API-CONTRACT.md). */
import type { Dataset, Issue } from '../../../engine/index.ts';

export type VersionStatus = 'draft' | 'published' | 'retired';

export interface VersionMeta {
  id: string;
  version: string;
  status: VersionStatus;
  revision: number;
  hash?: string;
  basedOn?: { id: string; version: string };
  updatedAt: string;
  updatedBy: string;
  problemCount: { errors: number; warnings: number };
}

export interface SchemeSummary {
  id: string;
  name: string;
  jurisdiction: string;
  year: number;
  versions: VersionMeta[];
}

export interface SchemeDetail extends SchemeSummary {
  readme?: string;
  sourceText?: string;
}

export interface VersionDocument {
  meta: VersionMeta;
  document: unknown;
  problems: Issue[];
}

export interface User {
  username: string;
  roles: string[];
}

export interface DatasetMeta {
  id: string;
  name: string;
  scheme: { id: string; version: string };
  status: 'accepted' | 'rejected';
  createdAt: string;
  createdBy: string;
  counts: { units: number; facts: number; history: number };
}

/**
 * A case of the scheme folder. The server reads an input given as a data file
 * (NDJSON, CSV beside the case) and sends it inline; when it cannot, `input`
 * stays the file name and `problems` say why.
 */
export interface ShippedCase {
  name: string;
  case: { name: string; description?: string; input: Dataset | string; useSchemeRoster?: boolean; expect: import('../../../engine/index.ts').CaseExpectation };
  problems?: Issue[];
}

/** Every refusal of the server: a code, a zh/en message, and the problems when there are some. */
export interface Refusal {
  code: string;
  message: { zh: string; en: string };
  problems?: Issue[];
  current?: { revision: number; updatedAt: string; updatedBy: string; summary: string[] };
  yours?: { baseRevision: number };
}
