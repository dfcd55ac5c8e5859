/** Part 5 of `npm run bench`: live latency of single appends to a scored city season. */
import { readFileSync } from 'node:fs';
import { validateScheme, type Scheme } from '../../engine/index.ts';
import { BenchFailure, type CityYearReport } from '../city-year.ts';
import { generateCityYear } from '../generate-city-year.ts';
import { runLive } from './live-latency.ts';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
type Target = (what: string, met: boolean | undefined, figure: string) => void;

export async function runLivePart(city: CityYearReport | undefined, scale: number, appends: number, target: Target): Promise<void> {
  console.log('\n== 5. live latency (incremental season) ==');
  let scheme: Scheme;
  let data;
  if (city) ({ scheme, data } = city);
  else {
    const v = validateScheme(JSON.parse(readFileSync(new URL('../../schemes/pingyang-2021/scheme.json', import.meta.url), 'utf8')) as unknown);
    if (!v.scheme) throw new BenchFailure('pingyang-2021 is not valid');
    scheme = v.scheme;
    data = generateCityYear({ seed: 20211130, units: Math.round(2000 * scale), parents: Math.max(1, Math.round(150 * scale)), votes: Math.round(1_000_000 * scale), cases: Math.round(100_000 * scale) }).data;
  }
  const r = runLive(scheme, data, { seed: 20211202, appends });
  console.log(`  season of ${fmt(r.factCount.before)} facts opened (scored) in ${fmt(r.openMs)} ms; ${fmt(r.appends)} single appends (votes and cases, random units)`);
  console.log(`  append → returned standing: p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms, max ${fmt(r.max, 2)} ms`);
  console.log(`  ${fmt(r.moved)} appends moved a standing (${fmt(r.unitsChanged)} unit changes); facts now ${fmt(r.factCount.after)}`);
  if (r.refused.length > 0) {
    console.log(`  REFUSED ${r.refused.length} generated facts; the first: ${JSON.stringify(r.refused[0]?.fact)}\n    ${r.refused[0]?.issues.join('\n    ')}`);
    throw new BenchFailure('live: the season refused generated facts');
  }
  if (r.factCount.after !== r.factCount.before + r.appends) throw new BenchFailure(`live: factCount ${r.factCount.after}, expected ${r.factCount.before + r.appends}`);
  target('live append p99', r.p99 < 20, `${fmt(r.p99, 2)} ms (p50 ${fmt(r.p50, 2)} ms; target p99 < 20 ms)`);
}
