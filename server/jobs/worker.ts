/**
 * A job worker (server/jobs/pool.ts starts it): one job at a time, by kind,
 * from the complete table below. Progress is sent as it goes; the output's
 * bytes are moved to the request thread, not copied.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { HttpError } from '../errors.ts';
import type { FromWorker, JobIo, JobKind, JobProgress, ToWorker } from './kinds.ts';
import { exportJob } from './export-job.ts';
import { impactJob } from './impact-job.ts';
import { runJob } from './run-job.ts';
import { uploadJob } from './upload-job.ts';

export type Handler<K extends JobKind> = (input: JobIo[K]['input'], progress: (p: JobProgress) => void) => Promise<JobIo[K]['output']>;

const HANDLERS = {
  upload: uploadJob,
  run: runJob,
  export: exportJob,
  impact: impactJob,
} satisfies { [K in JobKind]: Handler<K> };

/** The ArrayBuffers under an output's byte fields, to move them. */
function buffersOf(out: object): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  for (const v of Object.values(out)) if (v instanceof Uint8Array && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) list.push(v.buffer as ArrayBuffer);
  return list;
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
