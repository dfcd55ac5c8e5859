/**
 * Issue 8 “Scheme cases run in the page (the same cases as `pingyi test`)”:
 * every shipped scheme's cases, including those whose data is a separate file
 * beside the case (NDJSON, CSV), run in the page against the published
 * version and all pass, as they do under `pingyi test`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, foreign, login, openBrowser, ROOT, startServer, type Server, type Session } from './harness.ts';

// the case files `pingyi test` runs (cli/commands.ts caseFiles), and those whose input is a data file
const caseFiles = (id: string) => readdirSync(join(ROOT, 'schemes', id, 'cases')).filter((f) => f.endsWith('.json') && !f.endsWith('.input.json'));
const dataFiles = (id: string) => readdirSync(join(ROOT, 'schemes', id, 'cases')).filter((f) => !f.endsWith('.json'));
const SCHEMES = ['nanyang-2014', 'pingyang-2021', 'wenzhou-2023', 'wenzhou-2024'];

describe('scheme cases in the page', () => {
  let server: Server;
  let s: Session;
  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer();
    s = await openBrowser('cases');
  }, 240_000);
  afterAll(async () => {
    await s?.browser.close();
    await server?.close();
  });

  it('the shipped data files are there to be read (two schemes have cases with separate data)', () => {
    expect(dataFiles('nanyang-2014').length).toBeGreaterThan(0);
    expect(dataFiles('wenzhou-2024').length).toBeGreaterThan(0);
  });

  for (const id of SCHEMES) {
    it(`runs every case of ${id} in the page, and each passes`, async () => {
      const { page } = s;
      if (!page.url().startsWith(server.url)) await login(s, server.url);
      await page.goto(`${server.url}/#/`);
      const version = await page.locator(`[data-scheme="${id}"] tr[data-version]`).first().getAttribute('data-version');
      await page.goto(`${server.url}/#/s/${id}/${version}/cases`);
      const n = caseFiles(id).length;
      await expect.poll(() => page.locator('.cases li[data-case]').count(), { timeout: 60_000 }).toBe(n);
      const run = page.getByRole('button', { name: '用当前草稿运行全部用例' });
      // enabled once the validation worker has typed the scheme
      await expect.poll(() => run.isEnabled(), { timeout: 90_000 }).toBe(true);
      await run.click();
      const summary = page.getByTestId('cases-summary');
      await summary.waitFor({ timeout: 120_000 });
      await s.shot(`${id}-cases`);
      const failed = await page.locator('.cases li.fail, .cases li.skip').allTextContents();
      expect(failed).toEqual([]);
      await expect(summary.textContent()).resolves.toBe(`${n} / ${n} 通过`);
      expect(await page.locator('.cases li.pass').count()).toBe(n);
    }, 300_000);
  }

  it('asked nothing of any other host and logged no errors', () => {
    expect(foreign(s.requests, server.url)).toEqual([]);
    expect(s.errors).toEqual([]);
  });
});
