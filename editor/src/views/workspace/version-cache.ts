/**
 * Other versions' documents loaded by the diff and impact views, by `id@version`.
 * Apart from use-version-doc.ts, which needs the engine: the save bar forgets a
 * version it saved without pulling the engine into the first screen's bundle.
 */
import type { LoadedVersion } from './use-version-doc.ts';

export const versionCache = new Map<string, Promise<LoadedVersion>>();

/** Forget a cached version (after it was saved or published here). */
export function forgetVersion(id: string, version: string): void {
  versionCache.delete(`${id}@${version}`);
}
