/**
 * Starts the real server (createApp) on a random port with a temporary data
 * folder, seeded from schemes/ like a first start, and gives a small fetch
 * client. Used by every API test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppOptions } from '../../server/app.ts';
import { firstStart } from '../../server/bootstrap.ts';
import { Store, type StoreOptions } from '../../server/store/store.ts';
import type { Role } from '../../server/store/types.ts';

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const SCHEMES_DIR = join(import.meta.dirname, '../../schemes');

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

export interface Harness {
  url: string;
  dir: string;
  store: Store;
  logs: string[];
  call(method: string, path: string, opts?: { token?: string; body?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> }): Promise<Reply>;
  login(username: string, password: string): Promise<string>;
  /** Creates a user with these roles (as admin) and returns a bearer token. */
  userWith(username: string, roles: Role[]): Promise<string>;
  admin: string;
  close(): Promise<void>;
}

export async function startServer(extra: Partial<AppOptions> = {}, dir?: string, storeOpts: StoreOptions = {}): Promise<Harness> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'pingyi-server-')));
  const store = await Store.open(folder, storeOpts);
  await firstStart(store, SCHEMES_DIR, new Date().toISOString(), ADMIN_PASSWORD);
  const logs: string[] = [];
  const app = createApp({ store, log: (l) => logs.push(l), staticDir: join(folder, 'no-editor'), ...extra });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const call: Harness['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Uint8Array | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  const login = async (username: string, password: string) => {
    const r = await call('POST', '/api/login', { body: { username, password } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    return r.body.token as string;
  };
  const admin = await login('admin', ADMIN_PASSWORD);
  const userWith = async (username: string, roles: Role[]) => {
    const r = await call('POST', '/api/users', { token: admin, body: { username, password: `${username}-password`, roles } });
    if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${r.text}`);
    return login(username, `${username}-password`);
  };
  return {
    url, dir: folder, store, logs, call, login, userWith, admin,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!dir) await rm(folder, { recursive: true, force: true });
    },
  };
}
