/**
 * Login, logout and who am I. A failed login is audited with the name tried
 * and the address (never the password) and does the same scrypt work
 * whether or not the name exists; repeated failures wait (auth/backoff.ts).
 */
import { Router } from 'express';
import { recordAccess } from '../auth/audit-events.ts';
import { bearerSecret, currentUser, sessionSecret } from '../auth/authenticate.ts';
import { clearedSessionCookie, sessionCookie } from '../auth/cookie.ts';
import { keyOf, newSecret } from '../auth/secrets.ts';
import { audit, type AppContext } from '../context.ts';
import { refuse } from '../errors.ts';
import { isDiskFull } from '../store/fs-layer.ts';
import { bodyObject } from './body-fields.ts';

const SESSION_HOURS = 12;

export function sessionRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  r.post('/login', async (req, res) => {
    const b = bodyObject(req);
    const name = typeof b.username === 'string' ? b.username.slice(0, 100) : '';
    const address = req.ip ?? '';
    const wait = ctx.backoff.waitMs(name, address);
    if (wait > 0) {
      const s = Math.ceil(wait / 1000);
      res.setHeader('Retry-After', String(s));
      throw refuse(429, 'too-many-attempts', `登录失败次数过多,请 ${s} 秒后再试`, `too many failed logins; retry in ${s} s`);
    }
    const pw = typeof b.password === 'string' ? b.password : '';
    const user = store.data.users.find((u) => u.username === name);
    // one scrypt whatever the name: an unknown name costs what a known one costs
    const ok = user ? await ctx.passwords.verify(pw, user.salt, user.hash) : await ctx.passwords.verifyNobody(pw);
    const failure = !user ? 'unknown-user' : !ok ? 'wrong-password' : user.disabled ? 'disabled' : undefined;
    if (failure !== undefined || !user) {
      ctx.backoff.fail(name, address);
      await recordAccess(ctx, { at: ctx.now(), user: name || '(none)', action: 'login-failed', target: `user:${name}`, address, summary: [failure ?? 'unknown-user'] });
      throw refuse(401, 'bad-login', '用户名或密码错误', 'wrong username or password');
    }
    ctx.backoff.succeed(name);
    const secret = newSecret();
    const now = ctx.clock.now();
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const session = { key: keyOf(secret), username: user.username, createdAt: now.toISOString(), expiresAt: expires.toISOString() };
    try {
      await store.write((db) => {
        db.sessions = db.sessions.filter((s) => s.expiresAt > session.createdAt);
        db.sessions.push(session);
        audit(db, { at: session.createdAt, user: user.username, action: 'login', target: `user:${user.username}`, address });
      });
    } catch (e) {
      if (!isDiskFull(e)) throw e;
      // a full disk must not lock everyone out (not even the admin who would clear it): this session lives in memory only
      store.volatileSessions.add(session);
      ctx.log(`login of ${user.username} at ${session.createdAt}: disk full, session kept in memory only (lost at restart), login not audited on disk`);
    }
    res.setHeader('Set-Cookie', sessionCookie(req, secret, SESSION_HOURS * 3600));
    res.json({ user: { username: user.username, roles: user.roles }, token: secret });
  });

  // ends the session whether its secret came as the cookie or as the bearer token /api/login answered with
  r.post('/logout', async (req, res) => {
    const keys = new Set([bearerSecret(req), sessionSecret(req)].filter((s) => s !== undefined).map(keyOf));
    for (const k of keys) store.volatileSessions.remove(k);
    const ended = store.data.sessions.filter((s) => keys.has(s.key));
    if (ended.length > 0) {
      const now = ctx.now();
      // a logout is never refused for lack of disk: on a full disk it ends the session in memory now (store.writeRevoking)
      const { stored } = await store.writeRevoking((db) => {
        db.sessions = db.sessions.filter((s) => !keys.has(s.key));
        for (const s of ended) audit(db, { at: now, user: s.username, action: 'logout', target: `user:${s.username}`, address: req.ip ?? '' });
      }, now);
      if (!stored) ctx.log(`logout of ${ended.map((s) => s.username).join(', ')} at ${now}: disk full, session ended in memory, written with the next write that succeeds (lost at restart before it)`);
    }
    res.setHeader('Set-Cookie', clearedSessionCookie(req));
    res.status(204).end();
  });

  r.get('/me', ctx.need('self'), (_req, res) => {
    res.json(currentUser(res));
  });

  return r;
}
