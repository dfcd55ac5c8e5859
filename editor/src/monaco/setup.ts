/**
 * Monaco from the local package, not a CDN: only the editor core and the JSON
 * language (≈ 5 MB instead of ≈ 15 MB with every language), the JSON worker
 * bundled by Vite, and the scheme's JSON Schema registered offline so
 * completion, hover text and markers work without any request.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/language/json/monaco.contribution';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import schema from '../../../schemes/scheme.schema.json';

export const SCHEME_MODEL_PREFIX = 'inmemory://pingyi/scheme/';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [{ uri: 'https://pingyi.local/schema/scheme.schema.json', fileMatch: [`${SCHEME_MODEL_PREFIX}*`], schema }],
});

loader.config({ monaco: monaco as never });

export { monaco };
export type Monaco = typeof monaco;
