/**
 * Ask for Monaco's chunk as soon as a workspace starts loading, so that its
 * download and compilation (≈ 3.4 MB; Chromium compiles a preloaded module off
 * the main thread) overlap with the API requests and the tree's first render.
 * Only fetched here: it is evaluated when the JSON pane mounts, after the tree
 * and form are painted (workspace.tsx). The chunk's name comes from the build
 * (vite.config.ts, `nameMonacoChunk`); the dev server has none and skips this.
 */
export function preloadMonaco(onLoaded?: () => void): void {
  const href = document.querySelector<HTMLMetaElement>('meta[name="pingyi-monaco-chunk"]')?.content;
  if (!href) return;
  // added by an earlier call: loaded already, or still on its way
  const existing = document.querySelector<HTMLLinkElement>(`link[rel="modulepreload"][href="${href}"]`);
  if (existing) {
    if (onLoaded && existing.dataset.loaded === '1') onLoaded();
    else if (onLoaded) existing.addEventListener('load', onLoaded, { once: true });
    return;
  }
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  // the same request mode as the import() that later evaluates it, so the browser reuses the preloaded module
  link.crossOrigin = '';
  link.href = href;
  // user-timing marks (here and in the JSON pane) name the steps of Monaco's first load in a profile
  link.addEventListener(
    'load',
    () => {
      link.dataset.loaded = '1';
      performance.mark('pingyi:monaco-fetched');
    },
    { once: true },
  );
  if (onLoaded) link.addEventListener('load', onLoaded, { once: true });
  document.head.append(link);
}

/** Run `f` when the main thread has nothing else to do (a timeout where requestIdleCallback is missing). */
export function whenIdle(f: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => f(), { timeout: 2000 });
  else setTimeout(f, 50);
}
