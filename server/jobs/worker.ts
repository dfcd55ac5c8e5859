/**
 * A job worker (server/jobs/pool.ts starts it): one job at a time, by kind,
 * from the complete table below. Progress is sent as it goes; the output's
 * bytes are moved to the request thread, not copied.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { workerData, type MessagePort } from 'node:worker_threads';
import { HttpError } from '../errors.ts';
import type { FromWorker, JobIo, JobKind, JobProgress, ToWorker } from './kinds.ts';
import { explainJob } from './explain-job.ts';
import { exportJob } from './export-job.ts';
import { impactJob } from './impact-job.ts';
import { runJob } from './run-job.ts';
import { templateJob } from './template-job.ts';
import { uploadJob } from './upload-job.ts';

export type Handler<K extends JobKind> = (input: JobIo[K]['input'], progress: (p: JobProgress) => void) => Promise<JobIo[K]['output']>;

const HANDLERS = {
  upload: uploadJob,
  run: runJob,
  export: exportJob,
  impact: impactJob,
  template: templateJob,
  explain: explainJob,
} satisfies { [K in JobKind]: Handler<K> };

/** The ArrayBuffers under an output's byte fields, to move them. */
function buffersOf(out: object): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  for (const v of Object.values(out)) if (v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) list.push(v.buffer as ArrayBuffer);
  return list;
}

// jobs are background work: on Linux this thread is niced (a thread's own priority, by its id), so the
// request thread wins the core when both want it and keeps answering while a city is read
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isSafeInteger(tid) && tid > 0) setPriority(tid, 10);
} catch {
  // not Linux, or not allowed: the job runs at the process's priority
}

// the pool's own port (server/jobs/pool.ts says why not parentPort)
const port = (workerData as { port?: MessagePort } | undefined)?.port;
const post = (msg: FromWorker, transfer: ArrayBuffer[] = []) => port?.postMessage(msg, transfer);

port?.on('message', (msg: ToWorker) => {
  const handler = HANDLERS[msg.kind] as Handler<JobKind>;
  handler(msg.input as never, (progress) => post({ id: msg.id, progress })).then(
    (output) => post({ id: msg.id, output }, buffersOf(output)),
    // a refusal (a run's files gone: 404) keeps its status and coded message across the thread
    (e: unknown) => post({ id: msg.id, error: (e as Error)?.message ?? String(e), ...(e instanceof HttpError ? { refusal: { status: e.status, body: e.body } } : {}) }),
  );
});
// every job module is loaded (under tsx: compiled): a warmed pool knows this worker is ready (pool.ts warm)
post({ ready: true });
