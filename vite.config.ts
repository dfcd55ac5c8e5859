import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser editor: root `editor/`, built into `editor/dist`, which the
 * server serves at `/`. Everything it needs (Monaco, its JSON worker, the
 * engine, the scheme JSON Schema) is bundled: the page asks nothing of any
 * host but the server it came from.
 */
const root = fileURLToPath(new URL('./editor', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    // no manual chunks: Monaco is imported only by lazily loaded views, so it lands in its own chunk, fetched after the first paint
  },
  worker: { format: 'es' },
  server: {
    // the page imports engine/ and schemes/ from outside its root
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
    proxy: { '/api': process.env.PINGYI_SERVER ?? 'http://127.0.0.1:3000' },
  },
});
