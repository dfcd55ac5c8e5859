/** Messages between the page and the validation worker. */
import type { Issue } from '../../../engine/index.ts';

export interface ValidateRequest {
  /** The store's document version this document is. */
  version: number;
  doc: unknown;
}

export interface ValidateResponse {
  version: number;
  issues: Issue[];
  /** Whether the structure is valid (then the document is a typed Scheme, semantic problems aside). */
  structureOk: boolean;
  /** Time the engine's validateScheme took in the worker. */
  ms: number;
}
