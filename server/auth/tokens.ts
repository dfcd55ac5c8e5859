/**
 * Script tokens have a lifecycle: a name, an expiry (default 90 days, at
 * most 365), an id to list and revoke them by (never the secret, nor its
 * hash), and they die with their user's password reset or disabling.
 *
 * Tokens made before this lifecycle have no id, name or expiry: they are
 * read here as named `(未命名)`, id from the first characters of their hash
 * (which says nothing of the secret), expiring the default time after they
 * were made, so an old script keeps working until then and no token lives
 * forever.
 */
import { randomBytes } from 'node:crypto';
import type { TokenRecord } from '../store/types.ts';

export const TOKEN_DEFAULT_DAYS = 90;
export const TOKEN_MAX_DAYS = 365;
const DAY_MS = 86_400_000;

export interface TokenView {
  id: string;
  name: string;
  username: string;
  createdAt: string;
  expiresAt: string;
}

export const newTokenId = (): string => `tok-${randomBytes(6).toString('hex')}`;

export function tokenId(t: TokenRecord): string {
  return t.id ?? `tok-${t.key.slice(0, 12)}`;
}

export function tokenExpiresAt(t: TokenRecord): string {
  return t.expiresAt ?? new Date(Date.parse(t.createdAt) + TOKEN_DEFAULT_DAYS * DAY_MS).toISOString();
}

export function tokenView(t: TokenRecord): TokenView {
  return { id: tokenId(t), name: t.name ?? '(未命名)', username: t.username, createdAt: t.createdAt, expiresAt: tokenExpiresAt(t) };
}

export const tokenLive = (t: TokenRecord, nowIso: string): boolean => tokenExpiresAt(t) > nowIso;

export function expiryAfter(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}
