/**
 * Browser tests against the real server: builds the editor when its sources
 * are newer than editor/dist, starts `server/main.ts` (what `npm start` runs)
 * on a free port with a temporary data folder, and drives Debian's Chromium
 * with playwright-core. Every request the page makes is recorded, so a test
 * can assert that none leaves the local server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const OUT = join(ROOT, 'test-output/editor');
export const ADMIN = { username: 'admin', password: 'editor-browser-test-password' };
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Build editor/dist with Vite when it is missing or older than the editor and engine sources. */
export async function ensureBuilt(): Promise<void> {
  const index = join(ROOT, 'editor/dist/index.html');
  const sources = Math.max(newest(join(ROOT, 'editor/src')), newest(join(ROOT, 'engine')), statSync(join(ROOT, 'editor/index.html')).mtimeMs, statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // a child process with NODE_ENV=production: inside vitest NODE_ENV is `test`, which would bundle React's development build
  await new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`vite build failed (${code})`))));
  });
}

export interface Server {
  url: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const main = join(ROOT, 'server/main.ts');
  if (!existsSync(main)) throw new Error('server/main.ts is missing: the browser tests need the real server (issue 7)');
  const data = await mkdtemp(join(tmpdir(), 'pingyi-editor-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', main], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', PINGYI_DATA: data, PINGYI_ADMIN_PASSWORD: ADMIN.password, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = /https?:\/\/(?:localhost|127\.0\.0\.1):(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        ok(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)));
  });
  return {
    url,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(data, { recursive: true, force: true });
    },
  };
}

export interface Session {
  browser: Browser;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Errors thrown in the page or logged as console errors. */
  errors: string[];
  shot(name: string): Promise<string>;
}

/** `name` prefixes the screenshots; the previous run's screenshots of that name are removed first. */
export async function openBrowser(name: string): Promise<Session> {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) if (f.startsWith(`${name}-`)) rmSync(join(OUT, f));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  // generous waits: the machine is shared, and the page's first validation compiles the JSON Schema in a worker
  context.setDefaultTimeout(90_000);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // a refusal (401 before login, 409 stale revision, 422 publish refused) is a normal answer the page shows
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  let n = 0;
  return {
    browser,
    page,
    requests,
    errors,
    async shot(step: string) {
      n += 1;
      const path = join(OUT, `${name}-${String(n).padStart(2, '0')}-${step}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
}

/** Requests to anything but the local server (data: and blob: URLs are the page's own). */
export function foreign(requests: string[], base: string): string[] {
  return requests.filter((u) => !u.startsWith(base + '/') && u !== base && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export async function login(s: Session, base: string): Promise<void> {
  const { page } = s;
  await page.goto(`${base}/#/login`);
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码').fill(ADMIN.password);
  await s.shot('login');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '评议方案' }).waitFor();
}
