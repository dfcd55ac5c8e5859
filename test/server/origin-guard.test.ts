/**
 * Cross-origin writes with the session cookie are refused (issue 17 D9),
 * and the server behind a reverse proxy (D15): `Secure` cookies when the
 * request came over HTTPS through a trusted proxy, the public origin for
 * the origin check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrigins, parseTrustProxy } from '../../server/auth/cookie.ts';
import { ADMIN_PASSWORD, startServer, type Harness } from './harness.ts';

let h: Harness;
let cookie: string;
beforeAll(async () => {
  h = await startServer();
  cookie = await cookieOf(h);
}, 120_000);
afterAll(() => h.close());

const base = '/api/schemes/nanyang-2014/versions/1.0.0';

async function cookieOf(s: Harness, headers: Record<string, string> = {}): Promise<string> {
  const r = await s.call('POST', '/api/login', { body: { username: 'admin', password: ADMIN_PASSWORD }, headers });
  expect(r.status).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

const versionCount = () => h.store.data.versions.filter((v) => v.id === 'nanyang-2014').length;

describe('writes carrying the session cookie', () => {
  it('are refused when they come from another site, another port, or say nothing of where they come from', async () => {
    const otherPort = h.url.replace(/:(\d+)$/, (_m, p: string) => `:${Number(p) === 65535 ? 65534 : Number(p) + 1}`);
    const refused: Array<[string, Record<string, string>, string]> = [
      ['text/plain form from another site', { 'content-type': 'text/plain', origin: 'http://evil.example' }, 'cross-origin'],
      ['urlencoded form from another site', { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' }, 'cross-origin'],
      ['JSON from another port of the same host', { 'content-type': 'application/json', origin: otherPort }, 'cross-origin'],
      ['opaque origin (sandboxed frame, data: URL)', { 'content-type': 'application/json', origin: 'null' }, 'cross-origin'],
      ['Sec-Fetch-Site cross-site', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, 'cross-origin'],
      ['Sec-Fetch-Site same-site (a subdomain)', { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, 'cross-origin'],
      ['Referer of another site', { 'content-type': 'application/json', referer: 'http://evil.example/page' }, 'cross-origin'],
      ['no Origin, Sec-Fetch-Site or Referer', { 'content-type': 'application/json' }, 'origin-missing'],
      ['text/plain from the own origin', { 'content-type': 'text/plain', origin: h.url }, 'content-type-refused'],
      ['urlencoded from the own origin', { 'content-type': 'application/x-www-form-urlencoded', origin: h.url }, 'content-type-refused'],
      ['multipart from the own origin', { 'content-type': 'multipart/form-data; boundary=x', origin: h.url }, 'content-type-refused'],
      ['no content type from the own origin', { origin: h.url }, 'content-type-refused'],
    ];
    const before = versionCount();
    for (const [what, headers, code] of refused) {
      const r = await h.call('POST', `${base}/new-version`, { headers: { cookie, ...headers }, raw: 'x=1' });
      expect(r.status, what).toBe(403);
      expect(r.body.code, what).toBe(code);
      expect(r.body.message.zh, what).toBeTruthy();
    }
    const writes: Array<[string, string]> = [['token', '/api/tokens'], ['publish', `${base}/publish`], ['user', '/api/users']];
    for (const [what, path] of writes) {
      const r = await h.call('POST', path, { headers: { cookie, 'content-type': 'text/plain', origin: 'http://evil.example' }, raw: '{"name":"x"}' });
      expect(r.status, what).toBe(403);
    }
    expect(versionCount()).toBe(before);
    expect((await h.call('GET', '/api/tokens', { token: h.admin })).body).toEqual([]);
  });

  it('are accepted as same-origin JSON (Origin, else Sec-Fetch-Site, else Referer), and reads are never held', async () => {
    const before = versionCount();
    const sources: Array<Record<string, string>> = [{ origin: h.url }, { 'sec-fetch-site': 'same-origin' }, { referer: `${h.url}/schemes/nanyang-2014/edit` }];
    for (const headers of sources) {
      const r = await h.call('POST', `${base}/new-version`, { headers: { cookie, 'content-type': 'application/json; charset=utf-8', ...headers } });
      expect(r.status, JSON.stringify(headers)).toBe(201);
    }
    expect(versionCount()).toBe(before + 3);
    expect((await h.call('GET', '/api/schemes', { headers: { cookie, origin: 'http://evil.example' } })).status).toBe(200);
  });

  it('are exempt when they carry a bearer token, whatever their origin or type', async () => {
    const r = await h.call('POST', '/api/tokens', { token: h.admin, raw: JSON.stringify({ name: 'from a script' }), headers: { cookie, 'content-type': 'application/json', origin: 'http://elsewhere.example' } });
    expect(r.status).toBe(201);
    const v = await h.call('POST', `${base}/new-version`, { token: h.admin, headers: { 'content-type': 'text/plain', origin: 'http://elsewhere.example' } });
    expect(v.status).toBe(201);
  });

  it('take the data file types on the upload route only', async () => {
    const upload = '/api/datasets?scheme=nanyang-2014&version=1.0.0&name=guard';
    const csv = await h.call('POST', upload, { headers: { cookie, origin: h.url, 'content-type': 'text/csv' }, raw: 'unit,type\n' });
    expect(csv.status).not.toBe(403);
    const plain = await h.call('POST', upload, { headers: { cookie, origin: h.url, 'content-type': 'text/plain' }, raw: 'unit,type\n' });
    expect(plain.status).toBe(403);
    expect(plain.body.code).toBe('content-type-refused');
    const elsewhere = await h.call('POST', `${base}/new-version`, { headers: { cookie, origin: h.url, 'content-type': 'text/csv' } });
    expect(elsewhere.body.code).toBe('content-type-refused');
  });
});

describe('behind a reverse proxy', () => {
  it('marks the cookie Secure when a trusted proxy says the request was HTTPS, and not otherwise', async () => {
    const trusted = await startServer({ trustProxy: 'loopback' });
    try {
      expect(await setCookie(trusted, { 'x-forwarded-proto': 'https' })).toMatch(/; Secure$/);
      expect(await setCookie(trusted, {})).not.toContain('Secure');
    } finally {
      await trusted.close();
    }
    // the default trusts no proxy: anyone could send the header
    expect(await setCookie(h, { 'x-forwarded-proto': 'https' })).not.toContain('Secure');
  });

  it('checks the origin the browser saw: https through the trusted proxy, or PINGYI_PUBLIC_ORIGIN', async () => {
    const p = await startServer({ trustProxy: 'loopback', publicOrigins: ['https://pingyi.example.gov.cn'] });
    try {
      const viaProxy = { 'x-forwarded-proto': 'https' };
      const c = await cookieOf(p, viaProxy);
      const post = (headers: Record<string, string>) => p.call('POST', `${base}/new-version`, { headers: { cookie: c, 'content-type': 'application/json', ...headers } });
      expect((await post({ ...viaProxy, origin: 'https://pingyi.example.gov.cn' })).status).toBe(201);
      expect((await post({ ...viaProxy, origin: p.url.replace('http:', 'https:') })).status).toBe(201);
      expect((await post({ ...viaProxy, origin: p.url })).body.code).toBe('cross-origin');
      expect((await post({ ...viaProxy, origin: 'https://other.example.gov.cn' })).body.code).toBe('cross-origin');
    } finally {
      await p.close();
    }
  });

  it('reads PINGYI_TRUST_PROXY and PINGYI_PUBLIC_ORIGIN', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(parseOrigins(undefined)).toEqual([]);
    expect(parseOrigins('https://pingyi.example.gov.cn/, http://10.1.2.3:8080')).toEqual(['https://pingyi.example.gov.cn', 'http://10.1.2.3:8080']);
    expect(() => parseOrigins('pingyi.example.gov.cn')).toThrow(/PINGYI_PUBLIC_ORIGIN/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/PINGYI_TRUST_PROXY/);
    expect(() => parseTrustProxy('my-proxy')).toThrow(/PINGYI_TRUST_PROXY/);
  });
});

async function setCookie(s: Harness, headers: Record<string, string>): Promise<string> {
  const r = await s.call('POST', '/api/login', { body: { username: 'admin', password: ADMIN_PASSWORD }, headers });
  expect(r.status).toBe(200);
  return r.headers.get('set-cookie')!;
}
