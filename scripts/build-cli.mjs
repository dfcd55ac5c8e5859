// Bundles the command line (cli/main.ts and the engine it imports) into dist/pingyi.js with
// esbuild (the one tsx already brings), so `npx pingyi` starts without transpiling TypeScript.
// Dependencies stay external (resolved from node_modules at run time). dist/pingyi.meta.json
// lists the source files that went in: bin/pingyi.js runs the bundle only while it is newer
// than every one of them, so an edited source is never shadowed by a stale build.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // the reader thread (io/ndjson-worker.ts) is an entry of its own: large NDJSON files are parsed on every core
  entryPoints: { pingyi: 'cli/main.ts', 'ndjson-worker': 'io/ndjson-worker.ts' },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  // commands load lazily (--version and --help answer without loading the engine and its dependencies)
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
});
const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
writeFileSync(new URL('../dist/pingyi.meta.json', import.meta.url), JSON.stringify({ inputs: [...inputs, 'package.json'] }, null, 1) + '\n');
console.log(`dist/pingyi.js: ${inputs.length} source files`);
