/**
 * The jobs a client can follow (`GET /api/jobs/:id`): each heavy request is a
 * job with a state and its progress, kept after it ends so that a client that
 * started it with `?async=1` (the data desk's progress bar) can fetch the
 * answer. Only the last {@link KEEP} finished jobs are kept, in memory: a
 * restarted server forgets them (their effects — data sets, runs — are in the
 * store; a job never half-applies).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../auth/backoff.ts';
import { diskFull, HttpError, type Log } from '../errors.ts';
import { isDiskFull } from '../store/fs-layer.ts';
import type { JobKind, JobProgress } from './kinds.ts';
import { JobPool } from './pool.ts';

export interface JobAnswer {
  status: number;
  body: unknown;
}

export interface JobView {
  id: string;
  kind: JobKind;
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: JobProgress['phase'];
  /** 0–1. */
  progress: number;
  createdAt: string;
  createdBy: string;
  finishedAt?: string;
  /** The answer the synchronous request would have had (status and body), once finished. */
  answer?: JobAnswer;
}

const KEEP = 500;

export class Jobs {
  private readonly views = new Map<string, JobView>();

  constructor(
    readonly pool: JobPool,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  get(id: string): JobView | undefined {
    return this.views.get(id);
  }

  /**
   * Run `work` as a job. `done` always settles with an answer: a refusal
   * (HttpError) keeps its status and body; anything else is logged and
   * answered 500 without its stack, as the error middleware does.
   */
  track(kind: JobKind, user: string, work: (report: (p: JobProgress) => void) => Promise<JobAnswer>): { view: JobView; done: Promise<JobAnswer> } {
    const view: JobView = { id: `job-${randomBytes(8).toString('hex')}`, kind, state: 'queued', phase: 'queued', progress: 0, createdAt: this.clock.now().toISOString(), createdBy: user };
    this.views.set(view.id, view);
    this.evict();
    const report = (p: JobProgress) => {
      view.state = 'running';
      view.phase = p.phase;
      view.progress = Math.max(view.progress, p.fraction);
    };
    const done = work(report).then(
      (answer) => this.finish(view, answer.status < 400 ? 'done' : 'failed', answer),
      (e: unknown) => {
        if (e instanceof HttpError) return this.finish(view, 'failed', { status: e.status, body: e.body });
        if (isDiskFull(e)) {
          // as the error middleware answers it: nothing of the job's writes was kept
          this.log(`disk full in ${kind} job ${view.id}: ${(e as Error).message}`);
          const full = diskFull();
          return this.finish(view, 'failed', { status: full.status, body: full.body });
        }
        this.log(`internal error in ${kind} job ${view.id}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return this.finish(view, 'failed', { status: 500, body: { code: 'internal', message: { zh: '服务器内部错误,已记录', en: 'internal server error (logged)' } } });
      },
    );
    return { view, done };
  }

  private finish(view: JobView, state: 'done' | 'failed', answer: JobAnswer): JobAnswer {
    // bytes (an export, a template) only ever go to the request that waited for them: the view keeps their
    // size, not a copy — else the last 500 jobs would hold up to 500 workbooks in memory
    const kept = ArrayBuffer.isView(answer.body) ? { status: answer.status, body: { bytes: answer.body.byteLength } } : answer;
    Object.assign(view, { state, phase: 'done', progress: 1, finishedAt: this.clock.now().toISOString(), answer: kept });
    return answer;
  }

  private evict(): void {
    if (this.views.size <= KEEP) return;
    for (const [id, v] of this.views) {
      if (this.views.size <= KEEP) break;
      if (v.finishedAt !== undefined) this.views.delete(id);
    }
  }
}
