import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root } from './run-cli.ts';

/** bin/pingyi.js as `npx pingyi` runs it: no PINGYI_FROM_SOURCE, so it may pick the build. */
const installed = (...args: string[]) => {
  const env = { ...process.env };
  delete env.PINGYI_FROM_SOURCE;
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('build into dist/ (npm run build:cli) and the start-up choice of bin/pingyi.js', () => {
  it('builds, runs the fresh build, and falls back to the sources when a source is newer', () => {
    const b = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, encoding: 'utf8' });
    expect(b.status).toBe(0);
    const meta = JSON.parse(readFileSync(join(root, 'dist/pingyi.meta.json'), 'utf8')) as { inputs: string[] };
    expect(meta.inputs).toEqual(expect.arrayContaining(['cli/main.ts', 'engine/index.ts', 'package.json']));

    expect(installed('--version').out).toMatch(/^pingyi \S+ \(dist\)\n$/);
    // the build does the same work as the sources
    const v = installed('validate', 'pingyang-2021');
    expect(v.code).toBe(0);
    expect(v.out).toContain('pingyang-2021 1.0.0');

    // a build older than a source it was made from is stale: bin runs the sources instead
    const dist = join(root, 'dist/pingyi.js');
    const { atime, mtime } = statSync(dist);
    utimesSync(dist, atime, new Date(statSync(join(root, 'cli/main.ts')).mtimeMs - 60_000));
    try {
      expect(installed('--version').out).toMatch(/\(sources\)\n$/);
    } finally {
      utimesSync(dist, atime, mtime);
    }
    expect(installed('--version').out).toMatch(/\(dist\)\n$/);
  });
});
