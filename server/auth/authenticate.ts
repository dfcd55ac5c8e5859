/**
 * Who is asking: the session cookie (browser) or a bearer token (scripts).
 * `requireRole` answers 401 to anonymous callers and 403 to those below the
 * role; the user is left in `res.locals.user` for the handlers.
 */
import type { Request, RequestHandler, Response } from 'express';
import { refuse } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { Role } from '../store/types.ts';
import type { Clock } from './backoff.ts';
import { allowed, type Need } from './roles.ts';
import { keyOf } from './secrets.ts';

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
  return cookieValue(req.headers.cookie, SESSION_COOKIE);
}

function find(store: Store, clock: Clock, req: Request): CurrentUser | undefined {
  const auth = req.headers.authorization;
  const bearer = auth && /^Bearer\s+/i.test(auth) ? auth.replace(/^Bearer\s+/i, '').trim() : undefined;
  // a bearer may be a script token or the session secret /api/login answered with
  const secret = bearer ?? sessionSecret(req);
  if (!secret) return undefined;
  const key = keyOf(secret);
  const now = clock.now().toISOString();
  const username =
    (bearer !== undefined ? store.data.tokens.find((t) => t.key === key)?.username : undefined) ??
    store.data.sessions.find((s) => s.key === key && s.expiresAt > now)?.username ??
    // logins made while the disk was full (users.ts)
    store.volatileSessions.find(key, now)?.username;
  const user = username === undefined ? undefined : store.data.users.find((u) => u.username === username);
  return user ? { username: user.username, roles: [...user.roles] } : undefined;
}

export function currentUser(res: Response): CurrentUser {
  return res.locals.user as CurrentUser;
}

export function requireRole(store: Store, clock: Clock, need: Need): RequestHandler {
  return (req, res, next) => {
    const user = find(store, clock, req);
    if (!user) return next(refuse(401, 'not-logged-in', '请先登录', 'login required'));
    if (!allowed(user.roles, need)) return next(refuse(403, 'forbidden', `此操作需要“${need}”角色`, `this needs the "${need}" role`));
    res.locals.user = user;
    next();
  };
}
