/**
 * Live seasons: a data set kept parsed and scored in memory, so a live append
 * does not re-read the fact file. Scoring is the engine's: today this
 * rescored the whole data set per append (the engine's incremental season
 * does not exist yet); swapping that in changes only this file.
 *
 * The order of an append: check the batch against the season, then write and
 * fsync it (the caller's `write`), then fold it into the season. A batch with
 * an error is refused whole before anything is written; a failed write
 * leaves the season as it was.
 */
import { checkDataset, scoreScheme, type Dataset, type Fact, type Issue, type RunResult, type Scheme } from '../engine/index.ts';
import type { VersionRecord } from './store/types.ts';
import { findVersion } from './version-core.ts';

export interface Standing {
  total: number | null;
  /** The headline ranking's rank (the scheme's first ranking), null when unranked. */
  rank: number | null;
  ranks: Record<string, number>;
  classes: string[];
}

export interface StandingChange {
  unit: string;
  before: Standing;
  after: Standing;
}

export interface AppendOutcome {
  /** False when the batch holds an error: nothing was written, the season is unchanged. */
  ok: boolean;
  /** Problems of the appended facts, pointers `/facts/<index in the season's whole fact list>`. */
  issues: Issue[];
  /** Index of the batch's first fact in the season's fact list. */
  offset: number;
  changed: StandingChange[];
}

/** A season is valid for one revision of one version: a saved draft gets a new key. */
export function seasonKey(db: { versions: readonly VersionRecord[] }, id: string, version: string): string {
  return `${id}@${version}#${findVersion(db, id, version)?.revision ?? 0}`;
}

interface Live {
  /** `<scheme>@<version>#<revision>`: a changed draft loads the season again. */
  key: string;
  scheme: Scheme;
  data: Dataset;
  result: RunResult;
}

function changedStanding(before: RunResult, after: RunResult, scheme: Scheme): StandingChange[] {
  const out: StandingChange[] = [];
  const headline = scheme.rankings[0]?.id;
  const was = new Map(before.units.map((u) => [u.unit, u]));
  for (const u of after.units) {
    const b = was.get(u.unit);
    const s = (x: typeof u | undefined): Standing => ({
      total: x && x.status === 'scored' ? x.total : null,
      rank: x && headline !== undefined ? (x.ranks[headline] ?? null) : null,
      ranks: x ? { ...x.ranks } : {},
      classes: x ? [...x.classes] : [],
    });
    const sb = s(b);
    const sa = s(u);
    const ranksMoved = JSON.stringify(sb.ranks) !== JSON.stringify(sa.ranks);
    if (sb.total !== sa.total || ranksMoved || sb.classes.join('\u0000') !== sa.classes.join('\u0000')) out.push({ unit: u.unit, before: sb, after: sa });
  }
  return out;
}

/**
 * Up to `max` data sets' seasons, least recently used dropped first. Each
 * holds its data set whole (roster, history and every fact, parsed) and its
 * last result with traces: memory is that of the `max` largest live data
 * sets, not of the store. Every method runs inside the store's write queue.
 */
export class SeasonCache {
  private readonly seasons = new Map<string, Live>();

  constructor(private readonly max = 4) {}

  private async live(datasetId: string, key: string, scheme: Scheme, load: () => Promise<Dataset>): Promise<Live> {
    let s = this.seasons.get(datasetId);
    if (!s || s.key !== key) {
      const data = await load();
      s = { key, scheme, data, result: scoreScheme(scheme, data) };
    }
    this.seasons.delete(datasetId);
    this.seasons.set(datasetId, s);
    while (this.seasons.size > this.max) this.seasons.delete(this.seasons.keys().next().value!);
    return s;
  }

  /** Check `facts`, `write` them durably (given their offset), fold them in; answers who moved. */
  async append(datasetId: string, key: string, scheme: Scheme, load: () => Promise<Dataset>, facts: readonly Fact[], write: (offset: number) => Promise<void>): Promise<AppendOutcome> {
    const s = await this.live(datasetId, key, scheme, load);
    const offset = s.data.facts.length;
    const all = { ...s.data, facts: [...s.data.facts, ...facts] };
    // the whole season is checked so duplicates across batches are seen; only the new facts' problems are answered
    const issues = checkDataset(scheme, all).filter((i) => factIndex(i) >= offset);
    if (issues.some((i) => i.severity === 'error')) return { ok: false, issues, offset, changed: [] };
    try {
      await write(offset);
    } catch (e) {
      // part of it may be on disk (the facts, not their audit line): the season is read again from the disk next time
      this.forget(datasetId);
      throw e;
    }
    const before = s.result;
    s.data = all;
    s.result = scoreScheme(scheme, all);
    return { ok: true, issues, offset, changed: changedStanding(before, s.result, scheme) };
  }

  /** The result of a data set's season when it is live (in memory) with this key, else undefined. */
  resultIfLive(datasetId: string, key: string): RunResult | undefined {
    const s = this.seasons.get(datasetId);
    return s && s.key === key ? s.result : undefined;
  }

  forget(datasetId: string): void {
    this.seasons.delete(datasetId);
  }
}

function factIndex(i: Issue): number {
  const m = /^\/facts\/(\d+)(?:\/|$)/.exec(i.path);
  return m ? Number(m[1]) : -1;
}
