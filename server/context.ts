/** What every route needs: the store, the clock, the log, the limits and the role guard. */
import type { RequestHandler } from 'express';
import type { Clock } from './auth/backoff.ts';
import { LoginBackoff } from './auth/backoff.ts';
import { requireRole } from './auth/authenticate.ts';
import type { Need } from './auth/roles.ts';
import type { Limits } from './body.ts';
import type { Log } from './errors.ts';
import { FactCounts } from './fact-counts.ts';
import { SeasonCache } from './season-cache.ts';
import type { Store } from './store/store.ts';
import type { AuditEntry, Db } from './store/types.ts';
import { ValidationCache } from './validation-cache.ts';

export interface AppContext {
  store: Store;
  clock: Clock;
  log: Log;
  limits: Limits;
  backoff: LoginBackoff;
  seasons: SeasonCache;
  factCounts: FactCounts;
  /** Validations of versions, kept by content hash (published) or revision (drafts). */
  validations: ValidationCache;
  need(role: Need): RequestHandler;
  now(): string;
}

export function makeContext(store: Store, clock: Clock, log: Log, limits: Limits, validations = new ValidationCache()): AppContext {
  return {
    store,
    clock,
    log,
    limits,
    backoff: new LoginBackoff(clock),
    seasons: new SeasonCache(),
    factCounts: new FactCounts(store),
    validations,
    need: (role) => requireRole(store, clock, role),
    now: () => clock.now().toISOString(),
  };
}

/**
 * Audit entries are written in the same store write as the change they
 * record. Live fact appends are the exception: theirs go to the audit
 * journal (store/audit-journal.ts), appended right after the facts.
 */
export function audit(db: Db, entry: AuditEntry): void {
  db.audit.push(entry);
}
