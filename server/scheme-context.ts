/** A stored version ready to score with: a valid scheme and the scheme's shipped roster, if any. */
import type { Roster, Scheme } from '../engine/index.ts';
import { refuse } from './errors.ts';
import type { Store } from './store/store.ts';
import type { ValidationCache } from './validation-cache.ts';
import { checkStored } from './version-core.ts';
import { mustFind } from './version-store.ts';

export interface Runnable {
  scheme: Scheme;
  roster: Roster | undefined;
}

/** With the app's validation cache, a live append does not validate its version again each time. */
export async function runnable(store: Store, id: string, version: string, cache?: ValidationCache): Promise<Runnable> {
  const v = mustFind(store.data, id, version);
  const checked = cache ? cache.of(v) : checkStored(v.document);
  if (!checked.ok || !checked.scheme) {
    throw refuse(422, 'invalid-scheme', `${id}@${version} 有错误,不能用于检查数据或计分`, `${id}@${version} has errors and cannot check data or score`, { problems: checked.issues });
  }
  const record = store.data.schemes.find((s) => s.id === id);
  const roster = record?.hasRoster ? ((await store.readJson<Roster>(['schemes', id, 'roster.json'])) ?? undefined) : undefined;
  return { scheme: checked.scheme, roster };
}
