/**
 * Users (admin): list, create, change roles, password or `disabled`, and
 * unlock a login held by the backoff. A new password or disabling ends the
 * user's sessions and script tokens. The last enabled admin cannot lose its
 * role or be disabled: nothing else could bring an admin back.
 */
import { Router } from 'express';
import { currentUser } from '../auth/authenticate.ts';
import { audit, type AppContext } from '../context.ts';
import { notFound, refuse } from '../errors.ts';
import { username as checkUsername } from '../ids.ts';
import type { Db, UserRecord } from '../store/types.ts';
import { bodyObject, optionalBody, password, roles } from './body-fields.ts';

const HELD = {
  zh: '存储空间已满:更改已立即生效(该用户的登录与令牌已失效),但尚未写入磁盘;腾出空间后的下一次保存会一并写入,若在此之前服务器重启,这次更改会丢失',
  en: 'the disk is full: the change is in effect now (the user\'s sessions and tokens are ended) but not yet on disk; the next write that succeeds stores it, a restart before that loses it',
};

const enabledAdmins = (db: Db): UserRecord[] => db.users.filter((u) => !u.disabled && u.roles.includes('admin'));

const userView = (u: UserRecord) => ({ username: u.username, roles: u.roles, disabled: u.disabled === true, createdAt: u.createdAt });

function disabled(v: unknown): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  throw refuse(400, 'bad-disabled', 'disabled 应为 true 或 false', 'disabled must be true or false');
}

export function usersRouter(ctx: AppContext): Router {
  const r = Router();
  const { store } = ctx;

  r.get('/users', ctx.need('admin'), (_req, res) => {
    res.json(store.data.users.map(userView));
  });

  r.post('/users', ctx.need('admin'), async (req, res) => {
    const b = bodyObject(req);
    const name = checkUsername(b.username);
    const pw = password(b.password);
    const rs = roles(b.roles ?? ['viewer']);
    const { salt, hash } = await ctx.passwords.hash(pw);
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
    const off = disabled(b.disabled);
    const pw = b.password === undefined ? undefined : await ctx.passwords.hash(password(b.password));
    const admin = currentUser(res);
    const now = ctx.now();
    const change = (db: Db) => {
      const u = db.users.find((x) => x.username === name);
      if (!u) throw notFound(`user ${name}`);
      const hadAdmin = enabledAdmins(db).length > 0;
      if (rs) u.roles = rs;
      if (off !== undefined) u.disabled = off || undefined;
      if (hadAdmin && enabledAdmins(db).length === 0) {
        throw refuse(409, 'last-admin', `“${name}”是最后一位可用的管理员,不能取消其管理员角色或停用`, `"${name}" is the last enabled admin: it cannot lose the admin role or be disabled`);
      }
      if (pw) {
        u.salt = pw.salt;
        u.hash = pw.hash;
      }
      // a new password or a disabled account ends everything that logged it in
      const ended = pw !== undefined || off === true;
      const endedTokens = ended ? db.tokens.filter((t) => t.username === name).length : 0;
      if (ended) {
        db.sessions = db.sessions.filter((s) => s.username !== name);
        db.tokens = db.tokens.filter((t) => t.username !== name);
        store.volatileSessions.removeUser(name);
      }
      const summary = [
        ...(rs ? [`角色 roles: ${rs.join(', ')}`] : []),
        ...(pw ? ['密码已更改 password changed'] : []),
        ...(off === true ? ['已停用 disabled'] : off === false ? ['已启用 enabled'] : []),
        ...(ended ? [`登录与令牌已失效 sessions and ${endedTokens} tokens ended`] : []),
      ];
      audit(db, { at: now, user: admin.username, action: 'user-updated', target: `user:${name}`, summary });
      return { username: u.username, roles: u.roles, disabled: u.disabled === true };
    };
    const before = store.data.users.find((x) => x.username === name);
    // a change that only takes access away (ends sessions and tokens, grants nothing) is never refused for lack of disk
    const takesAway = (pw !== undefined || off === true) && off !== false && (rs === undefined || rs.every((x) => before?.roles.includes(x)));
    if (!takesAway) {
      res.json(await store.write(change));
      return;
    }
    const { value, stored } = await store.writeRevoking(change, now);
    if (stored) {
      res.json(value);
      return;
    }
    ctx.log(`user ${name} updated at ${now} (${pw ? 'password, ' : ''}${off ? 'disabled, ' : ''}sessions and tokens ended): disk full, kept in memory, written with the next write that succeeds (lost at restart before it)`);
    res.json({ ...value, stored: false, warning: { code: 'held-in-memory', message: HELD } });
  });

  r.post('/users/:username/unlock', ctx.need('admin'), async (req, res) => {
    const name = checkUsername(req.params.username);
    const b = optionalBody(req);
    if (b.address !== undefined && (typeof b.address !== 'string' || b.address.length > 100)) throw refuse(400, 'bad-address', 'address 应为地址文本', 'address must be an address string');
    if (!store.data.users.some((u) => u.username === name)) throw notFound(`user ${name}`);
    const account = ctx.backoff.unlockAccount(name);
    const address = typeof b.address === 'string' ? ctx.backoff.unlockAddress(b.address) : undefined;
    const admin = currentUser(res);
    await store.write((db) => {
      audit(db, { at: ctx.now(), user: admin.username, action: 'user-unlocked', target: `user:${name}`, summary: [`账号 account: ${account ? 'cleared' : 'not held'}`, ...(typeof b.address === 'string' ? [`地址 address ${b.address}: ${address ? 'cleared' : 'not held'}`] : [])] });
    });
    res.json({ username: name, account, ...(address !== undefined ? { address } : {}) });
  });

  return r;
}
