/**
 * Issue #17: ending access works on a full disk. A logout, a revoked token,
 * a disabled user or a new password answered 507 there and the session or
 * token stayed valid. Now each takes effect at once, kept in memory
 * (store.writeRevoking), and the next document write that succeeds stores
 * it; a change that grants anything is still refused 507 whole.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { keyOf } from '../../server/auth/secrets.ts';
import type { Db } from '../../server/store/types.ts';
import { FaultyFs } from './faulty-fs.ts';
import { startServer, type Harness } from './harness.ts';

const disk = new FaultyFs();
let h: Harness;
beforeAll(async () => {
  h = await startServer({}, undefined, { fs: disk.layer });
}, 120_000);
afterAll(() => h.close());
afterEach(() => disk.heal());

const onDisk = async (): Promise<Db> => JSON.parse(await readFile(join(h.dir, 'db.json'), 'utf8')) as Db;
const me = (token: string) => h.call('GET', '/api/me', { token }).then((r) => r.status);
/** A write that succeeds once the disk has room again: a login stores its session. */
const someWrite = () => h.login('admin', 'admin-password-for-tests');

describe('ending access on a full disk', () => {
  it('a logout ends the session at once and is stored by the next write that succeeds', async () => {
    await h.userWith('leaver', ['viewer']);
    const token = await h.login('leaver', 'leaver-password');
    expect(await me(token)).toBe(200);
    disk.failFrom(1);
    const out = await h.call('POST', '/api/logout', { token });
    expect(disk.full).toBe(true);
    expect(out.status).toBe(204);
    expect(await me(token)).toBe(401);
    expect(h.store.unsavedSince).toBeDefined();
    expect(h.logs.some((l) => l.startsWith('logout of leaver') && l.includes('disk full'))).toBe(true);
    // not on disk yet: the document there still has the session
    expect((await onDisk()).sessions.some((s) => s.key === keyOf(token))).toBe(true);

    disk.heal();
    await someWrite();
    const db = await onDisk();
    expect(db.sessions.some((s) => s.key === keyOf(token))).toBe(false);
    expect(db.audit.some((e) => e.action === 'logout' && e.user === 'leaver')).toBe(true);
    expect(h.store.unsavedSince).toBeUndefined();
    expect(await me(token)).toBe(401);
  });

  it('a revoked script token dies at once on a full disk', async () => {
    const made = await h.call('POST', '/api/tokens', { token: h.admin, body: { name: '满盘撤销' } });
    expect(made.status).toBe(201);
    expect(await me(made.body.token)).toBe(200);
    disk.failFrom(1);
    expect((await h.call('DELETE', `/api/tokens/${made.body.id}`, { token: h.admin })).status).toBe(204);
    expect(disk.full).toBe(true);
    expect(await me(made.body.token)).toBe(401);
    // main.ts retries every 30 s: still full, nothing written; with room, written without any other write
    expect(await h.store.flushUnsaved()).toBe(false);
    expect((await onDisk()).tokens.some((t) => t.id === made.body.id)).toBe(true);
    disk.heal();
    expect(await h.store.flushUnsaved()).toBe(true);
    expect((await onDisk()).tokens.some((t) => t.id === made.body.id)).toBe(false);
    expect(h.store.unsavedSince).toBeUndefined();
  });

  it('disabling a user on a full disk ends its sessions and logins at once, says it is held in memory, then stores it', async () => {
    await h.userWith('gone', ['viewer']);
    const token = await h.login('gone', 'gone-password');
    disk.failFrom(1);
    const r = await h.call('PATCH', '/api/users/gone', { token: h.admin, body: { disabled: true } });
    expect(disk.full).toBe(true);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ username: 'gone', disabled: true, stored: false, warning: { code: 'held-in-memory' } });
    expect(r.body.warning.message.zh).toContain('存储空间已满');
    expect(await me(token)).toBe(401);
    // a login on the full disk (kept in memory otherwise) is refused as for any disabled user
    expect((await h.call('POST', '/api/login', { body: { username: 'gone', password: 'gone-password' } })).status).toBe(401);
    expect((await onDisk()).users.find((u) => u.username === 'gone')?.disabled).toBeUndefined();
    disk.heal();
    await someWrite();
    expect((await onDisk()).users.find((u) => u.username === 'gone')?.disabled).toBe(true);
  });

  it('a new password on a full disk ends the old sessions and the new password logs in', async () => {
    await h.userWith('renew', ['viewer']);
    const token = await h.login('renew', 'renew-password');
    disk.failFrom(1);
    const r = await h.call('PATCH', '/api/users/renew', { token: h.admin, body: { password: 'renew-password-2' } });
    expect(r.status).toBe(200);
    expect(r.body.stored).toBe(false);
    expect(await me(token)).toBe(401);
    expect((await h.call('POST', '/api/login', { body: { username: 'renew', password: 'renew-password' } })).status).toBe(401);
    const again = await h.call('POST', '/api/login', { body: { username: 'renew', password: 'renew-password-2' } });
    expect(again.status).toBe(200);
    expect(await me(again.body.token)).toBe(200);
  });

  it('a change that grants anything is still refused 507 whole on a full disk', async () => {
    await h.userWith('climber', ['viewer']);
    const before = h.store.data.users.find((u) => u.username === 'climber');
    disk.failFrom(1);
    const r = await h.call('PATCH', '/api/users/climber', { token: h.admin, body: { roles: ['viewer', 'admin'], password: 'climber-password-2' } });
    expect(r.status).toBe(507);
    expect(r.body.code).toBe('disk-full');
    expect(h.store.data.users.find((u) => u.username === 'climber')).toEqual(before);
    expect(h.store.unsavedSince).toBeUndefined();
  });
});
