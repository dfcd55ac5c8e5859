/**
 * `pingyi score` run as a user runs it: `node bin/pingyi.js score <scheme>
 * <files…> --json [--timings]`, a child process, stdout to /dev/null (or
 * captured for a check). Wall time from spawn to exit; peak RSS from the
 * CLI's own `--timings` line when it has the flag, otherwise from GNU time
 * (`/usr/bin/time -f %M`) or, without it, by polling the child's VmHWM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/pingyi.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** What `score --timings` prints on stderr (issue #9, the streaming CLI). */
export interface CliTimings {
  readMs: number;
  scoreMs: number;
  writeMs: number;
  facts: number;
  folded: number;
  maxRssMiB: number;
}

export interface CliRun {
  exitCode: number | null;
  wallMs: number;
  /** Peak resident memory of the CLI process. */
  maxRssMiB: number;
  /** How the peak was read. */
  rssFrom: 'timings' | 'gnu-time' | 'polled VmHWM';
  timings: CliTimings | undefined;
  /** The last 4 KiB of stderr (problems, the timings line). */
  stderrTail: string;
  /** Only with `captureStdout`. */
  stdout: string | undefined;
}

export interface CliOptions {
  scheme: string;
  files: readonly string[];
  timings: boolean;
  captureStdout?: boolean;
  env?: Record<string, string>;
}

/** Whether this build of the CLI has `score --timings`. */
export function cliHasTimings(env: Record<string, string> = {}): boolean {
  const r = spawnSync(process.execPath, [BIN, 'score', '--help'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.includes('--timings');
}

/** Whether dist/ is missing or older than a source that went into it (then bin/pingyi.js would run the sources through tsx). */
export function cliBuildIsStale(): boolean {
  try {
    const built = statSync(new URL('dist/pingyi.js', `file://${ROOT}`)).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('dist/pingyi.meta.json', `file://${ROOT}`), 'utf8')) as { inputs: string[] };
    return inputs.some((f) => statSync(new URL(f, `file://${ROOT}`)).mtimeMs > built);
  } catch {
    return true;
  }
}

/** `npm run build:cli` when the build is missing or stale; returns what it printed. */
export function buildCli(): string {
  const r = spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:cli failed:\n${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

export function parseTimings(stderr: string): CliTimings | undefined {
  const m = /^timings (\{.*\})\s*$/m.exec(stderr);
  if (!m) return undefined;
  try {
    return JSON.parse(m[1] as string) as CliTimings;
  } catch {
    return undefined;
  }
}

export function runScoreCli(o: CliOptions): Promise<CliRun> {
  const args = [BIN, 'score', o.scheme, ...o.files, '--json', ...(o.timings ? ['--timings'] : [])];
  const gnuTime = !o.timings && existsSync(GNU_TIME);
  const [cmd, argv] = gnuTime ? [GNU_TIME, ['-f', 'gnu-time-maxrss-kb %M', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', o.captureStdout ? 'pipe' : 'ignore', 'pipe'] });
    let stderr = '';
    const out: Buffer[] = [];
    child.stderr?.on('data', (b: Buffer) => (stderr = (stderr + b.toString('utf8')).slice(-4096)));
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    let polledKiB = 0;
    const poll =
      gnuTime || o.timings
        ? undefined
        : setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) polledKiB = Math.max(polledKiB, Number(m[1]));
            } catch {
              // the child has just exited
            }
          }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      const timings = parseTimings(stderr);
      const gnu = /gnu-time-maxrss-kb (\d+)/.exec(stderr);
      const maxRssMiB = timings ? timings.maxRssMiB : gnu ? Number(gnu[1]) / 1024 : polledKiB / 1024;
      resolve({
        exitCode: code,
        wallMs,
        maxRssMiB,
        rssFrom: timings ? 'timings' : gnu ? 'gnu-time' : 'polled VmHWM',
        timings,
        stderrTail: stderr.replace(/^gnu-time-maxrss-kb \d+\s*$/m, '').trim(),
        stdout: o.captureStdout ? Buffer.concat(out).toString('utf8') : undefined,
      });
    });
  });
}
