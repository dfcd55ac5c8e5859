/** Parts 2 and 3 of `npm run bench`: a season written to NDJSON files and scored by the real CLI. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchFailure } from '../city-year.ts';
import { writeSeason, type SeasonSize } from './generate-province.ts';
import { mixSeason } from './mix-season.ts';
import { buildCli, cliBuildIsStale, cliHasTimings, runScoreCli } from './run-cli.ts';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
type Target = (what: string, met: boolean | undefined, figure: string) => void;
export const SEASON_SEED = 20211201;

/** `split`: roster, votes and cases in five files (the bench's first layout); `mixed`: one file, roster first, the rest interleaved (issue #22). */
export type SeasonLayout = 'split' | 'mixed';

export async function runCliPart(title: string, size: SeasonSize, goal: { wallMs: number; rssMiB?: number }, target: Target, layout: SeasonLayout = 'split'): Promise<void> {
  console.log(`\n== ${title} ==`);
  console.log(`  size: ${fmt(size.units)} units in ${fmt(size.parents)} parents, ${fmt(size.votes)} single votes, ${fmt(size.cases)} case facts (seed ${SEASON_SEED}), ${layout === 'mixed' ? 'one mixed file' : 'split files'}`);
  const dir = mkdtempSync(join(tmpdir(), 'pingyi-bench-'));
  try {
    const t0 = performance.now();
    const split = writeSeason(dir, size, SEASON_SEED);
    const season = layout === 'mixed' ? mixSeason(split, SEASON_SEED) : split;
    const genMs = performance.now() - t0;
    console.log(`  written: ${fmt(season.facts)} fact records + roster, ${fmt(season.bytes / 2 ** 20)} MiB in ${season.files.length} NDJSON files, ${fmt(genMs)} ms (${fmt(season.bytes / 2 ** 20 / (genMs / 1000))} MiB/s)`);
    if (cliBuildIsStale()) console.log(`  built the CLI: ${buildCli()}`);
    const timings = cliHasTimings();
    const files = season.files.map((f) => f.slice(dir.length + 1)).join(' ');
    console.log(`  run: node bin/pingyi.js score schemes/pingyang-2021 ${files} --json${timings ? ' --timings' : ''} > /dev/null   (files in ${dir})`);
    const r = await runScoreCli({ scheme: 'schemes/pingyang-2021', files: season.files, timings });
    console.log(`  exit code ${r.exitCode}`);
    if (r.exitCode !== 0) {
      console.log(`  stderr (tail):\n    ${r.stderrTail.split('\n').slice(-12).join('\n    ')}`);
      target(`${title}: wall`, false, `failed after ${fmt(r.wallMs / 1000, 1)} s (exit ${r.exitCode})`);
      throw new BenchFailure(`${title}: pingyi score exited ${r.exitCode}`);
    }
    const rate = season.facts / (r.wallMs / 1000);
    console.log(`  wall time ${fmt(r.wallMs / 1000, 2)} s   ${fmt(rate)} facts/s   peak RSS ${fmt(r.maxRssMiB)} MiB (${r.rssFrom})`);
    const t = r.timings;
    if (t) console.log(`  split: reading ${fmt(t.readMs)} ms, scoring ${fmt(t.scoreMs)} ms, writing ${fmt(t.writeMs)} ms; facts ${fmt(t.facts)}, folded ${fmt(t.folded)}`);
    else console.log('  split: n/a (this CLI has no score --timings)');
    if (r.stderrTail) console.log(`  stderr: ${r.stderrTail.split('\n').filter((l) => !l.startsWith('timings ')).slice(-2).join(' / ')}`);
    target(`${title}: wall`, r.wallMs < goal.wallMs, `${fmt(r.wallMs / 1000, 2)} s (target < ${goal.wallMs / 1000} s)`);
    if (goal.rssMiB !== undefined) target(`${title}: peak RSS`, r.maxRssMiB < goal.rssMiB, `${fmt(r.maxRssMiB)} MiB (target < ${fmt(goal.rssMiB / 1024, 1)} GiB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
