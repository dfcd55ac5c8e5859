/**
 * A season for pingyang-2021 written straight to NDJSON files, from a seeded
 * PRNG, at any size: the roster (parents, units, history), the single-vote
 * records (service votes h1 / h2 and network votes, one line per vote, no
 * `count` or `id`, interleaved across units as a real export is), and the
 * case facts (supervisor ratings and the city generator's case mix).
 * Nothing of the size of the votes is held in memory: per unit a few numbers,
 * the lines go out through a buffered writer. Same seed, same bytes.
 */
import { join } from 'node:path';
import type { RosterParent, RosterUnit } from '../../engine/index.ts';
import { CASE_MIX, allocate, caseFact, draw, mulberry32, pad, shuffle, windowDays } from '../generate-city-year.ts';
import { NdjsonWriter } from './ndjson-writer.ts';

export interface SeasonSize {
  units: number;
  parents: number;
  /** Single-vote records: 80% service votes (half h1, half h2), 20% network votes. */
  votes: number;
  /** Case facts (hotline, online, supervision, misconduct, commendation, media), besides one supervisor rating per scored unit. */
  cases: number;
}

export const PROVINCE: SeasonSize = { units: 20_000, parents: 1_500, votes: 20_000_000, cases: 1_000_000 };
export const CITY: SeasonSize = { units: 2_000, parents: 150, votes: 1_000_000, cases: 100_000 };

/** A season `scale` times the given one (at least one parent and one unit per parent). */
export function scaled(size: SeasonSize, scale: number): SeasonSize {
  const parents = Math.max(1, Math.round(size.parents * scale));
  return { parents, units: Math.max(parents, Math.round(size.units * scale)), votes: Math.round(size.votes * scale), cases: Math.round(size.cases * scale) };
}

export interface SeasonFiles {
  dir: string;
  /** In the order to hand them to `pingyi score`: roster first. */
  files: string[];
  /** Lines of each file, in the order of `files`. */
  lines: number[];
  /** Records per fact type (and roster kinds). */
  counts: Record<string, number>;
  facts: number;
  bytes: number;
  /** Units exempt by their history (satisfied two years running): not scored. */
  exempt: string[];
}

