/**
 * Script tokens: create (named, expiring), list (one's own; an admin all
 * with `?all=true`), revoke by id. The secret is answered once, at
 * creation, and stored only as its sha256.
 */
import { Router } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import { allowed } from '../auth/roles.ts';
import { keyOf, newSecret } from '../auth/secrets.ts';
import { expiryAfter, newTokenId, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, tokenId, tokenLive, tokenView } from '../auth/tokens.ts';
import { audit, type AppContext } from '../context.ts';
import { notFound, refuse } from '../errors.ts';
import { bodyObject } from './body-fields.ts';

function tokenName(v: unknown): string {
  const name = typeof v === 'string' ? v.trim() : '';
  if (name.length === 0 || name.length > 100 || /[\u0000-\u001f]/.test(name)) {
    throw refuse(400, 'bad-name', '令牌名称应为 1 至 100 个字符(说明它给哪个脚本用)', 'the token name must have 1 to 100 characters (say which script uses it)');
  }
  return name;
}

function days(v: unknown): number {
  if (v === undefined) return TOKEN_DEFAULT_DAYS;
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > TOKEN_MAX_DAYS) {
    throw refuse(400, 'bad-expiry', `有效天数应为 1 至 ${TOKEN_MAX_DAYS} 的整数`, `days must be an integer from 1 to ${TOKEN_MAX_DAYS}`);
  }
  return v as number;
}

export function tokensRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  r.post('/tokens', ctx.need('viewer'), async (req, res) => {
    const b = bodyObject(req);
    const name = tokenName(b.name);
    const valid = days(b.days);
    const user = currentUser(res);
    const secret = newSecret();
    const now = ctx.clock.now();
    const record = { id: newTokenId(), key: keyOf(secret), username: user.username, name, createdAt: now.toISOString(), expiresAt: expiryAfter(now, valid) };
    await store.write((db) => {
      db.tokens = db.tokens.filter((t) => tokenLive(t, record.createdAt));
      db.tokens.push(record);
      audit(db, { at: record.createdAt, user: user.username, action: 'token-created', target: `token:${record.id}`, summary: [`${name},有效至 valid until ${record.expiresAt}`] });
    });
    res.status(201).json({ ...tokenView(record), token: secret });
  });

  r.get('/tokens', ctx.need('self'), (req, res) => {
    const user = currentUser(res);
    const all = req.query.all === 'true';
    if (all && !allowed(user.roles, 'admin')) throw refuse(403, 'forbidden', '只有管理员可以查看所有人的令牌', 'only an admin may list everyone\'s tokens');
    const now = ctx.now();
    res.json(store.data.tokens.filter((t) => tokenLive(t, now) && (all || t.username === user.username)).map(tokenView));
  });

  r.delete('/tokens/:id', ctx.need('self'), async (req, res) => {
    const user = currentUser(res);
    const id = req.params.id as string;
    const admin = allowed(user.roles, 'admin');
    // another user's token is "not found" to a non-admin: ids are not for guessing whose they are
    const mine = (t: { username: string }) => admin || t.username === user.username;
    const found = store.data.tokens.find((t) => tokenId(t) === id && mine(t));
    if (!found) throw notFound(`token ${id.slice(0, 100)}`);
    const now = ctx.now();
    // a revoke is never refused for lack of disk: on a full disk the token ends in memory now (store.writeRevoking)
    const { stored } = await store.writeRevoking((db) => {
      const t = db.tokens.find((x) => tokenId(x) === id && mine(x));
      if (!t) throw notFound(`token ${id.slice(0, 100)}`);
      db.tokens = db.tokens.filter((x) => x !== t);
      audit(db, { at: now, user: user.username, action: 'token-revoked', target: `token:${id}`, summary: [`${t.name ?? '(未命名)'} (${t.username})`] });
    }, now);
    if (!stored) ctx.log(`token ${id} revoked at ${now}: disk full, ended in memory, written with the next write that succeeds (lost at restart before it)`);
    res.status(204).end();
  });

  return r;
}
