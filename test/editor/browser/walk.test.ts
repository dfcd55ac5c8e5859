/**
 * Issue 8 “Done when”: the whole drafting walk in Debian's Chromium against
 * the real server, with a screenshot of every step in test-output/editor/,
 * and no request to any host but the local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, foreign, login, openBrowser, startServer, type Server, type Session } from './harness.ts';
import { walk } from './walk-steps.ts';

describe('the browser editor', () => {
  let server: Server;
  let s: Session;
  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer();
    s = await openBrowser('walk');
  }, 240_000);
  afterAll(async () => {
    await s?.browser.close();
    await server?.close();
  });

  it('drafts, checks, fixes, undoes, saves, publishes, compares, previews and explains pingyang-2021', async () => {
    await login(s, server.url);
    await walk(server.url, s);
    expect(foreign(s.requests, server.url)).toEqual([]);
    expect(s.requests.some((u) => u.startsWith(`${server.url}/api/`))).toBe(true);
    expect(s.errors).toEqual([]);
  }, 600_000);
});
