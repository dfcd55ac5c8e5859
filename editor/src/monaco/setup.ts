/**
 * Monaco from the local package, not a CDN: only the editor core
 * (`editor.api`), the editor contributions the page uses (contributions.ts;
 * the build leaves the others out, see `slimMonaco` in vite.config.ts) and the
 * JSON language, its worker bundled by Vite; the scheme's JSON Schema is
 * registered offline so completion, hover text and markers need no request.
 * The workers start when an editor first needs them, not with this module.
 */
// first: Monaco's messages must be in place before its core is evaluated
import './locale.ts';
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import './contributions.ts';
import 'monaco-editor/language/json/monaco.contribution';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import schema from '../../../schemes/scheme.schema.json';

export const SCHEME_MODEL_PREFIX = 'inmemory://pingyi/scheme/';

/**
 * The workers start after the JSON pane's first screen, not while it is drawn. Creating the
 * scheme's model makes the JSON language ask its worker at once (diagnostics, folding ranges),
 * and starting that worker (≈ 420 KB to evaluate, then the scheme's JSON Schema compiled and
 * the 3,000-line document parsed) took CPU from the first screen on two shared cores. Requests
 * made before wait for it; `releaseWorkers` is called by the JSON pane once its first lines are
 * drawn, and at the latest WORKER_HOLD_MS after the first request (a diff editor shown alone).
 */
const WORKER_HOLD_MS = 2000;
let release: () => void = () => undefined;
const released = new Promise<void>((ok) => (release = ok));
let fallback: ReturnType<typeof setTimeout> | undefined;
export function releaseWorkers(): void {
  clearTimeout(fallback);
  release();
}

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => {
    fallback ??= setTimeout(releaseWorkers, WORKER_HOLD_MS);
    return released.then(() => (label === 'json' ? new JsonWorker() : new EditorWorker()));
  },
};

// The shipped schemes say `"$schema": "../scheme.schema.json"`, and a document's own `$schema` wins
// over `fileMatch` in Monaco's JSON service: registered under any other URI, the schema was never used
// (no completion, no hover text, no schema markers; only “Unable to load schema”). So it is registered
// under the URI that reference resolves to from a scheme model, and matched by file name as well.
export const SCHEME_SCHEMA_URI = 'inmemory://pingyi/scheme.schema.json'; // `../scheme.schema.json` from SCHEME_MODEL_PREFIX

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [{ uri: SCHEME_SCHEMA_URI, fileMatch: [`${SCHEME_MODEL_PREFIX}*`], schema }],
});

loader.config({ monaco: monaco as never });

export { monaco };
export type Monaco = typeof monaco;
