import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
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
            { name: 'monaco', test: /node_modules[\\/]monaco-editor[\\/]/, priority: 1 },
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