export function writeSeason(dir: string, size: SeasonSize, seed: number): SeasonFiles {
  const r = draw(mulberry32(seed));
  const { rnd, int, pick } = r;
  const counts: Record<string, number> = {};
  const count = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const writers: NdjsonWriter[] = [];
  const open = (name: string) => {
    const w = new NdjsonWriter(join(dir, name));
    writers.push(w);
    return w;
  };

  // ---- roster: one unit per parent, the rest spread at random; the last fifth of the parents are state enterprises
  const roster = open('roster.ndjson');
  const pw = Math.max(3, String(size.parents).length);
  const parents: RosterParent[] = [];
  for (let p = 1; p <= size.parents; p++) {
    const soe = p > Math.round(size.parents * 0.8);
    parents.push({ id: `p${pad(p, pw)}`, name: soe ? `县属国企${p}` : `县级机关${p}`, category: soe ? 'state-enterprise' : 'organ' });
  }
  const sizes = parents.map(() => 1);
  for (let i = size.parents; i < size.units; i++) sizes[int(size.parents)]! += 1;
  const units: RosterUnit[] = [];
  parents.forEach((p, i) => {
    roster.record({ record: 'parent', ...p });
    for (let s = 1; s <= (sizes[i] as number); s++) units.push({ id: `${p.id}-s${pad(s, 2)}`, name: `${p.name}第${s}科`, parent: p.id, category: p.category as string });
  });
  for (const u of units) roster.record({ record: 'unit', ...u });
  count('parent', parents.length);
  count('unit', units.length);

  // ---- history, in the city's proportions: 0.5% dissatisfied last year, 0.25% exempt (satisfied twice), 0.25% satisfied once
  const ids = shuffle(units.map((u) => u.id), rnd);
  const n1 = Math.ceil(units.length * 0.005);
  const n2 = Math.ceil(units.length * 0.0025);
  const exempt = new Set(ids.slice(n1, n1 + n2));
  const history = (unit: string, year: number, outcome: string) => {
    roster.record({ record: 'history', unit, year, outcome });
    count('history');
  };
  for (const u of ids.slice(0, n1)) history(u, 2020, 'dissatisfied');
  for (const u of exempt) (history(u, 2019, 'satisfied'), history(u, 2020, 'satisfied'));
  for (const u of ids.slice(n1 + n2, n1 + 2 * n2)) history(u, 2020, 'satisfied');

  // ---- votes: a satisfaction profile per unit; per stream an allocation per unit, written in interleaved rounds
  const pSat = new Float64Array(units.length);
  const pBasic = new Float64Array(units.length);
  units.forEach((_, u) => {
    pSat[u] = rnd() < 0.06 ? 0.3 + 0.25 * rnd() : 0.6 + 0.38 * rnd();
    pBasic[u] = (1 - (pSat[u] as number)) * (0.5 + 0.3 * rnd());
  });
  // 0 satisfied, 1 basic, 2 dissatisfied
  const level = (u: number) => {
    const x = rnd();
    return x < (pSat[u] as number) ? 0 : x < (pSat[u] as number) + (pBasic[u] as number) ? 1 : 2;
  };
  const LEVELS = ['satisfied', 'basic', 'dissatisfied'];
  const service = Math.round(size.votes * 0.8);
  const streams = [
    { file: 'votes-h1.ndjson', kind: 'h1', total: Math.floor(service / 2) },
    { file: 'votes-h2.ndjson', kind: 'h2', total: service - Math.floor(service / 2) },
    { file: 'votes-network.ndjson', kind: 'network', total: size.votes - service },
  ];
  for (const s of streams) {
    const out = open(s.file);
    const left = Int32Array.from(allocate(s.total, units.length, rnd, s.kind !== 'network'));
    // every line a unit can get, made once: the loop below only picks one and appends it
    const lines = units.map((u) =>
      s.kind === 'network'
        ? LEVELS.flatMap((l) => ['service-user', 'representative'].map((v) => `{"type":"network-vote","unit":"${u.id}","level":"${l}","voter":"${v}"}`))
        : LEVELS.map((l) => `{"type":"service-vote","unit":"${u.id}","period":"${s.kind}","level":"${l}"}`),
    );
    let active = shuffle(units.map((_, i) => i).filter((i) => (left[i] as number) > 0), rnd);
    while (active.length > 0) {
      for (const u of active) {
        const k = Math.min(left[u] as number, 1 + int(4));
        left[u] = (left[u] as number) - k;
        for (let j = 0; j < k; j++) {
          const mine = lines[u] as string[];
          if (s.kind === 'network') out.line(mine[level(u) * 2 + (rnd() < 0.65 ? 0 : 1)] as string);
          else out.line(mine[level(u)] as string);
        }
      }
      active = active.filter((u) => (left[u] as number) > 0);
    }
    count(s.kind === 'network' ? 'network-vote' : 'service-vote', s.total);
  }

  // ---- supervisor ratings: within each parent the scored units split evenly in three grade bands (tenths)
  const cases = open('cases.ndjson');
  const bands = [
    [40, 50],
    [30, 39],
    [10, 29],
  ] as const;
  const byParent = new Map<string, string[]>();
  for (const u of units) if (!exempt.has(u.id)) byParent.set(u.parent as string, [...(byParent.get(u.parent as string) ?? []), u.id]);
  for (const list of byParent.values())
    shuffle(list, rnd).forEach((unit, rank) => {
      const [lo, hi] = bands[rank % 3] as readonly [number, number];
      cases.line(`{"type":"supervisor-rating","unit":"${unit}","score":${(lo + int(hi - lo + 1)) / 10}}`);
      count('supervisor-rating');
    });

  // ---- case facts: skewed per-unit weights (a few units attract many cases)
  const cum = new Float64Array(units.length);
  let acc = 0;
  for (let i = 0; i < units.length; i++) cum[i] = acc += (-Math.log(1 - rnd())) ** 1.5;
  const someUnit = () => {
    const x = rnd() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return (units[lo] as RosterUnit).id;
  };
  const days = windowDays();
  const iw = Math.max(6, String(size.cases).length);
  let seq = 0;
  for (const [type, share] of CASE_MIX) {
    const n = type === 'media-coverage' ? size.cases - seq : Math.round(size.cases * share);
    for (let k = 0; k < n; k++) {
      const unit = someUnit();
      cases.record(caseFact(type, `c${pad(++seq, iw)}`, unit, pick(days), r));
    }
    count(type, n);
  }

  for (const w of writers) w.close();
  const facts = writers.slice(1).reduce((a, w) => a + w.lines, 0);
  return { dir, files: writers.map((w) => w.path), lines: writers.map((w) => w.lines), counts, facts, bytes: writers.reduce((a, w) => a + w.bytes, 0), exempt: [...exempt] };
}
