import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginBackoff } from '../../server/auth/backoff.ts';
import { ADMIN_PASSWORD, startServer, type Harness } from './harness.ts';

let h: Harness;
const tokens: Record<string, string> = {};
const clock = { t: Date.parse('2026-11-25T12:00:00Z'), now() { return new Date(this.t); } };

beforeAll(async () => {
  h = await startServer({ clock });
  for (const role of ['viewer', 'drafter', 'publisher', 'data-entry'] as const) tokens[role] = await h.userWith(`u-${role}`, [role]);
  tokens.admin = h.admin;
}, 120_000);
afterAll(() => h.close());

const base = '/api/schemes/nanyang-2014/versions/1.0.0';

describe('roles', () => {
  it('lets anonymous callers only log in and ask for health', async () => {
    expect((await h.call('GET', '/api/health')).body).toMatchObject({ ok: true });
    for (const [method, path] of [['GET', '/api/schemes'], ['GET', base], ['POST', `${base}/new-version`], ['PUT', base], ['POST', `${base}/publish`], ['GET', '/api/users'], ['GET', '/api/audit'], ['POST', '/api/tokens']] as const) {
      const r = await h.call(method, path, method === 'GET' ? {} : { body: {} });
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(r.body.code).toBe('not-logged-in');
      expect(r.body.message.zh).toBeTruthy();
    }
  });

  it('allows and refuses each role where the contract says', async () => {
    const cases: Array<[string, string, string, Record<string, number>]> = [
      ['GET', '/api/schemes', '', { viewer: 200, drafter: 200, publisher: 200, 'data-entry': 200, admin: 200 }],
      ['POST', `${base}/new-version`, '', { viewer: 403, drafter: 201, publisher: 201, 'data-entry': 403, admin: 201 }],
      ['GET', '/api/audit', '', { viewer: 403, drafter: 403, publisher: 200, 'data-entry': 403, admin: 200 }],
      ['GET', '/api/users', '', { viewer: 403, drafter: 403, publisher: 403, 'data-entry': 403, admin: 200 }],
    ];
    for (const [method, path, , expected] of cases) {
      for (const [role, status] of Object.entries(expected)) {
        const r = await h.call(method, path, { token: tokens[role] });
        expect(r.status, `${role} ${method} ${path}`).toBe(status);
        if (status === 403) expect(r.body.code).toBe('forbidden');
      }
    }
  });

  it('lets only publishers publish and retire', async () => {
    const draft = await h.call('POST', `${base}/new-version`, { token: tokens.drafter });
    const v = `/api/schemes/nanyang-2014/versions/${draft.body.meta.version}`;
    for (const role of ['viewer', 'drafter', 'data-entry']) expect((await h.call('POST', `${v}/publish`, { token: tokens[role] })).status).toBe(403);
    expect((await h.call('POST', `${v}/publish`, { token: tokens.publisher })).status).toBe(200);
    expect((await h.call('POST', `${v}/retire`, { token: tokens.drafter })).status).toBe(403);
    expect((await h.call('POST', `${v}/retire`, { token: tokens.publisher })).status).toBe(200);
  });
});

describe('login, cookie, tokens, users', () => {
  it('sets an HttpOnly SameSite=Strict session cookie that works until logout', async () => {
    const r = await h.call('POST', '/api/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^pingyi_session=[^;]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(r.body.user).toEqual({ username: 'admin', roles: ['admin'] });
    const pair = cookie.split(';')[0]!;
    const me = await h.call('GET', '/api/me', { headers: { cookie: pair } });
    expect(me.body).toEqual({ username: 'admin', roles: ['admin'] });
    // a cookie write must say it comes from the server's own page (cross-origin guard, issue 17 D9)
    expect((await h.call('POST', '/api/logout', { headers: { cookie: pair, origin: h.url, 'content-type': 'application/json' } })).status).toBe(204);
    expect((await h.call('GET', '/api/me', { headers: { cookie: pair } })).status).toBe(401);
  });

  it('gives scripts a bearer token and never stores a password or secret in clear', async () => {
    const t = await h.call('POST', '/api/tokens', { token: tokens.viewer, body: { name: 'nightly export' } });
    expect(t.status).toBe(201);
    expect((await h.call('GET', '/api/me', { token: t.body.token })).body.username).toBe('u-viewer');
    const text = await readFile(join(h.dir, 'db.json'), 'utf8');
    expect(text).not.toContain(ADMIN_PASSWORD);
    expect(text).not.toContain(t.body.token);
    expect(text).not.toContain(h.admin);
  });

  it('changes roles and passwords (admin), refusing bad input with codes', async () => {
    expect((await h.call('PATCH', '/api/users/u-viewer', { token: h.admin, body: { roles: ['drafter'] } })).body.roles).toEqual(['drafter']);
    expect((await h.call('POST', `${base}/new-version`, { token: tokens.viewer })).status).toBe(201);
    expect((await h.call('PATCH', '/api/users/u-viewer', { token: h.admin, body: { roles: ['king'] } })).body.code).toBe('bad-roles');
    expect((await h.call('PATCH', '/api/users/nobody', { token: h.admin, body: { roles: [] } })).status).toBe(404);
    expect((await h.call('POST', '/api/users', { token: h.admin, body: { username: '../x', password: 'long-enough', roles: [] } })).body.code).toBe('bad-id');
    expect((await h.call('POST', '/api/users', { token: h.admin, body: { username: 'short', password: 'x', roles: [] } })).body.code).toBe('bad-password');
    expect((await h.call('POST', '/api/users', { token: h.admin, body: { username: 'u-drafter', password: 'long-enough', roles: [] } })).status).toBe(409);
  });

  it('slows repeated failed logins of an account, and lets the right password in after the wait', async () => {
    for (let i = 0; i < 5; i++) expect((await h.call('POST', '/api/login', { body: { username: 'u-drafter', password: 'wrong' } })).body.code).toBe('bad-login');
    // the documented 5: the attempt after the 5th failure already waits (it was the 7th before issue 17 D16)
    const slowed = await h.call('POST', '/api/login', { body: { username: 'u-drafter', password: 'u-drafter-password' } });
    expect(slowed.status).toBe(429);
    expect(slowed.body.code).toBe('too-many-attempts');
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    // another user from the same address is not held up
    expect((await h.call('POST', '/api/login', { body: { username: 'u-publisher', password: 'u-publisher-password' } })).status).toBe(200);
    clock.t += 60_000;
    expect((await h.call('POST', '/api/login', { body: { username: 'u-drafter', password: 'u-drafter-password' } })).status).toBe(200);
  });
});

describe('login backoff memory', () => {
  it('keeps at most maxEntries pairs, dropping the oldest', () => {
    const b = new LoginBackoff({ now: () => new Date(0) }, { account: { free: 0 }, address: { free: 1_000_000 }, maxEntries: 100 });
    for (let i = 0; i < 1000; i++) b.fail(`user${i}`, `10.0.${i >> 8}.${i & 255}`);
    expect(b.size).toEqual({ accounts: 100, addresses: 100 });
    expect(b.waitMs('user999', '1.2.3.4')).toBeGreaterThan(0);
    expect(b.waitMs('user0', '1.2.3.4')).toBe(0);
  });
});
