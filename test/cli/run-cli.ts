/**
 * The real `pingyi` process for the CLI tests, always on the TypeScript
 * sources (PINGYI_FROM_SOURCE=1), so a build in dist/ never hides an edit.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(root, 'bin/pingyi.js');
export const env = { ...process.env, PINGYI_FROM_SOURCE: '1' };

export function pingyi(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A temporary folder, removed when the test file is done (they used to pile up in /tmp). */
const made: string[] = [];
afterAll(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
export const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'pingyi-cli-'));
  made.push(d);
  return d;
};
export const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
