/**
 * Stands in for `monaco-editor/esm/vs/internal/common/workers.js` in the build
 * (vite.config.ts, `slimMonaco`). Monaco's own module holds one function, the
 * one that starts a language worker, but it also imports every editor
 * contribution there is (inline completions, sticky scroll, rename, colour
 * picker, links…: ≈ 1.5 MB of the chunk); the JSON language reaches it
 * through its worker manager, so importing only the JSON language used to
 * bring all of them. The contributions this page uses are listed in
 * `contributions.ts` instead.
 *
 * Same contract as Monaco's: the worker comes from
 * `MonacoEnvironment.getWorker` (monaco/setup.ts), is sent the `ignore`
 * message its bootstrap skips and then the language's create data, and is
 * wrapped by `editor.createWebWorker`, which syncs the models.
 */
import { editor } from 'monaco-editor/editor/editor.api';

interface WorkerOptions {
  label?: string;
  moduleId?: string;
  createData?: unknown;
  host?: Record<string, Function>;
  keepIdleModels?: boolean;
  createWorker?: () => Worker;
}

function startWorker(opts: WorkerOptions): Worker | Promise<Worker> {
  const label = opts.label ?? 'monaco-editor-worker';
  const env = (globalThis as { MonacoEnvironment?: { getWorker?: (workerId: string, label: string) => Worker | Promise<Worker> } }).MonacoEnvironment;
  if (env?.getWorker) return env.getWorker('workerMain.js', label);
  if (opts.createWorker) return opts.createWorker();
  // monaco/setup.ts sets MonacoEnvironment before any editor exists: this is a wiring mistake, said plainly
  throw new Error(`no Monaco worker for "${label}": MonacoEnvironment.getWorker is not set`);
}

export function createWebWorker<T extends object>(opts: WorkerOptions): editor.MonacoWebWorker<T> {
  const worker = Promise.resolve(startWorker(opts)).then((w) => {
    w.postMessage('ignore');
    w.postMessage(opts.createData);
    return w;
  });
  return editor.createWebWorker<T>({ worker, ...(opts.host ? { host: opts.host } : {}), ...(opts.keepIdleModels !== undefined ? { keepIdleModels: opts.keepIdleModels } : {}) });
}
