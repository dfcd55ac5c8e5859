/**
 * Logins (issue 17 D13, D16) and the audit of access (D12): an unknown name
 * costs the same scrypt as a known one; failures slow the account after the
 * documented 5 with a short cap, and the address separately; an admin
 * unlocks; failed logins, logouts and refusals (403, 409, 413) are audited
 * with user, address and route, never with the password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptKdf, type Kdf } from '../../server/auth/password.ts';
import { ADMIN_PASSWORD, startServer, type Harness } from './harness.ts';

let h: Harness;
const clock = { t: Date.parse('2026-11-25T12:00:00Z'), now() { return new Date(this.t); } };
const derived: number[] = [];
const kdf: Kdf = (password, salt) => {
  derived.push(salt.length);
  return scryptKdf(password, salt);
};

beforeAll(async () => {
  // a trusted proxy on loopback: X-Forwarded-For gives each attempt the address the test chooses
  h = await startServer({ clock, kdf, trustProxy: 'loopback' });
}, 120_000);
afterAll(() => h.close());

const login = (username: unknown, password: unknown, from = '192.0.2.1') => h.call('POST', '/api/login', { body: { username, password }, headers: { 'x-forwarded-for': from } });
const auditLog = async () => (await h.call('GET', '/api/audit?limit=1000', { token: h.admin })).body as Array<{ at: string; user: string; action: string; target: string; address?: string; summary?: string[] }>;

describe('login work', () => {
  it('runs one scrypt with the same salt length for an unknown name as for a known one', async () => {
    await h.call('POST', '/api/users', { token: h.admin, body: { username: 'w-known', password: 'w-known-password', roles: ['viewer'] } });
    const one = async (username: unknown, password: unknown): Promise<number[]> => {
      const before = derived.length;
      await login(username, password, '192.0.2.10');
      return derived.slice(before);
    };
    expect(await one('w-known', 'wrong-password')).toEqual([16]);
    expect(await one('w-known', 'w-known-password')).toEqual([16]);
    expect(await one('nobody-by-this-name', 'wrong-password')).toEqual([16]);
    expect(await one('', 'x')).toEqual([16]);
    expect(await one('nobody-by-this-name', 12345)).toEqual([16]);
  });
});

describe('login backoff', () => {
  it('holds an account after its 5th failure, whichever addresses the failures came from', async () => {
    await h.userWith('b-account', ['viewer']);
    for (let i = 0; i < 5; i++) expect((await login('b-account', 'wrong', `198.51.100.${i}`)).status).toBe(401);
    const held = await login('b-account', 'b-account-password', '198.51.100.99');
    expect(held.status).toBe(429);
    expect(held.body.code).toBe('too-many-attempts');
    expect(held.headers.get('retry-after')).toBe('1');
  });

  it('doubles the account wait up to a cap of 60 s, so nobody can hold an account for long', async () => {
    await h.userWith('b-cap', ['viewer']);
    for (let i = 0; i < 5; i++) await login('b-cap', 'wrong', `203.0.113.${i}`);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await login('b-cap', 'wrong', `203.0.113.${100 + i}`);
      expect(r.status).toBe(429);
      const wait = Number(r.headers.get('retry-after'));
      waits.push(wait);
      clock.t += wait * 1000;
      expect((await login('b-cap', 'wrong', `203.0.113.${100 + i}`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    clock.t += 60_000;
    expect((await login('b-cap', 'b-cap-password', '203.0.113.200')).status).toBe(200);
  });

  it('holds an address that failed on many names, but not the same names from elsewhere', async () => {
    await h.userWith('b-address', ['viewer']);
    for (let i = 0; i < 20; i++) expect((await login(`sprayed-${i}`, 'wrong', '192.0.2.66')).status).toBe(401);
    expect((await login('b-address', 'b-address-password', '192.0.2.66')).status).toBe(429);
    expect((await login('b-address', 'b-address-password', '192.0.2.67')).status).toBe(200);
  });

  it('lets an admin unlock an account (and an address)', async () => {
    await h.userWith('b-unlock', ['viewer']);
    const viewer = await h.login('b-unlock', 'b-unlock-password');
    for (let i = 0; i < 5; i++) await login('b-unlock', 'wrong', `198.51.100.${50 + i}`);
    expect((await login('b-unlock', 'b-unlock-password', '198.51.100.60')).status).toBe(429);
    expect((await h.call('POST', '/api/users/b-unlock/unlock', { token: viewer })).status).toBe(403);
    const unlocked = await h.call('POST', '/api/users/b-unlock/unlock', { token: h.admin, body: { address: '192.0.2.66' } });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ username: 'b-unlock', account: true, address: true });
    expect((await login('b-unlock', 'b-unlock-password', '198.51.100.60')).status).toBe(200);
    expect((await login('b-unlock', 'b-unlock-password', '192.0.2.66')).status).toBe(200);
    expect((await h.call('POST', '/api/users/nobody-here/unlock', { token: h.admin })).status).toBe(404);
    expect((await auditLog()).find((e) => e.action === 'user-unlocked')).toMatchObject({ user: 'admin', target: 'user:b-unlock' });
  });
});

describe('the audit of access', () => {
  it('records failed logins with the name tried and the address, never the password', async () => {
    await login('admin', 'a-wrong-guess-of-the-password', '192.0.2.77');
    await login('no-such-user', 'another-wrong-guess', '192.0.2.78');
    const log = await auditLog();
    expect(log.find((e) => e.action === 'login-failed' && e.address === '192.0.2.77')).toMatchObject({ user: 'admin', target: 'user:admin', summary: ['wrong-password'] });
    expect(log.find((e) => e.action === 'login-failed' && e.address === '192.0.2.78')).toMatchObject({ user: 'no-such-user', summary: ['unknown-user'] });
    const text = JSON.stringify(log);
    expect(text).not.toContain('a-wrong-guess-of-the-password');
    expect(text).not.toContain('another-wrong-guess');
    expect(text).not.toContain(ADMIN_PASSWORD);
  });

  it('records logouts', async () => {
    await h.userWith('a-logout', ['viewer']);
    const r = await login('a-logout', 'a-logout-password', '192.0.2.80');
    await h.call('POST', '/api/logout', { token: r.body.token, headers: { 'x-forwarded-for': '192.0.2.80' } });
    expect((await auditLog()).find((e) => e.action === 'logout' && e.user === 'a-logout')).toMatchObject({ target: 'user:a-logout', address: '192.0.2.80' });
  });

  it('records refusals 403, 409 and 413 with user, address and route, whichever route refused', async () => {
    const viewer = await h.userWith('a-viewer', ['viewer']);
    const forwarded = { 'x-forwarded-for': '192.0.2.90' };
    expect((await h.call('POST', '/api/schemes/nanyang-2014/versions/1.0.0/new-version', { token: viewer, headers: forwarded })).status).toBe(403);
    expect((await h.call('POST', '/api/users', { token: h.admin, headers: forwarded, body: { username: 'a-viewer', password: 'long-enough', roles: [] } })).status).toBe(409);
    const big = JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) });
    expect((await h.call('PUT', '/api/schemes/pingyang-2021/versions/1.0.0', { token: h.admin, raw: big, headers: { ...forwarded, 'content-type': 'application/json', 'if-match': '1' } })).status).toBe(413);
    const cookie = (await login('a-viewer', 'a-viewer-password', '192.0.2.90')).headers.get('set-cookie')!.split(';')[0]!;
    expect((await h.call('POST', '/api/tokens', { headers: { ...forwarded, cookie, origin: 'http://evil.example', 'content-type': 'text/plain' }, raw: '{}' })).status).toBe(403);

    const refused = (await auditLog()).filter((e) => e.action === 'refused' && e.address === '192.0.2.90');
    expect(refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: 'a-viewer', target: 'POST /api/schemes/nanyang-2014/versions/1.0.0/new-version', summary: ['403 forbidden'] }),
        expect.objectContaining({ user: 'admin', target: 'POST /api/users', summary: ['409 user-exists'] }),
        expect.objectContaining({ user: 'admin', target: 'PUT /api/schemes/pingyang-2021/versions/1.0.0', summary: ['413 too-large'] }),
        expect.objectContaining({ user: 'a-viewer', target: 'POST /api/tokens', summary: ['403 cross-origin'] }),
      ]),
    );
    expect(refused).toHaveLength(4);
  });
});
