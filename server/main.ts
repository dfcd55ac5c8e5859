/**
 * `npm start`: open the store in PINGYI_DATA (default ./data), seed it on the
 * very first start, and serve on PORT (default 8080). Behind a reverse proxy:
 * PINGYI_TRUST_PROXY and PINGYI_PUBLIC_ORIGIN (docs/api.md).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { parseOrigins, parseTrustProxy } from './auth/cookie.ts';
import { firstStart } from './bootstrap.ts';
import { JobPool } from './jobs/pool.ts';
import { Store } from './store/store.ts';

const port = Number(process.env.PORT ?? 8080);
const dataDir = resolve(process.env.PINGYI_DATA ?? './data');
const schemesDir = fileURLToPath(new URL('../schemes', import.meta.url));

let proxy: { trustProxy: boolean | number | string; publicOrigins: string[] };
try {
  proxy = { trustProxy: parseTrustProxy(process.env.PINGYI_TRUST_PROXY), publicOrigins: parseOrigins(process.env.PINGYI_PUBLIC_ORIGIN) };
} catch (e) {
  console.error(`无法启动 cannot start: 反向代理设置有误 proxy settings — ${(e as Error).message}`);
  process.exit(1);
}

const store = await Store.open(dataDir);
// what a crash or a failed write left, repaired or removed before listening (store/cleanup.ts, store/batch-log.ts)
for (const line of store.startup) console.log(`启动清理 start-up: ${line}`);
const first = await firstStart(store, schemesDir, new Date().toISOString(), process.env.PINGYI_ADMIN_PASSWORD);
// operators may raise or lower the upload limit (bytes): a value that is not a positive whole number stops the start
const uploadRaw = process.env.PINGYI_MAX_UPLOAD_BYTES;
const uploadBytes = uploadRaw === undefined || uploadRaw === '' ? undefined : Number(uploadRaw);
if (uploadBytes !== undefined && !(Number.isSafeInteger(uploadBytes) && uploadBytes > 0)) {
  console.error(`无法启动 cannot start: PINGYI_MAX_UPLOAD_BYTES 应为正整数(字节) must be a positive whole number of bytes — ${uploadRaw}`);
  process.exit(1);
}
const pool = new JobPool();
const app = createApp({ store, jobPool: pool, ...proxy, ...(uploadBytes !== undefined ? { limits: { uploadBytes } } : {}) });
const server = app.listen(Number.isInteger(port) && port >= 0 ? port : 8080, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`pingyi 评议方案引擎 — 数据目录 data: ${dataDir}`);
  if (first.seeded.length > 0) console.log(`已导入方案 seeded: ${first.seeded.join(', ')}`);
  if (first.admin) {
    console.log('首次启动:已创建管理员 first start: admin user created');
    console.log(`  用户名 username: ${first.admin.username}`);
    if (first.admin.generated) console.log(`  密码 password:   ${first.admin.password}   (只显示这一次 shown once; 登录后可修改 change it after login)`);
    else console.log('  密码 password:   PINGYI_ADMIN_PASSWORD');
  }
  console.log(`打开 open: http://localhost:${actual}/`);
  // the job workers start now, listening already: the first upload does not wait seconds for one to start
  void pool.warm().then((ready) => console.log(`后台任务线程已就绪 job workers ready: ${ready}/${pool.threads}`));
});
server.on('error', (e) => {
  console.error(`无法启动 cannot start: ${e.message}`);
  process.exit(1);
});

// a logout or revocation kept in memory on a full disk (store.writeRevoking) is written as soon as there is room
const flush = async (): Promise<void> => {
  const since = store.unsavedSince;
  if (since === undefined) return;
  const stored = await store.flushUnsaved().catch((e: Error) => (console.error(`写入失败 write failed: ${e.message}`), false));
  if (stored) console.log(`已写入 stored: 磁盘已满时的注销与撤销(自 ${since} 起) logouts and revocations held in memory since ${since}`);
};
setInterval(() => void flush(), 30_000).unref();

// Ctrl-C: stop taking requests and leave; every acknowledged write is already on disk (a revocation held on a full disk: tried once more)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() =>
      void flush().then(() => {
        if (store.unsavedSince !== undefined) console.error(`磁盘仍满,自 ${store.unsavedSince} 起的注销与撤销未写入,重启后失效 disk still full: logouts and revocations since ${store.unsavedSince} are lost (sessions end by their 12 h expiry; revoke tokens again)`);
        process.exit(0);
      }),
    );
    server.closeIdleConnections();
  });
}
