/**
 * `npm run bench`: every figure of issue #9 in one run.
 *   1. peers — one deduction table of a shipped scheme run by pingyi, json-rules-engine and ZEN;
 *   2. the city season and 3. the province season through the real CLI, as child processes;
 *   4. the city-year in process (the existing figures);
 *   5. live latency of single appends to a scored city season.
 * Prints the figures and each target with ✓ / ✗. Exits 1 only on wrong answers
 * or rejected data (engines disagree, a run refuses generated data, the CLI fails).
 *
 *   3b. the province and 3c. five cities (5.5 M records) as one mixed NDJSON file (issue #22);
 * Options: --province-scale <x> (default 1: 20,000 units, 20 M votes, 1 M cases),
 * --city-scale <x> (default 1), --peers-facts <n> (default 100,000), --runs <n> (default 3),
 * --appends <n> (default 1,000), --skip <part,…> (peers, city-cli, province, province-mixed, city5-mixed, city-year, live).
 */
import { availableParallelism, cpus, totalmem } from 'node:os';
import { BenchFailure, mark, runCityYear, type CityYearReport } from './city-year.ts';
import { runLivePart } from './live/live-part.ts';
import { runPeersPart } from './peers/peers-part.ts';
import { runCliPart } from './province/cli-part.ts';
import { CITY, PROVINCE, scaled } from './province/generate-province.ts';

const PARTS = ['peers', 'city-cli', 'province', 'province-mixed', 'city5-mixed', 'city-year', 'live'] as const;

function options(argv: readonly string[]) {
  const o = { provinceScale: 1, cityScale: 1, peersFacts: 100_000, runs: 3, appends: 1000, skip: new Set<string>() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const num = () => {
      const v = Number(next());
      if (!(v > 0)) throw new Error(`${a} needs a positive number`);
      return v;
    };
    if (a === '--province-scale') o.provinceScale = num();
    else if (a === '--city-scale') o.cityScale = num();
    else if (a === '--peers-facts') o.peersFacts = Math.round(num());
    else if (a === '--runs') o.runs = Math.round(num());
    else if (a === '--appends') o.appends = Math.round(num());
    else if (a === '--skip') for (const p of next().split(',')) o.skip.add(p.trim());
    else throw new Error(`unknown option ${a} (see the comment at the top of bench/main.ts)`);
  }
  for (const p of o.skip) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`--skip: unknown part ${p} (parts: ${PARTS.join(', ')})`);
  return o;
}

const o = options(process.argv.slice(2));
const targets: string[] = [];
const failures: string[] = [];
const target = (what: string, met: boolean | undefined, figure: string) => targets.push(`  ${met === undefined ? '– n/a' : mark(met)}  ${what}: ${figure}`);
const guard = async (part: string, f: () => Promise<void>) => {
  if (o.skip.has(part)) return;
  try {
    await f();
  } catch (e) {
    if (!(e instanceof BenchFailure)) throw e;
    failures.push(`${part}: ${e.message}`);
  }
};

console.log(`pingyi bench — node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'cpu'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`);

// about 50 facts per unit, as in a city season; fewer units for a quick run with fewer facts
const peerUnits = Math.min(2000, Math.max(20, Math.round(o.peersFacts / 50)));
await guard('peers', () => runPeersPart({ facts: o.peersFacts, units: peerUnits, parents: Math.max(2, Math.round(peerUnits / 13)), runs: o.runs }, target));
await guard('city-cli', () => runCliPart('2. city season through the CLI', scaled(CITY, o.cityScale), { wallMs: 5000 }, target));
// issue #22: the province in half the time, in the bench's split files and in one mixed file (roster first, the rest interleaved)
await guard('province', () => runCliPart('3. province season through the CLI', scaled(PROVINCE, o.provinceScale), { wallMs: 15_000, rssMiB: 1536 }, target));
await guard('province-mixed', () => runCliPart('3b. province season through the CLI, one mixed file', scaled(PROVINCE, o.provinceScale), { wallMs: 15_000, rssMiB: 1536 }, target, 'mixed'));
await guard('city5-mixed', () => runCliPart('3c. five cities (5.5 M records) through the CLI, one mixed file', scaled(CITY, 5 * o.cityScale), { wallMs: 10_000, rssMiB: 1024 }, target, 'mixed'));
let city: CityYearReport | undefined;
await guard('city-year', async () => {
  console.log('\n== 4. city-year in process (pingyang-2021) ==');
  city = await runCityYear(o.cityScale);
  target('city-year in process, scoreScheme', city.runMs < 5000, `${Math.round(city.runMs).toLocaleString('en-US')} ms (target < 5 s)`);
  target('city-year compiled conditions / json-rules-engine', city.ratio >= 100, `${city.ratio.toFixed(1)}× (target ≥ 100×)`);
});
await guard('live', () => runLivePart(city, o.cityScale, o.appends, target));

console.log('\n== targets ==');
for (const t of targets) console.log(t);
if (failures.length > 0) {
  console.log('\n== FAILED (wrong answers or rejected data) ==');
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
