import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * The browser editor: root `editor/`, built into `editor/dist`, which the
 * server serves at `/`. Everything it needs (Monaco, its JSON worker, the
 * engine, the scheme JSON Schema) is bundled: the page asks nothing of any
 * host but the server it came from.
 */
const root = fileURLToPath(new URL('./editor', import.meta.url));

/**
 * Brotli and gzip copies of every text asset next to it (`x.js.br`, `x.js.gz`),
 * written once at build time: the server (server/static.ts) sends the copy the
 * browser accepts instead of compressing the 4 MB Monaco chunk per request.
 * Brotli quality 9, not 11: 11 costs ≈ 14 s of build for 9 % fewer bytes.
 */
function precompress(): Plugin {
  let outDir = '';
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  return {
    name: 'pingyi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|json|svg|ttf|map)$/.test(file) || statSync(file).size < 1024) continue;
        const body = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * Monaco without the contributions the page does not use. The JSON language
 * starts its worker through `esm/vs/internal/common/workers.js`, a module that
 * also imports every editor contribution Monaco has (≈ 70, ≈ 1.5 MB of code
 * evaluated before the editor can show). That one module is replaced by
 * `editor/src/monaco/web-worker.ts` (the same worker start-up, nothing else);
 * the contributions the page uses are imported by `editor/src/monaco/contributions.ts`.
 * Only the build is changed: the dev server's pre-bundled Monaco keeps them all.
 */
function slimMonaco(): Plugin {
  const full = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/internal/common/workers.js', import.meta.url));
  const slim = fileURLToPath(new URL('./editor/src/monaco/web-worker.ts', import.meta.url));
  let replaced = false;
  return {
    name: 'pingyi-slim-monaco',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !source.endsWith('workers.js')) return null;
      if (resolve(dirname(importer), source) !== full) return null;
      replaced = true;
      return slim;
    },
    buildEnd() {
      // a Monaco update that moves the module must not silently bring the full list back
      if (!replaced) this.warn('monaco-editor/esm/vs/internal/common/workers.js was not imported: check that Monaco is still slimmed (vite.config.ts)');
    },
  };
}

/**
 * The name of Monaco's chunk, for the page to ask for it early: a `<meta
 * name="pingyi-monaco-chunk">` in index.html, read by
 * `editor/src/monaco/preload.ts`, which adds a `<link rel="modulepreload">`
 * when a workspace starts loading (download and compile, no evaluation).
 * Not a modulepreload link in the HTML itself: measured, it competed with the
 * entry chunk and delayed the first screen (DOMContentLoaded ≈ +300 ms).
 */
function nameMonacoChunk(): Plugin {
  return {
    name: 'pingyi-name-monaco-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'monaco');
        if (!chunk) {
          this.warn('no Monaco chunk to name (vite.config.ts, nameMonacoChunk): it will load only when the JSON pane mounts');
          return [];
        }
        return [{ tag: 'meta', attrs: { name: 'pingyi-monaco-chunk', content: `/${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [slimMonaco(), react(), nameMonacoChunk(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Vite's preload helper is shared by the entry and Monaco's own dynamic imports: left to the
            // Monaco group (which takes its dependencies) it made the entry import the 4 MB chunk statically
            { name: 'preload-helper', test: /vite\/preload-helper/, priority: 2 },
            // Monaco in one chunk: split across chunks, its services register out of order ("depends on UNKNOWN service")
            // (with the module that stands in for its worker start-up, which only Monaco imports)
            { name: 'monaco', test: /node_modules[\\/]monaco-editor[\\/]|editor[\\/]src[\\/]monaco[\\/]web-worker\.ts$/, priority: 1 },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  server: {
    // the page imports engine/ and schemes/ from outside its root
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
    proxy: { '/api': process.env.PINGYI_SERVER ?? 'http://127.0.0.1:3000' },
  },
});
