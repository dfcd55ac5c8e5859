/** What every route needs: the store, the clock, the log, the limits and the role guard. */
import type { RequestHandler } from 'express';
import { AccessLog } from './auth/audit-events.ts';
import type { Clock } from './auth/backoff.ts';
import { LoginBackoff, type BackoffOptions } from './auth/backoff.ts';
import { requireRole } from './auth/authenticate.ts';
import { makePasswords, type Kdf, type Passwords } from './auth/password.ts';
import type { Need } from './auth/roles.ts';
import type { Limits } from './body.ts';
import type { Log } from './errors.ts';
import { FactCounts } from './fact-counts.ts';
import { Jobs } from './jobs/registry.ts';
import { JobPool, type PoolOptions } from './jobs/pool.ts';
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
  passwords: Passwords;
  /** Failed logins and refusals, group-committed to the audit journal. */
  access: AccessLog;
  seasons: SeasonCache;
  factCounts: FactCounts;
  /** Heavy work (uploads, runs, exports, impact) on the worker pool, followed as jobs. */
  jobs: Jobs;
  /** Validations of versions, kept by content hash (published) or revision (drafts). */
  validations: ValidationCache;
  need(role: Need): RequestHandler;
  now(): string;
}

export interface AuthOptions {
  /** The password key derivation (default scrypt); tests inject a counting one. */
  kdf?: Kdf;
  backoff?: BackoffOptions;
}

export interface ContextOptions {
  auth?: AuthOptions;
  pool?: PoolOptions;
  /** A pool made by the caller (main.ts warms it once listening); else one is made from `pool`, lazily started. */
  jobPool?: JobPool;
  validations?: ValidationCache;
}

export function makeContext(store: Store, clock: Clock, log: Log, limits: Limits, opts: ContextOptions = {}): AppContext {
  const auth = opts.auth ?? {};
  return {
    store,
    clock,
    log,
    limits,
    backoff: new LoginBackoff(clock, auth.backoff),
    passwords: makePasswords(auth.kdf),
    access: new AccessLog(store, log),
    seasons: new SeasonCache(),
    factCounts: new FactCounts(store),
    jobs: new Jobs(opts.jobPool ?? new JobPool(opts.pool ?? {}), clock, log),
    validations: opts.validations ?? new ValidationCache(),
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
