import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSeason } from './generate-province.ts';
import { runScoreCli, cliHasTimings } from './run-cli.ts';
const dir = mkdtempSync(join(tmpdir(), 'pingyi-prov-'));
const t = performance.now();
const s = writeSeason(dir, { units: 200, parents: 15, votes: 20000, cases: 2000 }, 1);
console.log(performance.now() - t, s);
console.log('timings?', cliHasTimings({PINGYI_FROM_SOURCE: '1'}));
const r = await runScoreCli({ scheme: 'schemes/pingyang-2021', files: s.files, timings: false, captureStdout: true, env: { PINGYI_FROM_SOURCE: '1' } });

const j = JSON.parse(r.stdout ?? "{}"); const c: Record<string, number> = {}; for (const i of j.issues) c[i.code] = (c[i.code] ?? 0) + 1; console.log(c, j.units.slice(0,2).map((u: any) => JSON.stringify(u).slice(0, 300)));
rmSync(dir, { recursive: true });
