/**
 * The pingyi package root (where package.json and schemes/ are), found by
 * walking up from this module: it sits in cli/ when run from the sources and
 * in dist/ or dist/chunks/ when run from the build.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4 && !existsSync(join(dir, 'package.json')); i++) dir = dirname(dir);
  cached = dir;
  return dir;
}
