/** Shapes of the server API (see docs/api.md and API-CONTRACT.md). */
import type { Dataset, Issue } from '../../../engine/index.ts';
import type { DraftNote, Role } from '../../../server/store/types.ts';

// the server's own record types (type-only: nothing of the server is bundled), so the two cannot drift apart
/** A version without its document, as the API lists it (server/version-core.ts metaOf). */
export type { DatasetMeta, VersionMeta, VersionStatus } from '../../../server/store/types.ts';
import type { VersionMeta } from '../../../server/store/types.ts';

/** A next-year note stored with a draft, as the version's GET answers it (server/version-core.ts notesOf). */
export type NoteView = Omit<DraftNote, 'was'> & { index: number; fixed: boolean };

/** What a next-year draft would be (the dialog's preview: POST next-year with dryRun). */
export interface NextYearPreview {
  preview: { id: string; year: number; name: string; version: string; window: { from: string; to: string } | null; exists: boolean; roster: boolean; casesLeft: number; clauseTextLeft: boolean };
  notes: Issue[];
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
  /** The engine's next-year notes kept with a draft (empty for other versions). */
  notes?: NoteView[];
  /** The version's own official document text, when one was given. */
  clauseText?: string;
}

export interface User {
  username: string;
  roles: Role[];
}

export type { Role };

/** A user as the users list shows it (GET /api/users; `disabled` absent on servers before it existed). */
export interface UserRow {
  username: string;
  roles: Role[];
  disabled?: boolean;
  createdAt: string;
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
