/**
 * Live seasons: a data set opened as the engine's incremental season
 * (`openSeason`, engine/run/season.ts) and kept in memory, so a live append
 * costs the per-unit work of the units it touches plus the population step,
 * never a rescoring of the data set, and never a re-read of the fact file.
 *
 * The order of an append, all inside the store's write queue:
 *  1. `season.append(batch)` validates the batch against the season (fact
 *     types, duplicates across batches). With an error it answers `ok: false`
 *     and, by the engine's contract, changes nothing: the route refuses the
 *     batch whole (422) and nothing is written.
 *  2. With `ok: true` the season has folded the batch; then the caller's
 *     `write` appends it to the facts file and the audit journal, fsynced.
 *  3. If that write fails, the season holds facts the disk does not: it is
 *     dropped here, and the next request opens it again from the disk.
 * The engine has no dry-run append, so "validate, write, then commit" is
 * done as "validate+commit in memory, write, and on failure throw the
 * memory away". Nobody can see the uncommitted state: every reader of a
 * season (appends, runs of a live season) runs inside the same write queue,
 * which this append holds until its write is done. The price is paid only
 * when a disk write fails: one full scoring to open the season again.
 */
import { openSeason, type Dataset, type Fact, type Issue, type RunResult, type Scheme, type Season, type Standing as UnitStanding } from '../engine/index.ts';
import type { VersionRecord } from './store/types.ts';
import { findVersion } from './version-core.ts';

/** The engine's standing, with the headline ranking's rank (the scheme's first ranking; null when unranked) beside the others. */
export interface Standing extends UnitStanding {
  rank: number | null;
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
  /** `<scheme>@<version>#<revision>`: a changed draft opens the season again. */
  key: string;
  /** The headline ranking, whose rank the live endpoint answers as `rank`. */
  headline: string | undefined;
  season: Season;
}

function standing(s: { total: number | null; ranks: Record<string, number>; classes: string[] }, headline: string | undefined): Standing {
  return { total: s.total, rank: headline !== undefined ? (s.ranks[headline] ?? null) : null, ranks: { ...s.ranks }, classes: [...s.classes] };
}

/**
 * Up to `max` data sets' seasons, least recently used dropped first. Memory:
 * each open season holds its data set (roster, history, every fact parsed),
 * the engine's fact index and per-unit states of every indicator; so the
 * server holds the `max` (4) most recently appended-to or run data sets in
 * memory, about what scoring each of them once takes, and nothing of the
 * others. Every method runs inside the store's write queue.
 */
export class SeasonCache {
  private readonly seasons = new Map<string, Live>();

  constructor(private readonly max = 4) {}

  private async live(datasetId: string, key: string, scheme: Scheme, load: () => Promise<Dataset>): Promise<Live> {
    let s = this.seasons.get(datasetId);
    if (!s || s.key !== key) s = { key, headline: scheme.rankings[0]?.id, season: openSeason(scheme, await load()) };
    this.seasons.delete(datasetId);
    this.seasons.set(datasetId, s);
    while (this.seasons.size > this.max) this.seasons.delete(this.seasons.keys().next().value!);
    return s;
  }

  /** Check and fold `facts`, `write` them durably (given their offset); answers who moved. */
  async append(datasetId: string, key: string, scheme: Scheme, load: () => Promise<Dataset>, facts: readonly Fact[], write: (offset: number) => Promise<void>): Promise<AppendOutcome> {
    const s = await this.live(datasetId, key, scheme, load);
    const offset = s.season.factCount;
    const r = s.season.append(facts);
    if (!r.ok) return { ok: false, issues: r.issues, offset, changed: [] };
    try {
      await write(offset);
    } catch (e) {
      // the season has the batch and the disk has not (all of) it: read the disk again next time
      this.forget(datasetId);
      throw e;
    }
    return { ok: true, issues: r.issues, offset, changed: r.changed.map((c) => ({ unit: c.unit, before: standing(c.before, s.headline), after: standing(c.after, s.headline) })) };
  }

  /** The result of a data set's season when it is open with this key (its appends are in it), else undefined. */
  resultIfLive(datasetId: string, key: string): RunResult | undefined {
    const s = this.seasons.get(datasetId);
    return s && s.key === key ? s.season.result() : undefined;
  }

  forget(datasetId: string): void {
    this.seasons.delete(datasetId);
  }
}
