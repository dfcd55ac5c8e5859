/**
 * The express app, without listening: tests start it on port 0 with a
 * temporary store; main.ts starts it on PORT.
 */
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Clock } from './auth/backoff.ts';
import { DEFAULT_LIMITS, jsonBody, type Limits } from './body.ts';
import { makeContext } from './context.ts';
import { errorMiddleware, notFound, type Log } from './errors.ts';
import { auditRouter } from './routes/audit.ts';
import { datasetsRouter, datasetUploadRouter } from './routes/datasets.ts';
import { exportsRouter } from './routes/exports.ts';
import { factsRouter } from './routes/facts.ts';
import { draftsRouter } from './routes/drafts.ts';
import { nextYearRouter } from './routes/next-year.ts';
import { runsRouter } from './routes/runs.ts';
import { diffRouter } from './routes/diff.ts';
import { schemesRouter } from './routes/schemes.ts';
import { usersRouter } from './routes/users.ts';
import { versionsRouter } from './routes/versions.ts';
import { securityHeaders } from './security.ts';
import { staticRouter } from './static.ts';
import type { Store } from './store/store.ts';

export interface AppOptions {
  store: Store;
  clock?: Clock;
  log?: Log;
  limits?: Partial<Limits>;
  /** The editor's build; default editor/dist of this repository. */
  staticDir?: string;
}

export const SERVER_VERSION = '0.1.0';

export function createApp(opts: AppOptions): Express {
  const clock = opts.clock ?? { now: () => new Date() };
  const log = opts.log ?? ((line: string) => console.error(line));
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const ctx = makeContext(opts.store, clock, log, limits);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders);

  const api = express.Router();
  api.get('/health', (_req, res) => {
    res.json({ ok: true, version: SERVER_VERSION });
  });
  api.use(datasetUploadRouter(ctx));
  api.use(jsonBody(limits));
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
  api.use((req, _res, next) => next(notFound(`${req.method} /api${req.path}`)));
  app.use('/api', api);

  const dist = opts.staticDir ?? fileURLToPath(new URL('../editor/dist', import.meta.url));
  app.use(staticRouter(opts.store, dist));
  app.use((req, _res, next) => next(notFound(`${req.method} ${req.path}`)));
  app.use(errorMiddleware(log));
  return app;
}
