/**
 * Issue 18: a clerk's season in Debian's Chromium against the real server,
 * screenshots in test-output/editor/season-*.png, no request leaving the
 * local server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, foreign, login, openBrowser, startServer, type Server, type Session } from './harness.ts';
import { season } from './season-steps.ts';

describe('the clerk’s season', () => {
  let server: Server;
  let s: Session;
  beforeAll(async () => {
    await ensureBuilt();
    server = await startServer();
    s = await openBrowser('season');
  }, 240_000);
  afterAll(async () => {
    await s?.browser.close();
    await server?.close();
  });

  it('drafts 2022 from 2021 with its notes and text, merges a conflict, reads 方案全文, publishes after a review, manages users', async () => {
    await login(s, server.url);
    await season(server.url, s);
    expect(foreign(s.requests, server.url)).toEqual([]);
    expect(s.errors).toEqual([]);
  }, 600_000);
});
