/** Small checks of JSON body fields shared by the account routes (users, session, tokens). */
import type { Request } from 'express';
import { refuse } from '../errors.ts';
import { ROLES, type Role } from '../store/types.ts';

export function bodyObject(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw refuse(400, 'bad-body', '请求内容应为 JSON 对象', 'the body must be a JSON object');
  return b as Record<string, unknown>;
}

/** A body that may be left out entirely (e.g. an unlock with nothing more to say). */
export function optionalBody(req: Request): Record<string, unknown> {
  return req.body === undefined ? {} : bodyObject(req);
}

export function password(v: unknown): string {
  if (typeof v !== 'string' || v.length < 8 || v.length > 200) throw refuse(400, 'bad-password', '密码应为 8 至 200 个字符', 'the password must have 8 to 200 characters');
  return v;
}

export function roles(v: unknown): Role[] {
  if (!Array.isArray(v) || v.some((r) => typeof r !== 'string' || !ROLES.includes(r as Role))) {
    throw refuse(400, 'bad-roles', `角色应为 ${ROLES.join('、')} 中的若干项`, `roles must be a list of ${ROLES.join(', ')}`);
  }
  return [...new Set(v as Role[])];
}
