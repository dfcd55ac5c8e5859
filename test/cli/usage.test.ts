import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, env, noStack, pingyi, root } from './run-cli.ts';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

describe('pingyi: version, help, exit codes (issue 11 "What an engineer expects")', () => {
  it('--version prints the package version; exit 0', () => {
    const r = pingyi('--version');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`pingyi ${pkg.version} (sources)\n`);
  });

  it('<command> --help prints that command’s usage, options and the exit codes; exit 0', () => {
    const r = pingyi('score', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('pingyi score <');
    expect(r.out).toContain('--explain <unit-id>');
    expect(r.out).toMatch(/2\s+命令行用法错误 usage error/);
    expect(r.out).toMatch(/70\s+内部错误/);
    const d = pingyi('help', 'new-year');
    expect(d.code).toBe(0);
    expect(d.out).toContain('pingyi new-year <');
  });

  it('usage errors exit 2: no command, an unknown option, --explain without a value, a missing argument', () => {
    expect(pingyi().code).toBe(2);
    const explain = pingyi('score', 'pingyang-2021', 'schemes/pingyang-2021/cases/01-every-indicator.json', '--explain');
    expect(explain.code).toBe(2);
    expect(explain.err).toContain('--explain needs a value');
    // "--explain --json" must not take --json as the unit id
    expect(pingyi('score', 'pingyang-2021', 'x.json', '--explain', '--json').code).toBe(2);
    expect(pingyi('validate').code).toBe(2);
    expect(pingyi('validate', 'pingyang-2021', '--bogus').code).toBe(2);
  });

  it('test <scheme id> resolves a shipped scheme by id, as well as a folder; an unknown one exits 1', () => {
    const r = pingyi('test', 'pingyang-2021');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/pingyang-2021 \/ 01-every-indicator\.json/);
    expect(r.out).toMatch(/\d+ passed, 0 failed/);
    const bad = pingyi('test', 'no-such-scheme');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('not a scheme folder or scheme id');
  });

  it('a reader that closes the pipe early (… --json | head -c 100) ends the run quietly with exit 0', async () => {
    const child = spawn(process.execPath, [bin, 'score', 'pingyang-2021', 'schemes/pingyang-2021/cases/02-selection-and-classification.json', '--json'], { cwd: root, env });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    // read the first chunk (≤ 64 KiB of a several-megabyte JSON), then close our end as `head -c 100` does
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('the same through a shell pipeline', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" score pingyang-2021 schemes/pingyang-2021/cases/02-selection-and-classification.json --json | head -c 100 >/dev/null`], { cwd: root, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    noStack(r.stderr);
  });
});
