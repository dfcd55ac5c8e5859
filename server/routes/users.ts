/** Login, logout, me, tokens and (admin) users. */
import { Router, type Request } from 'express';
import { currentUser, SESSION_COOKIE, sessionSecret } from '../auth/authenticate.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { keyOf, newSecret } from '../auth/secrets.ts';
import { audit, type AppContext } from '../context.ts';
import { notFound, refuse } from '../errors.ts';
import { isDiskFull } from '../store/fs-layer.ts';
import { username as checkUsername } from '../ids.ts';
import { ROLES, type Role } from '../store/types.ts';

const SESSION_HOURS = 12;

function bodyObject(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw refuse(400, 'bad-body', '请求内容应为 JSON 对象', 'the body must be a JSON object');
  return b as Record<string, unknown>;
}

function password(v: unknown): string {
  if (typeof v !== 'string' || v.length < 8 || v.length > 200) throw refuse(400, 'bad-password', '密码应为 8 至 200 个字符', 'the password must have 8 to 200 characters');
  return v;
}

function roles(v: unknown): Role[] {
  if (!Array.isArray(v) || v.some((r) => typeof r !== 'string' || !ROLES.includes(r as Role))) {
    throw refuse(400, 'bad-roles', `角色应为 ${ROLES.join('、')} 中的若干项`, `roles must be a list of ${ROLES.join(', ')}`);
  }
  return [...new Set(v as Role[])];
}

export function usersRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  r.post('/login', async (req, res) => {
    const b = bodyObject(req);
    const name = typeof b.username === 'string' ? b.username.slice(0, 100) : '';
    const ip = req.ip ?? '';
    const wait = ctx.backoff.waitMs(name, ip);
    if (wait > 0) {
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      throw refuse(429, 'too-many-attempts', `登录失败次数过多,请 ${Math.ceil(wait / 1000)} 秒后再试`, `too many failed logins; retry in ${Math.ceil(wait / 1000)} s`);
    }
    const user = store.data.users.find((u) => u.username === name);
    const ok = user !== undefined && typeof b.password === 'string' && (await verifyPassword(b.password, user.salt, user.hash));
    if (!ok || !user) {
      ctx.backoff.fail(name, ip);
      throw refuse(401, 'bad-login', '用户名或密码错误', 'wrong username or password');
    }
    ctx.backoff.succeed(name, ip);
    const secret = newSecret();
    const now = ctx.clock.now();
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const session = { key: keyOf(secret), username: user.username, createdAt: now.toISOString(), expiresAt: expires.toISOString() };
    try {
      await store.write((db) => {
        const iso = now.toISOString();
        db.sessions = db.sessions.filter((s) => s.expiresAt > iso);
        db.sessions.push(session);
        audit(db, { at: iso, user: user.username, action: 'login', target: `user:${user.username}` });
      });
    } catch (e) {
      if (!isDiskFull(e)) throw e;
      // a full disk must not lock everyone out (not even the admin who would clear it): this session lives in memory only
      store.volatileSessions.add(session);
      ctx.log(`login of ${user.username} at ${session.createdAt}: disk full, session kept in memory only (lost at restart), login not audited on disk`);
    }
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}`);
    res.json({ user: { username: user.username, roles: user.roles }, token: secret });
  });

  r.post('/logout', async (req, res) => {
    const secret = sessionSecret(req);
    if (secret) {
      const key = keyOf(secret);
      store.volatileSessions.remove(key);
      if (store.data.sessions.some((s) => s.key === key)) await store.write((db) => void (db.sessions = db.sessions.filter((s) => s.key !== key)));
    }
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.status(204).end();
  });

  r.get('/me', ctx.need('viewer'), (_req, res) => {
    res.json(currentUser(res));
  });

  r.post('/tokens', ctx.need('viewer'), async (_req, res) => {
    const user = currentUser(res);
    const token = newSecret();
    await store.write((db) => {
      db.tokens.push({ key: keyOf(token), username: user.username, createdAt: ctx.now() });
      audit(db, { at: ctx.now(), user: user.username, action: 'token-created', target: `user:${user.username}` });
    });
    res.status(201).json({ token });
  });

  r.get('/users', ctx.need('admin'), (_req, res) => {
    res.json(store.data.users.map((u) => ({ username: u.username, roles: u.roles, createdAt: u.createdAt })));
  });

  r.post('/users', ctx.need('admin'), async (req, res) => {
    const b = bodyObject(req);
    const name = checkUsername(b.username);
    const pw = password(b.password);
    const rs = roles(b.roles ?? ['viewer']);
    const { salt, hash } = await hashPassword(pw);
    const admin = currentUser(res);
    await store.write((db) => {
      if (db.users.some((u) => u.username === name)) throw refuse(409, 'user-exists', `用户“${name}”已存在`, `user "${name}" exists`);
      db.users.push({ username: name, roles: rs, salt, hash, createdAt: ctx.now() });
      audit(db, { at: ctx.now(), user: admin.username, action: 'user-created', target: `user:${name}`, summary: [`角色 roles: ${rs.join(', ')}`] });
    });
    res.status(201).json({ username: name, roles: rs });
  });

  r.patch('/users/:username', ctx.need('admin'), async (req, res) => {
    const name = checkUsername(req.params.username);
    const b = bodyObject(req);
    const rs = b.roles === undefined ? undefined : roles(b.roles);
    const pw = b.password === undefined ? undefined : await hashPassword(password(b.password));
    const admin = currentUser(res);
    const updated = await store.write((db) => {
      const u = db.users.find((x) => x.username === name);
      if (!u) throw notFound(`user ${name}`);
      if (rs) u.roles = rs;
      if (pw) {
        u.salt = pw.salt;
        u.hash = pw.hash;
        // a new password ends the user's sessions
        db.sessions = db.sessions.filter((s) => s.username !== name);
        store.volatileSessions.removeUser(name);
      }
      const summary = [...(rs ? [`角色 roles: ${rs.join(', ')}`] : []), ...(pw ? ['密码已更改 password changed'] : [])];
      audit(db, { at: ctx.now(), user: admin.username, action: 'user-updated', target: `user:${name}`, summary });
      return { username: u.username, roles: u.roles };
    });
    res.json(updated);
  });

  return r;
}
