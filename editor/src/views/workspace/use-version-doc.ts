/**
 * Another version's document, loaded once per `id@version` and validated with
 * the engine (the scheme is typed only when its structure is valid).
 */
import { useEffect, useState } from 'react';
import { validateScheme, type Scheme } from '../../../../engine/index.ts';
import { api, ApiError } from '../../api/client.ts';
import type { SchemeDetail, VersionMeta } from '../../api/types.ts';
import { versionCache as cache } from './version-cache.ts';

export interface LoadedVersion {
  ref: string;
  document: unknown;
  scheme: Scheme | undefined;
}


export function loadVersion(id: string, version: string): Promise<LoadedVersion> {
  const ref = `${id}@${version}`;
  let p = cache.get(ref);
  if (!p) {
    p = api.version(id, version).then((v) => ({ ref, document: v.document, scheme: validateScheme(v.document).scheme }));
    p.catch(() => cache.delete(ref));
    cache.set(ref, p);
  }
  return p;
}

export function useVersionDoc(ref: { id: string; version: string } | undefined): { loaded?: LoadedVersion; error?: string } {
  const [state, setState] = useState<{ loaded?: LoadedVersion; error?: string }>({});
  const key = ref ? `${ref.id}@${ref.version}` : '';
  useEffect(() => {
    if (!ref) return setState({});
    let live = true;
    loadVersion(ref.id, ref.version).then(
      (loaded) => live && setState({ loaded }),
      (e: unknown) => live && setState({ error: e instanceof ApiError ? e.refusal.message.zh : String(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

const semver = (v: string) => v.split('.').map(Number);
const newer = (a: string, b: string) => {
  const x = semver(a);
  const y = semver(b);
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/**
 * What a draft is compared with: the newest published version of the same
 * scheme other than itself, else the version it was drafted from.
 */
export function baseOf(detail: SchemeDetail, meta: VersionMeta): { id: string; version: string } | undefined {
  const published = detail.versions.filter((v) => v.status === 'published' && v.version !== meta.version);
  const best = published.reduce<VersionMeta | undefined>((b, v) => (!b || newer(v.version, b.version) ? v : b), undefined);
  if (best) return { id: best.id, version: best.version };
  return meta.basedOn;
}
