/**
 * The typed client of the pingyi server. Same origin only (the page is served
 * by the server): the session cookie travels by itself. A refusal becomes an
 * ApiError carrying the server's code, zh/en message and problems.
 */
import type { Dataset, DiffReport, Issue } from '../../../engine/index.ts';
import type { DatasetMeta, NextYearPreview, NoteView, Refusal, Role, UserRow, SchemeDetail, SchemeSummary, ShippedCase, User, VersionDocument, VersionMeta } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly refusal: Refusal,
  ) {
    super(refusal.message?.zh ?? refusal.code);
  }
}

async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; response: Response }> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) init.body = JSON.stringify(body);
  // every write says JSON, a body or not: the server refuses cookie writes of any other type (cross-origin guard)
  if (body !== undefined || (method !== 'GET' && method !== 'HEAD')) (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ApiError(0, { code: 'network', message: { zh: '无法连接服务器', en: 'cannot reach the server' } });
  }
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const refusal = (data && typeof data === 'object' && 'code' in data ? data : { code: `http-${response.status}`, message: { zh: `服务器拒绝(${response.status})`, en: `HTTP ${response.status}` } }) as Refusal;
    throw new ApiError(response.status, refusal);
  }
  return { data: data as T, response };
}

const enc = encodeURIComponent;
const v = (id: string, version: string) => `/api/schemes/${enc(id)}/versions/${enc(version)}`;

export const api = {
  login: async (username: string, password: string) => (await call<{ user: User; token: string }>('POST', '/api/login', { username, password })).data,
  logout: async () => void (await call('POST', '/api/logout')),
  me: async () => (await call<User>('GET', '/api/me')).data,
  schemes: async () => (await call<SchemeSummary[]>('GET', '/api/schemes')).data,
  scheme: async (id: string) => (await call<SchemeDetail>('GET', `/api/schemes/${enc(id)}`)).data,
  version: async (id: string, version: string) => (await call<VersionDocument>('GET', v(id, version))).data,
  /** Save a draft against the revision it was loaded at; a 409 is an ApiError with `refusal.current`. */
  save: async (id: string, version: string, document: unknown, revision: number) =>
    (await call<{ meta: VersionMeta; problems: VersionDocument['problems'] }>('PUT', v(id, version), document, { 'If-Match': `"${revision}"` })).data,
  newVersion: async (id: string, version: string) => (await call<{ meta: VersionMeta }>('POST', `${v(id, version)}/new-version`)).data,
  nextYear: async (id: string, version: string, opts: { year?: number; id?: string } = {}) => (await call<{ meta: VersionMeta; notes: Issue[] }>('POST', `${v(id, version)}/next-year`, opts)).data,
  nextYearPreview: async (id: string, version: string, opts: { year?: number; id?: string } = {}) => (await call<NextYearPreview>('POST', `${v(id, version)}/next-year`, { ...opts, dryRun: true })).data,
  acknowledgeNote: async (id: string, version: string, index: number) => (await call<{ meta: VersionMeta; notes: NoteView[] }>('POST', `${v(id, version)}/notes/${index}/acknowledge`)).data,
  setClauseText: async (id: string, version: string, text: string) => (await call<{ meta: VersionMeta }>('PUT', `${v(id, version)}/clause-text`, { text })).data,
  deleteDraft: async (id: string, version: string) => void (await call('DELETE', v(id, version))),
  publish: async (id: string, version: string) => (await call<{ meta: VersionMeta }>('POST', `${v(id, version)}/publish`)).data,
  retire: async (id: string, version: string) => (await call<{ meta: VersionMeta }>('POST', `${v(id, version)}/retire`)).data,
  diff: async (from: string, to: string) => (await call<DiffReport>('GET', `/api/diff?from=${enc(from)}&to=${enc(to)}`)).data,
  cases: async (id: string) => (await call<ShippedCase[]>('GET', `/api/schemes/${enc(id)}/cases`)).data,
  /** The scheme's shipped roster (when the server offers it; see API-CONTRACT Changes). */
  roster: async (id: string) => (await call<import('../../../engine/index.ts').Roster>('GET', `/api/schemes/${enc(id)}/roster`)).data,
  users: async () => (await call<UserRow[]>('GET', '/api/users')).data,
  createUser: async (username: string, password: string, roles: Role[]) => (await call<unknown>('POST', '/api/users', { username, password, roles })).data,
  /** Any of roles, password, disabled; the last admin is refused with 409. */
  updateUser: async (username: string, change: { roles?: Role[]; password?: string; disabled?: boolean }) => (await call<unknown>('PATCH', `/api/users/${enc(username)}`, change)).data,
  datasets: async (scheme: string) => (await call<DatasetMeta[]>('GET', `/api/datasets?scheme=${enc(scheme)}`)).data,
  datasetData: async (id: string) => (await call<Dataset>('GET', `/api/datasets/${enc(id)}/data`)).data,
};
