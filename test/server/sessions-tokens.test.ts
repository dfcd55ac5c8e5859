/**
 * Sessions and script tokens have a lifecycle (issue 17 D6, D7, D8): logout
 * ends the session whatever carried it; tokens are named, expire, are
 * listed and revoked by id, and die with a password reset or a disabled
 * user; a disabled user or one without roles reads nothing; the last admin
 * stays an admin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyOf, newSecret } from '../../server/auth/secrets.ts';
import { startServer, type Harness } from './harness.ts';

const DAY = 86_400_000;
let h: Harness;
const clock = { t: Date.parse('2026-11-25T12:00:00Z'), now() { return new Date(this.t); } };

beforeAll(async () => {
  h = await startServer({ clock });
}, 120_000);
afterAll(() => h.close());

const base = '/api/schemes/nanyang-2014/versions/1.0.0';
const me = (token: string) => h.call('GET', '/api/me', { token });
const newToken = (token: string, body: unknown) => h.call('POST', '/api/tokens', { token, body });

describe('logout', () => {
  it('ends the session when its secret came as the bearer login token', async () => {
    const session = await h.userWith('s-bearer', ['viewer']);
    expect((await me(session)).status).toBe(200);
    expect((await h.call('POST', '/api/logout', { token: session })).status).toBe(204);
    const after = await me(session);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('not-logged-in');
  });
});

describe('script tokens', () => {
  it('are named, expire after the days asked (default 90), and are listed by id without their secret', async () => {
    const session = await h.userWith('t-list', ['viewer']);
    const made = await newToken(session, { name: '夜间导出 nightly export', days: 30 });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '夜间导出 nightly export', username: 't-list', createdAt: new Date(clock.t).toISOString(), expiresAt: new Date(clock.t + 30 * DAY).toISOString() });
    expect(made.body.id).toMatch(/^tok-/);
    expect(made.body.id).not.toContain(made.body.token);
    const plain = await newToken(session, { name: 'default expiry' });
    expect(plain.body.expiresAt).toBe(new Date(clock.t + 90 * DAY).toISOString());
    expect((await me(made.body.token)).body.username).toBe('t-list');

    const list = await h.call('GET', '/api/tokens', { token: session });
    expect(list.status).toBe(200);
    expect(list.body.map((t: { id: string }) => t.id).sort()).toEqual([made.body.id, plain.body.id].sort());
    expect(list.text).not.toContain(made.body.token);
    expect(list.text).not.toContain(keyOf(made.body.token));

    // own tokens only; an admin may ask for everyone's
    const other = await h.userWith('t-other', ['viewer']);
    expect((await h.call('GET', '/api/tokens', { token: other })).body).toEqual([]);
    expect((await h.call('GET', '/api/tokens?all=true', { token: other })).status).toBe(403);
    const all = await h.call('GET', '/api/tokens?all=true', { token: h.admin });
    expect(all.body.map((t: { id: string }) => t.id)).toContain(made.body.id);
  });

  it('refuses a token without a name or with an expiry beyond the maximum', async () => {
    const session = await h.userWith('t-bad', ['viewer']);
    expect((await newToken(session, {})).body.code).toBe('bad-name');
    expect((await newToken(session, { name: '  ' })).body.code).toBe('bad-name');
    for (const days of [0, 366, 1.5, '30']) expect((await newToken(session, { name: 'x', days })).body.code, String(days)).toBe('bad-expiry');
    expect((await newToken(session, { name: 'x', days: 365 })).status).toBe(201);
  });

  it('are revoked by id: by their owner or an admin, a stranger is told not found', async () => {
    const owner = await h.userWith('t-revoke', ['viewer']);
    const stranger = await h.userWith('t-stranger', ['viewer']);
    const a = (await newToken(owner, { name: 'a' })).body;
    const b = (await newToken(owner, { name: 'b' })).body;
    expect((await h.call('DELETE', `/api/tokens/${a.id}`, { token: stranger })).status).toBe(404);
    expect((await me(a.token)).status).toBe(200);
    expect((await h.call('DELETE', `/api/tokens/${a.id}`, { token: owner })).status).toBe(204);
    expect((await me(a.token)).status).toBe(401);
    expect((await h.call('DELETE', `/api/tokens/${a.id}`, { token: owner })).status).toBe(404);
    expect((await h.call('DELETE', `/api/tokens/${b.id}`, { token: h.admin })).status).toBe(204);
    expect((await me(b.token)).status).toBe(401);
    expect((await h.call('GET', '/api/tokens', { token: owner })).body).toEqual([]);
  });

  it('die with a password reset, and so do sessions', async () => {
    const session = await h.userWith('t-reset', ['viewer']);
    const token = (await newToken(session, { name: 'script' })).body.token;
    expect((await h.call('PATCH', '/api/users/t-reset', { token: h.admin, body: { password: 'a-brand-new-password' } })).status).toBe(200);
    expect((await me(session)).status).toBe(401);
    expect((await me(token)).status).toBe(401);
    const again = await h.login('t-reset', 'a-brand-new-password');
    expect((await h.call('GET', '/api/tokens', { token: again })).body).toEqual([]);
  });
});

describe('token expiry', () => {
  it('stops a token at its expiry, and gives a token made before the lifecycle the default expiry from its creation', async () => {
    const c = { t: Date.parse('2026-01-01T00:00:00Z'), now() { return new Date(this.t); } };
    const e = await startServer({ clock: c });
    try {
      const session = await e.userWith('t-expiry', ['viewer']);
      const short = (await e.call('POST', '/api/tokens', { token: session, body: { name: 'short', days: 1 } })).body;
      const long = (await e.call('POST', '/api/tokens', { token: session, body: { name: 'long' } })).body;
      // a token as stored before it had an id, a name or an expiry
      const legacy = newSecret();
      await e.store.write((db) => void db.tokens.push({ key: keyOf(legacy), username: 't-expiry', createdAt: new Date(c.t).toISOString() }));
      const legacyView = (await e.call('GET', '/api/tokens', { token: session })).body.find((t: { name: string }) => t.name === '(未命名)');
      expect(legacyView).toMatchObject({ username: 't-expiry', expiresAt: new Date(c.t + 90 * DAY).toISOString() });
      expect(legacyView.id).not.toContain(legacy);

      c.t += DAY - 1;
      expect((await e.call('GET', '/api/me', { token: short.token })).status).toBe(200);
      c.t += 1;
      expect((await e.call('GET', '/api/me', { token: short.token })).status).toBe(401);
      expect((await e.call('GET', '/api/me', { token: long.token })).status).toBe(200);
      expect((await e.call('GET', '/api/me', { token: legacy })).status).toBe(200);
      c.t += 89 * DAY;
      expect((await e.call('GET', '/api/me', { token: long.token })).status).toBe(401);
      expect((await e.call('GET', '/api/me', { token: legacy })).status).toBe(401);
    } finally {
      await e.close();
    }
  });
});

describe('disabled users and users without roles', () => {
  it('disabling ends sessions and tokens, refuses the login, and is listed; enabling lets the user log in again', async () => {
    const session = await h.userWith('d-user', ['drafter']);
    const token = (await newToken(session, { name: 'script' })).body.token;
    const off = await h.call('PATCH', '/api/users/d-user', { token: h.admin, body: { disabled: true } });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ username: 'd-user', roles: ['drafter'], disabled: true });
    for (const t of [session, token]) {
      expect((await me(t)).status).toBe(401);
      expect((await h.call('GET', '/api/schemes', { token: t })).status).toBe(401);
    }
    const login = await h.call('POST', '/api/login', { body: { username: 'd-user', password: 'd-user-password' } });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('bad-login');
    const users = (await h.call('GET', '/api/users', { token: h.admin })).body as Array<Record<string, unknown>>;
    expect(users.find((u) => u.username === 'd-user')).toEqual({ username: 'd-user', roles: ['drafter'], disabled: true, createdAt: expect.any(String) });
    expect(users.find((u) => u.username === 'admin')).toMatchObject({ disabled: false });
    expect((await h.call('PATCH', '/api/users/d-user', { token: h.admin, body: { disabled: 'yes' } })).body.code).toBe('bad-disabled');

    expect((await h.call('PATCH', '/api/users/d-user', { token: h.admin, body: { disabled: false } })).body.disabled).toBe(false);
    expect((await me(token)).status).toBe(401);
    const back = await h.login('d-user', 'd-user-password');
    expect((await h.call('GET', '/api/schemes', { token: back })).status).toBe(200);
  });

  it('a user with roles [] reads nothing, but may ask who it is', async () => {
    const none = await h.userWith('r-none', []);
    for (const path of ['/api/schemes', base, '/api/schemes/nanyang-2014', '/api/datasets?scheme=nanyang-2014', '/api/diff?from=nanyang-2014@1.0.0&to=nanyang-2014@1.0.0']) {
      const r = await h.call('GET', path, { token: none });
      expect(r.status, path).toBe(403);
      expect(r.body.code, path).toBe('no-roles');
      expect(r.body.message.zh).toContain('没有任何角色');
    }
    expect((await me(none)).body).toEqual({ username: 'r-none', roles: [] });
  });
});

describe('the last admin', () => {
  it('cannot lose its admin role nor be disabled; with a second admin it can', async () => {
    for (const body of [{ roles: ['viewer'] }, { roles: [] }, { disabled: true }, { roles: ['publisher'], disabled: true }]) {
      const r = await h.call('PATCH', '/api/users/admin', { token: h.admin, body });
      expect(r.status, JSON.stringify(body)).toBe(409);
      expect(r.body.code).toBe('last-admin');
      expect(r.body.message.zh).toContain('最后一位');
    }
    expect((await me(h.admin)).body.roles).toEqual(['admin']);
    expect((await h.call('POST', '/api/users', { token: h.admin, body: { username: 'admin2', password: 'admin2-password', roles: ['admin'] } })).status).toBe(201);
    // a disabled admin does not count
    expect((await h.call('PATCH', '/api/users/admin2', { token: h.admin, body: { disabled: true } })).status).toBe(200);
    expect((await h.call('PATCH', '/api/users/admin', { token: h.admin, body: { roles: ['viewer'] } })).body.code).toBe('last-admin');
    expect((await h.call('PATCH', '/api/users/admin2', { token: h.admin, body: { disabled: false } })).status).toBe(200);
    const admin2 = await h.login('admin2', 'admin2-password');
    expect((await h.call('PATCH', '/api/users/admin', { token: admin2, body: { roles: ['viewer'] } })).status).toBe(200);
    const self = await h.call('PATCH', '/api/users/admin2', { token: admin2, body: { roles: ['publisher'] } });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('last-admin');
    expect((await h.call('PATCH', '/api/users/admin', { token: admin2, body: { roles: ['admin'] } })).status).toBe(200);
  });
});
