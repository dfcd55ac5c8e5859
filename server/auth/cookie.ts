/**
 * The session cookie: HttpOnly, SameSite=Strict, and `Secure` whenever the
 * request came over HTTPS, directly or through a proxy the server trusts
 * (`PINGYI_TRUST_PROXY`, which makes express read X-Forwarded-Proto). Over
 * plain HTTP it cannot be Secure: the browser would drop it.
 */
import express, { type Request } from 'express';
import { SESSION_COOKIE } from './authenticate.ts';

export function sessionCookie(req: Request, secret: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${req.secure ? '; Secure' : ''}`;
}

export const clearedSessionCookie = (req: Request): string => sessionCookie(req, '', 0);

/**
 * `PINGYI_TRUST_PROXY` as express' `trust proxy` setting: `true`/`false`, a
 * number of hops, or addresses and subnets (`loopback`, `10.0.0.0/8`, …,
 * comma-separated). Unset or empty: no proxy is trusted.
 */
export function parseTrustProxy(text: string | undefined): boolean | number | string {
  const t = (text ?? '').trim();
  if (t === '' || t === 'false') return false;
  if (t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  try {
    // express compiles the list when it is set: a typo must stop the start, not every request
    express().set('trust proxy', t);
  } catch (e) {
    throw new Error(`PINGYI_TRUST_PROXY: "${t}" is not true, false, a number of hops or a list of addresses/subnets (${(e as Error).message})`);
  }
  return t;
}

/** `PINGYI_PUBLIC_ORIGIN`: the origins (comma-separated) the browser sees in front of a proxy, e.g. `https://pingyi.example.gov.cn`. */
export function parseOrigins(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o.length > 0)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new Error(`PINGYI_PUBLIC_ORIGIN: "${o}" is not an origin like https://pingyi.example.gov.cn`);
      }
    });
}
