/**
 * Issue 8: the built editor's first load and the validation after an edit of
 * the largest shipped scheme, measured in Chromium against the real server
 * and written to docs/performance.md. Measured and reported, not asserted
 * (no timing assertions in tests: the machine is shared).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, foreign, login, openBrowser, ROOT, startServer, type Server, type Session } from './harness.ts';

// page scripts as text: the test program is type-checked without the DOM library
const NAVIGATION_TIMING = `(() => {
  const n = performance.getEntriesByType('navigation')[0];
  const bytes = performance.getEntriesByType('resource').reduce((a, r) => a + (r.transferSize || 0), n.transferSize || 0);
  return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes };
})()`;
// the first load's network waterfall: when each request started and ended (ms from navigation start)
const WATERFALL = `performance.getEntriesByType('resource').map((r) => ({ name: r.name.replace(location.origin, ''), start: r.startTime, end: r.responseEnd, bytes: r.transferSize || 0, size: r.decodedBodySize || 0 }))`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function largestScheme(): string {
  const ids = ['nanyang-2014', 'pingyang-2021', 'wenzhou-2023', 'wenzhou-2024'].filter((id) => existsSync(join(ROOT, 'schemes', id, 'scheme.json')));
  return ids.reduce((a, b) => (statSync(join(ROOT, 'schemes', b, 'scheme.json')).size > statSync(join(ROOT, 'schemes', a, 'scheme.json')).size ? b : a));
}

describe('editor performance', () => {
  let server: Server;
  let s: Session;
  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer();
    s = await openBrowser('performance');
  }, 240_000);
  afterAll(async () => {
    await s?.browser.close();
    await server?.close();
  });

  it('measures first load and validation after an edit of the largest shipped scheme', async () => {
    const { page } = s;
    const id = largestScheme();
    const bytes = statSync(join(ROOT, 'schemes', id, 'scheme.json')).size;
    await login(s, server.url);

    // a draft of the largest scheme to edit
    const row = page.locator(`[data-scheme="${id}"] tbody tr`).first();
    const version = (await row.getAttribute('data-version')) ?? '';
    await row.getByRole('button', { name: '起草新版本' }).click();
    await page.locator('.monaco-editor .view-lines').waitFor();
    const draft = String(await page.evaluate('location.hash'));

    // first load: a fresh page (empty cache) opening the workspace until tree and Monaco show;
    // three times, the median reported (the machine is shared: one load says little)
    const LOADS = 3;
    const requests: string[] = [];
    type Load = { treeMs: number; monacoMs: number; problemsMs: number; dcl: number; load: number; bytes: number };
    type Waterfall = Array<{ name: string; start: number; end: number; bytes: number; size: number }>;
    let fresh = await s.browser.newContext({ viewport: { width: 1280, height: 800 } });
    let p2 = await fresh.newPage();
    // `settle`: the new window is left on about:blank for SETTLE_MS before the clock starts. A new
    // context opens a new window, and Chromium builds its own window UI in its first seconds (the
    // omnibox popup WebUI: ≈ 1–2 s of CPU in a renderer of its own, seen in a trace); on two shared
    // cores that CPU was taken from the page's load. The page's load itself is the same (empty cache,
    // fresh context, the same navigation); both figures are reported.
    const SETTLE_MS = 2000;
    const measure = async (settle: boolean): Promise<{ loads: Load[]; waterfall: Waterfall }> => {
      const loads: Load[] = [];
      let waterfall: Waterfall = [];
      for (let i = 0; i < LOADS; i++) {
        if (i > 0 || settle) {
          await fresh.close();
          fresh = await s.browser.newContext({ viewport: { width: 1280, height: 800 } });
          p2 = await fresh.newPage();
        }
        await fresh.addCookies(await page.context().cookies());
        p2.on('request', (r) => requests.push(r.url()));
        if (settle) {
          await p2.goto('about:blank');
          await p2.waitForTimeout(SETTLE_MS);
        }
        const t0 = Date.now();
        await p2.goto(`${server.url}/${draft}`);
        await p2.locator('.tree [role="treeitem"]').first().waitFor();
        const treeMs = Date.now() - t0;
        await p2.locator('.monaco-editor .view-lines').waitFor();
        const monacoMs = Date.now() - t0;
        await expect.poll(() => p2.locator('.problems-pane').getAttribute('data-version'), { timeout: 30_000 }).not.toBe('-1');
        const problemsMs = Date.now() - t0;
        const nav = (await p2.evaluate(NAVIGATION_TIMING)) as { dcl: number; load: number; bytes: number };
        loads.push({ treeMs, monacoMs, problemsMs, ...nav });
        const w = (await p2.evaluate(WATERFALL)) as Waterfall;
        if (treeMs === median(loads.map((l) => l.treeMs)) || waterfall.length === 0) waterfall = w;
      }
      return { loads, waterfall };
    };
    const { loads, waterfall } = await measure(false);
    const settled = (await measure(true)).loads;
    const of = (k: keyof (typeof loads)[number]) => median(loads.map((l) => l[k]));
    const [treeMs, monacoMs, problemsMs] = [of('treeMs'), of('monacoMs'), of('problemsMs')];
    const nav = { dcl: of('dcl'), load: of('load'), bytes: of('bytes') };
    const pane = p2.locator('.problems-pane');
    mkdirSync(join(ROOT, 'test-output/editor'), { recursive: true });
    writeFileSync(
      join(ROOT, 'test-output/editor/first-load-waterfall.txt'),
      [
        `tree ${loads.map((l) => l.treeMs).join(' / ')} ms, Monaco ${loads.map((l) => l.monacoMs).join(' / ')} ms, DOMContentLoaded ${loads.map((l) => l.dcl.toFixed(0)).join(' / ')} ms (${LOADS} loads); waterfall of one near the median:`,
        ...waterfall.map((r) => `${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms  ${(r.bytes / 1024).toFixed(0).padStart(5)} KB sent (${(r.size / 1024).toFixed(0).padStart(5)} KB)  ${r.name}`),
      ].join('\n') + '\n',
    );
    expect(foreign(requests, server.url)).toEqual([]);
    await s.shot('performance-first-load');

    // validation after an edit: type a new value for the first top-level indicator, read the engine's time
    await p2.locator('.tree > [role="treeitem"] .node-name').first().click();
    const input = p2.getByLabel('指标分值');
    const original = await input.inputValue();
    const validation: number[] = [];
    const endToEnd: number[] = [];
    for (const v of ['1', '2', '3', '4', '5', '6', '7', original]) {
      const before = Number(await pane.getAttribute('data-version'));
      await input.fill(v);
      // the worker answered for this edit (not an earlier one)
      await expect.poll(async () => Number(await pane.getAttribute('data-version')) > before && (await pane.getAttribute('aria-busy')) === 'false').toBe(true);
      const r = (await p2.evaluate('window.__pingyiValidation')) as { ms: number; roundTripMs: number };
      validation.push(r.ms);
      endToEnd.push(r.roundTripMs);
    }
    // the edit really was validated: a wrong top-level value shows a points-sum problem
    await input.fill('1');
    await p2.locator('.problem[data-code="points-sum"]').first().waitFor();
    await s.shot('performance-edit-validated');
    await fresh.close();

    const load = loadavg().map((x) => x.toFixed(1)).join(' / ');
    // the entry chunk index.html starts with, as built and as sent (brotli, written at build time)
    const html = readFileSync(join(ROOT, 'editor/dist/index.html'), 'utf8');
    const entry = /<script type="module"[^>]*src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    const entryFile = join(ROOT, 'editor/dist', entry);
    const kb = (f: string) => (existsSync(f) ? `${(statSync(f).size / 1024).toFixed(0)} KB` : '—');
    // Monaco's chunk, named in index.html by the build for the page to preload (vite.config.ts)
    const monacoChunk = /<meta name="pingyi-monaco-chunk" content="\/(assets\/[^"]+\.js)"/.exec(html)?.[1] ?? '';
    const monacoFile = join(ROOT, 'editor/dist', monacoChunk);
    // when, in the load the waterfall shows, Monaco's chunk and the workers were asked for (ms from navigation start)
    const asked = (re: RegExp) => waterfall.find((r) => re.test(r.name))?.start;
    const at = (x: number | undefined) => (x === undefined ? 'not asked for' : `${x.toFixed(0)} ms`);
    const section = [
      '<!-- editor:begin (written by test/editor/browser/performance.test.ts) -->',
      '## Browser editor',
      '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`test/editor/browser/performance.test.ts\` in Debian Chromium (headless, 1280×800) against \`server/main.ts\` on this machine (2 cores shared with other work; load average ${load}).`,
      '',
      `| what | measured | target |`,
      `|---|---|---|`,
      `| first load of the built editor (median of ${LOADS} fresh loads), workspace of \`${id}@${version}\` draft (${(bytes / 1024).toFixed(0)} KB, the largest shipped scheme): indicator tree shown | ${ms(treeMs)} (each: ${loads.map((l) => l.treeMs).join(' / ')} ms) | < 2 s |`,
      `| … and Monaco shown with the document | ${ms(monacoMs)} (each: ${loads.map((l) => l.monacoMs).join(' / ')} ms) | < 2 s |`,
      `| the same ${LOADS} loads, each in a new window left ${SETTLE_MS / 1000} s on about:blank first (Chromium's own window UI built before the clock starts): tree shown / Monaco shown | ${ms(median(settled.map((l) => l.treeMs)))} / ${ms(median(settled.map((l) => l.monacoMs)))} (Monaco each: ${settled.map((l) => l.monacoMs).join(' / ')} ms) | < 2 s |`,
      `| … first problems list from the validation worker (its first call compiles the JSON Schema) | ${ms(problemsMs)} | |`,
      `| … DOMContentLoaded / load event | ${ms(nav.dcl)} / ${ms(nav.load)} | |`,
      `| … bytes transferred (empty cache; Monaco's chunk is most of it, fetched alongside the document and evaluated when the page is idle or the tree painted) | ${(nav.bytes / 1024 / 1024).toFixed(1)} MB | |`,
      `| entry chunk \`${entry}\` (React, the tree; the form, the engine, Monaco and the validation worker are separate chunks) | ${kb(entryFile)}, sent as ${kb(`${entryFile}.br`)} brotli | |`,
      `| Monaco chunk \`${monacoChunk}\` (editor core, the JSON language and the contributions in \`editor/src/monaco/contributions.ts\`) | ${kb(monacoFile)}, sent as ${kb(`${monacoFile}.br`)} brotli | |`,
      `| … in the load of the waterfall: Monaco's chunk asked for at / JSON worker at / editor worker at (ms from navigation start; the workers start when an editor needs them) | ${at(asked(/\/assets\/monaco-[^/]*\.js$/))} / ${at(asked(/json\.worker/))} / ${at(asked(/editor\.worker/))} | |`,
      `| validation after an edit (engine \`validateScheme\` in the page's worker), median of ${validation.length} edits | ${ms(median(validation))} (max ${ms(Math.max(...validation))}) | < 100 ms |`,
      `| edit → worker validation → problems back in the page, median | ${ms(median(endToEnd))} (max ${ms(Math.max(...endToEnd))}) | |`,
      '',
      'The page requested nothing but the local server (asserted by the test). The network waterfall of the first load is written to `test-output/editor/first-load-waterfall.txt`.',
      '',
      'Under a load like this the numbers mostly measure the machine; the targets are to be checked on an idle machine with `PINGYI_PERF_DOC=1 npx vitest run test/editor/browser/performance.test.ts` (without the variable the figures go to `test-output/editor/performance.md`).',
      '<!-- editor:end -->',
    ].join('\n');
    // `npm test` must not rewrite a tracked file: the figures go to test-output/ unless
    // PINGYI_PERF_DOC=1 asks for docs/performance.md (run that on an idle machine)
    const file = process.env.PINGYI_PERF_DOC === '1' ? join(ROOT, 'docs/performance.md') : join(ROOT, 'test-output/editor/performance.md');
    mkdirSync(dirname(file), { recursive: true });
    console.log(section);
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n\nMeasured on this machine; each section says how.\n';
    const replaced = /<!-- editor:begin[\s\S]*?<!-- editor:end -->/.test(before) ? before.replace(/<!-- editor:begin[\s\S]*?<!-- editor:end -->/, section) : `${before.trimEnd()}\n\n${section}\n`;
    writeFileSync(file, replaced);
    expect(validation.every((x) => Number.isFinite(x) && x > 0)).toBe(true);
  }, 600_000);
});
