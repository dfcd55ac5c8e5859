/**
 * The seam for live seasons: one data set kept parsed in memory with its
 * last result, so an append does not re-read the fact file. Scoring is the
 * engine's: today this rescored the whole data set per append (the engine's
 * incremental season does not exist yet); swapping that in changes only
 * `rescore` below.
 */
import { scoreScheme, type Dataset, type Fact, type RunResult, type Scheme } from '../engine/index.ts';

export interface Standing {
  total: number | null;
  rank: number | null;
  classes: string[];
}

export interface StandingChange {
  unit: string;
  before: Standing;
  after: Standing;
}

interface Season {
  /** `<scheme>@<version>#<revision>`: a changed draft loads the season again. */
  key: string;
  scheme: Scheme;
  data: Dataset;
  result: RunResult;
}

function rescore(scheme: Scheme, data: Dataset): RunResult {
  return scoreScheme(scheme, data);
}

export function changedStanding(before: RunResult, after: RunResult, scheme: Scheme): StandingChange[] {
  const out: StandingChange[] = [];
  const headline = scheme.rankings[0]?.id;
  const was = new Map(before.units.map((u) => [u.unit, u]));
  for (const u of after.units) {
    const b = was.get(u.unit);
    const s = (x: typeof u | undefined): Standing => ({
      total: x && x.status === 'scored' ? x.total : null,
      rank: x && headline !== undefined ? (x.ranks[headline] ?? null) : null,
      classes: x ? [...x.classes] : [],
    });
    const sb = s(b);
    const sa = s(u);
    if (sb.total !== sa.total || sb.rank !== sa.rank || sb.classes.join('\u0000') !== sa.classes.join('\u0000')) out.push({ unit: u.unit, before: sb, after: sa });
  }
  return out;
}

export class SeasonCache {
  private readonly seasons = new Map<string, Season>();

  constructor(private readonly max = 4) {}

  /** The season of a data set, loading it once; `load` reads it from disk. */
  async get(datasetId: string, key: string, scheme: Scheme, load: () => Promise<Dataset>): Promise<Season> {
    let s = this.seasons.get(datasetId);
    if (!s || s.key !== key) {
      const data = await load();
      s = { key, scheme, data, result: rescore(scheme, data) };
    }
    this.seasons.delete(datasetId);
    this.seasons.set(datasetId, s);
    while (this.seasons.size > this.max) this.seasons.delete(this.seasons.keys().next().value!);
    return s;
  }

  /** Fold facts already written to disk into the season; answers who moved. */
  append(datasetId: string, facts: readonly Fact[]): StandingChange[] {
    const s = this.seasons.get(datasetId);
    if (!s) return [];
    const before = s.result;
    s.data.facts.push(...facts);
    s.result = rescore(s.scheme, s.data);
    return changedStanding(before, s.result, s.scheme);
  }

  forget(datasetId: string): void {
    this.seasons.delete(datasetId);
  }
}
