/**
 * Where a scheme argument points: a folder or a scheme.json as given, else a
 * scheme id (`pingyang-2021`) of the shipped schemes/ folder, so that
 * `pingyi test pingyang-2021` works from any directory.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.ts';

export function resolveSchemePath(arg: string): string {
  if (existsSync(arg)) return arg;
  if (/^[a-z0-9][a-z0-9-]*$/.test(arg)) {
    const shipped = join(packageRoot(), 'schemes', arg);
    if (existsSync(join(shipped, 'scheme.json'))) return shipped;
  }
  return arg;
}
