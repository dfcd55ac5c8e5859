/**
 * The express app, without listening: tests start it on port 0 with a
 * temporary store; main.ts starts it on PORT.
 */
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { refusalAudit } from './auth/audit-events.ts';
import type { BackoffOptions, Clock } from './auth/backoff.ts';
import { originGuard } from './auth/origin-guard.ts';
import type { Kdf } from './auth/password.ts';
import { DEFAULT_LIMITS, jsonBody, type Limits } from './body.ts';
import { makeContext } from './context.ts';
import { errorMiddleware, notFound, type Log } from './errors.ts';
import type { JobPool, PoolOptions } from './jobs/pool.ts';
import { jobsRouter } from './routes/jobs.ts';
import { auditRouter } from './routes/audit.ts';
import { datasetsRouter, datasetUploadRouter } from './routes/datasets.ts';
import { exportsRouter } from './routes/exports.ts';
import { factsRouter } from './routes/facts.ts';
import { draftsRouter } from './routes/drafts.ts';
import { nextYearRouter } from './routes/next-year.ts';
import { runsRouter } from './routes/runs.ts';
import { diffRouter } from './routes/diff.ts';
import { schemesRouter } from './routes/schemes.ts';
import { sessionRouter } from './routes/session.ts';
import { tokensRouter } from './routes/tokens.ts';
import { usersRouter } from './routes/users.ts';
import { versionsRouter } from './routes/versions.ts';
import { formatOf } from './read-upload.ts';
import { securityHeaders } from './security.ts';
import { staticRouter } from './static.ts';
import type { Store } from './store/store.ts';
import type { ValidationCache } from './validation-cache.ts';

export interface AppOptions {
  store: Store;
  clock?: Clock;
  log?: Log;
  limits?: Partial<Limits>;
  /** The worker pool's size and heap limit (default: cores − 1 threads, 2 GiB each). */
  pool?: PoolOptions;
  /** A pool made by the caller, used instead of one made from `pool`: main.ts warms it after listening. */
  jobPool?: JobPool;
  /** Validations of versions (default: a fresh cache); given by tests that count what it computes. */
  validations?: ValidationCache;
  /** The editor's build; default editor/dist of this repository. */
  staticDir?: string;
  /** express' `trust proxy` (PINGYI_TRUST_PROXY): whose X-Forwarded-For/-Proto/-Host to believe. Default none. */
  trustProxy?: boolean | number | string;
  /** Origins the browser sees in front of a proxy (PINGYI_PUBLIC_ORIGIN), accepted for writes besides the request's own. */
  publicOrigins?: string[];
  /** The password key derivation (default scrypt). */
  kdf?: Kdf;
  backoff?: BackoffOptions;
}

const acceptsUpload = (type: string | undefined): boolean => {
  try {
    formatOf(type);
    return true;
  } catch {
    return false;
  }
};

export const SERVER_VERSION = '0.1.0';

export function createApp(opts: AppOptions): Express {
  const clock = opts.clock ?? { now: () => new Date() };
  const log = opts.log ?? ((line: string) => console.error(line));
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const ctx = makeContext(opts.store, clock, log, limits, { auth: { kdf: opts.kdf, backoff: opts.backoff }, pool: opts.pool, jobPool: opts.jobPool, validations: opts.validations });
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', opts.trustProxy ?? false);
  app.use(securityHeaders);

  const api = express.Router();
  api.use(refusalAudit(ctx));
  api.use(originGuard({ publicOrigins: opts.publicOrigins ?? [], rawBodyRoutes: [{ method: 'POST', path: '/datasets', accepts: acceptsUpload }] }));
  api.get('/health', (_req, res) => {
    res.json({ ok: true, version: SERVER_VERSION });
  });
  api.use(datasetUploadRouter(ctx));
  api.use(jsonBody(limits));
  api.use(sessionRouter(ctx));
  api.use(tokensRouter(ctx));
  api.use(usersRouter(ctx));
  api.use(schemesRouter(ctx));
  api.use(versionsRouter(ctx));
  api.use(nextYearRouter(ctx));
  api.use(draftsRouter(ctx));
  api.use(diffRouter(ctx));
  api.use(auditRouter(ctx));
  api.use(datasetsRouter(ctx));
  api.use(factsRouter(ctx));
  api.use(runsRouter(ctx));
  api.use(exportsRouter(ctx));
  api.use(jobsRouter(ctx));
  api.use((req, _res, next) => next(notFound(`${req.method} /api${req.path}`)));
  app.use('/api', api);

  const dist = opts.staticDir ?? fileURLToPath(new URL('../editor/dist', import.meta.url));
  app.use(staticRouter(opts.store, dist));
  app.use((req, _res, next) => next(notFound(`${req.method} ${req.path}`)));
  app.use(errorMiddleware(log));
  return app;
}
