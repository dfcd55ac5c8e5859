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
    // Monaco in one chunk: split across chunks, its services register out of order ("depends on UNKNOWN service")
    rollupOptions: { output: { manualChunks: (id) => (id.includes('node_modules/monaco-editor') ? 'monaco' : undefined) } },
  },
  worker: { format: 'es' },
  server: {
    // the page imports engine/ and schemes/ from outside its root
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
    proxy: { '/api': process.env.PINGYI_SERVER ?? 'http://127.0.0.1:3000' },
  },
});
