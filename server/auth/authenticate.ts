/**
 * Who is asking: the session cookie (browser) or a bearer token (scripts).
 * The one place a secret is turned into a user ({@link whoIs}): sessions,
 * script tokens and their expiry, disabled users. `requireRole` answers 401
 * to anonymous callers and 403 to those below the role; the user is left in
 * `res.locals.user` for the handlers.
 */
import type { Request, RequestHandler, Response } from 'express';
import { refuse } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Role } from '../store/types.ts';
import type { Clock } from './backoff.ts';
import { allowed, type Need } from './roles.ts';
import { keyOf } from './secrets.ts';
import { tokenLive } from './tokens.ts';

export const SESSION_COOKIE = 'pingyi_session';

export interface CurrentUser {
  username: string;
  roles: Role[];
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function sessionSecret(req: Request): string | undefined {
  return cookieValue(req.headers.cookie, SESSION_COOKIE) || undefined;
}

export function bearerSecret(req: Request): string | undefined {
  const auth = req.headers.authorization;
  return auth && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '').trim() || undefined : undefined;
}

/** The secret a request carries and how: a bearer wins over the cookie (it is what the caller chose to send). */
export function presentedSecret(req: Request): { secret: string; carrier: 'bearer' | 'cookie' } | undefined {
  const bearer = bearerSecret(req);
  if (bearer !== undefined) return { secret: bearer, carrier: 'bearer' };
  const cookie = sessionSecret(req);
  return cookie === undefined ? undefined : { secret: cookie, carrier: 'cookie' };
}

/**
 * The user behind a request, or undefined: an unknown or expired secret, a
 * user who no longer exists or is disabled. A bearer may be a script token
 * or the session secret that /api/login answered with.
 */
export function whoIs(store: Store, clock: Clock, req: Request): CurrentUser | undefined {
  const presented = presentedSecret(req);
  if (!presented) return undefined;
  const key = keyOf(presented.secret);
  const now = clock.now().toISOString();
  const username =
    (presented.carrier === 'bearer' ? store.data.tokens.find((t) => t.key === key && tokenLive(t, now))?.username : undefined) ??
    store.data.sessions.find((s) => s.key === key && s.expiresAt > now)?.username ??
    // logins made while the disk was full (routes/session.ts)
    store.volatileSessions.find(key, now)?.username;
  const user = username === undefined ? undefined : store.data.users.find((u) => u.username === username);
  return user && !user.disabled ? { username: user.username, roles: [...user.roles] } : undefined;
}

export function currentUser(res: Response): CurrentUser {
  return res.locals.user as CurrentUser;
}

export function requireRole(store: Store, clock: Clock, need: Need): RequestHandler {
  return (req, res, next) => {
    const user = whoIs(store, clock, req);
    if (!user) return next(refuse(401, 'not-logged-in', '请先登录', 'login required'));
    res.locals.user = user;
    if (!allowed(user.roles, need)) {
      if (user.roles.length === 0) return next(refuse(403, 'no-roles', '您的账号没有任何角色,请联系管理员', 'this account has no roles; ask an admin'));
      return next(refuse(403, 'forbidden', `此操作需要“${need}”角色`, `this needs the "${need}" role`));
    }
    next();
  };
}
