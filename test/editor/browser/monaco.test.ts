/**
 * Issue 8: what the page asks of Monaco, in Chromium against the real server.
 * The build keeps only the editor contributions the page uses
 * (editor/src/monaco/contributions.ts); this checks each still works:
 * completion and hover text from the scheme's JSON Schema, Monaco's schema
 * markers beside the engine's, find and folding; and that the workers start
 * when the editor needs them, from the local server only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, foreign, login, openBrowser, startServer, type Server, type Session } from './harness.ts';

describe('Monaco in the page', () => {
  let server: Server;
  let s: Session;
  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer();
    s = await openBrowser('monaco');
  }, 240_000);
  afterAll(async () => {
    // the last state of the page, whatever happened
    await s?.shot('end').catch(() => undefined);
    if (s?.errors.length) console.log('page errors:', s.errors);
    await s?.browser.close();
    await server?.close();
  });

  it('completes, explains and marks from the JSON Schema and the engine; finds and folds', async () => {
    const { page } = s;
    await login(s, server.url);
    await page.locator('[data-scheme="pingyang-2021"] tr[data-version="1.0.0"]').getByRole('button', { name: '起草新版本' }).click();
    const pane = page.locator('.json-pane');
    await pane.locator('.monaco-editor .view-lines').waitFor();
    // the language features answer once the JSON worker is up: folding controls appear in the margin
    await expect.poll(() => pane.locator('.margin .codicon-folding-expanded').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(s.requests.some((u) => /\/assets\/json\.worker-[^/]+\.js$/.test(u))).toBe(true);

    // hover on a key: the schema's description of it
    const yearLine = pane.locator('.view-line', { hasText: '"year": 2021,' });
    await yearLine.locator('span', { hasText: /^"year"$/ }).hover();
    await expect.poll(() => page.locator('.monaco-hover:visible').allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringContaining('评议年度 — appraisal year')]));
    await s.shot('hover-schema-description');
    await page.keyboard.press('Escape');

    // a value of the wrong type: Monaco's schema marker on the value, the engine's problem on the key
    await yearLine.locator('span', { hasText: /^2021$/ }).dblclick();
    // cleared first: a quote typed over a selection would surround it
    await page.keyboard.press('Backspace');
    await page.keyboard.type('"x"');
    await page.locator('.problem[data-path="/year"]').first().waitFor();
    // the engine's problem is an error; Monaco's schema check reports as a warning (its default)
    await expect.poll(() => pane.locator('.squiggly-error').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => pane.locator('.squiggly-warning').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const badLine = pane.locator('.view-line', { hasText: '"year": "x",' });
    await page.mouse.move(0, 0);
    await badLine.locator('span', { hasText: /^"x"$/ }).hover();
    await expect.poll(() => page.locator('.monaco-hover:visible').allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringMatching(/Incorrect type\. Expected "integer"/)]));
    await s.shot('schema-marker-hover');
    await page.mouse.move(0, 0);
    await badLine.locator('span', { hasText: /^"year"$/ }).hover();
    const code = (await page.locator('.problem[data-path="/year"]').first().getAttribute('data-code')) ?? '';
    expect(code).not.toBe('');
    await expect.poll(() => page.locator('.monaco-hover:visible').allTextContents(), { timeout: 30_000 }).toEqual(expect.arrayContaining([expect.stringContaining(`[${code}]`)]));
    await s.shot('engine-marker-hover');
    // the hover covers the lines above: away with it before clicking there
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.monaco-hover:visible', { hasText: code }).count()).toBe(0);
    await page.getByRole('button', { name: /撤销/ }).click();
    await expect.poll(async () => (await pane.locator('.view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('"year": 2021,');

    // completion from the schema: a property the document does not have yet
    await pane.locator('.view-line', { hasText: '"id": "pingyang-2021",' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"descr');
    // the typed text is in the editor (it has the focus) before completion is asked for
    await expect.poll(async () => (await pane.locator('.view-lines').textContent())?.replace(/\u00a0/g, ' ')).toContain('"descr');
    const suggest = pane.locator('.suggest-widget .monaco-list-row:visible', { hasText: 'description' });
    // asked again while it has not shown: on a loaded machine the JSON worker can answer after the widget gave up
    await expect
      .poll(
        async () => {
          if ((await suggest.count()) === 0) await page.keyboard.press('Control+Space');
          return suggest.count();
        },
        { timeout: 90_000, interval: 3000 },
      )
      .toBeGreaterThan(0)
      // a picture of what the page showed instead, for whoever reads the failure
      .catch(async (e: unknown) => {
        await s.shot('completion-missing');
        throw e;
      });
    await s.shot('completion-from-schema');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await pane.locator('.view-lines').textContent())?.replace(/\u00a0/g, ' ')).toMatch(/"description": ?"/);

    // find
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+F');
    await pane.locator('.find-widget.visible').waitFor();
    await page.keyboard.type('totalPoints');
    await expect.poll(() => pane.locator('.find-widget .matchesCount').textContent()).toMatch(/^1 of 1$|^1 \/ 1$|^第 1 项，共 1 项$/);
    await s.shot('find');

    expect(foreign(s.requests, server.url)).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 300_000);
});
