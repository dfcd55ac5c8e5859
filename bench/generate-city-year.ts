/**
 * A synthetic city-year for the pingyang-2021 scheme, from a seeded PRNG:
 * the same seed gives the same data, byte for byte. Everything generated is
 * meant to be valid input (ids, categories, enums, ranges, dates in the
 * window, the supervisor quota), so a clean `ok: true` run proves the
 * benchmark scores real input, not noise the engine rejects early.
 */
import type { Dataset, Fact, HistoryRecord, RosterParent, RosterUnit } from '../engine/index.ts';

export interface CityYearOptions {
  seed: number;
  units: number;
  parents: number;
  /** service-vote (h1 + h2) and network-vote records, one per vote. */
  votes: number;
  /** hotline / online / supervision / misconduct / commendation / media facts. */
  cases: number;
}

export interface CityYear {
  data: Dataset;
  /** The indices in data.facts of the case facts (deduction and bonus inputs). */
  caseIndices: number[];
  counts: Record<string, number>;
}

/** mulberry32: tiny, fast, good enough for synthetic data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Every day of the scheme window 2020-12-01 .. 2021-11-30. */
export function windowDays(): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(2020, 11, 1); t <= Date.UTC(2021, 10, 30); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** Case mix (shares of opts.cases). */
export const CASE_MIX: ReadonlyArray<readonly [string, number]> = [
  ['hotline-case', 0.5],
  ['online-complaint', 0.2],
  ['supervision-finding', 0.15],
  ['misconduct-case', 0.01],
  ['commendation', 0.08],
  ['media-coverage', 0.06],
];
const HOTLINE_ITEMS = ['conduct-complaint', 'late-feedback', 'contact-not-updated', 'shirking', 'poor-handling', 'urgent-not-handled'] as const;
const HOTLINE_WEIGHTS = [0.08, 0.4, 0.2, 0.1, 0.17, 0.05];
const AMOUNTS = [3, 3.5, 4, 4.5, 5];

/** Draws from one seeded stream. */
export interface Draw {
  rnd: () => number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  weighted<T>(xs: readonly T[], ws: readonly number[]): T;
}

export function draw(rnd: () => number): Draw {
  const int = (n: number) => Math.floor(rnd() * n);
  return {
    rnd,
    int,
    pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] as T,
    weighted<T>(xs: readonly T[], ws: readonly number[]): T {
      let r = rnd() * ws.reduce((a, b) => a + b, 0);
      for (let i = 0; i < xs.length; i++) if ((r -= ws[i] as number) < 0) return xs[i] as T;
      return xs[xs.length - 1] as T;
    },
  };
}

/** One case fact of a type of CASE_MIX, as pingyang-2021 defines its fields. */
export function caseFact(type: string, id: string, unit: string, date: string, r: Draw): Fact {
  const { rnd, int, pick, weighted } = r;
  switch (type) {
    case 'hotline-case': {
      const item = weighted(HOTLINE_ITEMS, HOTLINE_WEIGHTS);
      const ranged = item === 'conduct-complaint' || item === 'poor-handling';
      return { type, id, unit, item, role: rnd() < 0.8 ? 'lead' : 'co-handler', date, ...(ranged ? { amount: pick(AMOUNTS) } : {}) };
    }
    case 'online-complaint':
      return { type, id, unit, date };
    case 'supervision-finding': {
      const channel = rnd() < 0.6 ? 'inspection' : 'complaint';
      return { type, id, unit, channel, date, severe: rnd() < 0.1, ...(channel === 'inspection' || rnd() < 0.5 ? { level: rnd() < 0.75 ? 'county' : 'city' } : {}) };
    }
    case 'misconduct-case':
      return { type, id, unit, role: weighted(['principal', 'deputy', 'staff', 'collective'], [1, 2, 6, 0.5]), currentYear: rnd() < 0.7, date, person: `${unit}-m${int(5)}` };
    case 'commendation':
      // a deed id shared by a few documents, so "same deed counts once at its highest" is exercised
      return { type, id, unit, level: weighted(['national', 'provincial', 'city'], [0.05, 0.25, 0.7]), deed: `${unit}-d${int(3)}`, date, document: `平政发〔2021〕${int(200)}号` };
    default:
      return { type, id, unit, level: weighted(['central', 'provincial', 'city'], [0.05, 0.25, 0.7]), deed: `${unit}-m${int(4)}`, date };
  }
}

export function generateCityYear(opts: CityYearOptions): CityYear {
  const rnd = mulberry32(opts.seed);
  const r = draw(rnd);
  const { int, pick } = r;
  const days = windowDays();
  const counts: Record<string, number> = {};
  const facts: Fact[] = [];
  const add = (f: Fact) => {
    facts.push(f);
    counts[f.type] = (counts[f.type] ?? 0) + 1;
  };

  // ---- roster: one unit per parent first, then the rest spread at random (multinomial)
  const parents: RosterParent[] = [];
  for (let p = 1; p <= opts.parents; p++) {
    const soe = p > Math.round(opts.parents * 0.8);
    parents.push({ id: `p${pad(p, 3)}`, name: soe ? `县属国企${p}` : `县级机关${p}`, category: soe ? 'state-enterprise' : 'organ' });
  }
  const sizes = parents.map(() => 1);
  for (let i = opts.parents; i < opts.units; i++) sizes[int(opts.parents)]! += 1;
  const units: RosterUnit[] = [];
  parents.forEach((p, i) => {
    for (let s = 1; s <= (sizes[i] as number); s++) units.push({ id: `${p.id}-s${pad(s, 2)}`, name: `${p.name}第${s}科`, parent: p.id, category: p.category as string });
  });

  // ---- history: 10 dissatisfied last year (carried into the network round), 5 exempt (satisfied 2019 and 2020), 5 satisfied 2020 only
  const shuffled = shuffle(units.map((u) => u.id), rnd);
  const history: HistoryRecord[] = [];
  const exempt = new Set(shuffled.slice(10, 15));
  for (const u of shuffled.slice(0, 10)) history.push({ unit: u, year: 2020, outcome: 'dissatisfied' });
  for (const u of exempt) history.push({ unit: u, year: 2019, outcome: 'satisfied' }, { unit: u, year: 2020, outcome: 'satisfied' });
  for (const u of shuffled.slice(15, 20)) history.push({ unit: u, year: 2020, outcome: 'satisfied' });

  // ---- votes: per unit a satisfaction profile; ~4% small units (< 30 votes a half-year, a few with none)
  const profile = units.map(() => {
    const pSat = rnd() < 0.06 ? 0.3 + 0.25 * rnd() : 0.6 + 0.38 * rnd();
    return { pSat, pBasic: (1 - pSat) * (0.5 + 0.3 * rnd()) };
  });
  const level = (u: number) => {
    const r = rnd();
    const p = profile[u] as { pSat: number; pBasic: number };
    return r < p.pSat ? 'satisfied' : r < p.pSat + p.pBasic ? 'basic' : 'dissatisfied';
  };
  const serviceVotes = Math.round(opts.votes * 0.8);
  const streams = [
    { kind: 'h1', total: Math.floor(serviceVotes / 2) },
    { kind: 'h2', total: serviceVotes - Math.floor(serviceVotes / 2) },
    { kind: 'network', total: opts.votes - serviceVotes },
  ];
  for (const s of streams) {
    const perUnit = allocate(s.total, units.length, rnd, s.kind !== 'network');
    perUnit.forEach((n, u) => {
      const unit = (units[u] as RosterUnit).id;
      for (let k = 0; k < n; k++) {
        if (s.kind === 'network') add({ type: 'network-vote', unit, level: level(u), voter: rnd() < 0.65 ? 'service-user' : 'representative' });
        else add({ type: 'service-vote', unit, period: s.kind, level: level(u) });
      }
    });
  }

  // ---- supervisor ratings: within each parent, rank the scored units, split evenly in three grades, score in the grade band (one decimal)
  const bands = [
    [40, 50],
    [30, 39],
    [10, 29],
  ] as const; // tenths: excellent 4.0–5.0, good 3.0–3.9, fair 1.0–2.9
  const byParent = new Map<string, string[]>();
  for (const u of units) if (!exempt.has(u.id)) byParent.set(u.parent as string, [...(byParent.get(u.parent as string) ?? []), u.id]);
  for (const ids of byParent.values()) {
    shuffle(ids, rnd).forEach((unit, rank) => {
      const [lo, hi] = bands[rank % 3] as readonly [number, number];
      add({ type: 'supervisor-rating', unit, score: (lo + int(hi - lo + 1)) / 10 });
    });
  }

  // ---- case facts: skewed per-unit weights (a few units attract many cases)
  const caseStart = facts.length;
  const cum: number[] = [];
  let acc = 0;
  for (let i = 0; i < units.length; i++) cum.push((acc += (-Math.log(1 - rnd())) ** 1.5));
  const someUnit = () => {
    const r = rnd() * acc;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cum[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return (units[lo] as RosterUnit).id;
  };
  let seq = 0;
  for (const [type, share] of CASE_MIX) {
    const n = type === 'media-coverage' ? opts.cases - (facts.length - caseStart) : Math.round(opts.cases * share);
    for (let k = 0; k < n; k++) {
      const unit = someUnit();
      const id = `c${pad(++seq, 6)}`;
      const date = pick(days);
      add(caseFact(type, id, unit, date, r));
    }
  }
  const caseEnd = facts.length;

  // records arrive interleaved in a real export: shuffle once, remember where the case facts went
  const order = shuffle(
    facts.map((_, i) => i),
    rnd,
  );
  const data: Dataset = { scheme: 'pingyang-2021', units, parents, facts: order.map((i) => facts[i] as Fact), history };
  const caseIndices: number[] = [];
  order.forEach((from, to) => {
    if (from >= caseStart && from < caseEnd) caseIndices.push(to);
  });
  return { data, caseIndices, counts };
}

/**
 * Split `total` votes over n units: 4% small units get 0–29 (service votes
 * only; 1 in 8 of them none at all), the others a share of the rest by weight.
 */
export function allocate(total: number, n: number, rnd: () => number, small: boolean): number[] {
  const out = new Array<number>(n).fill(0);
  const big: number[] = [];
  let left = total;
  for (let u = 0; u < n; u++) {
    if (small && rnd() < 0.04) {
      out[u] = rnd() < 0.125 ? 0 : 1 + Math.floor(rnd() * 29);
      left -= out[u] as number;
    } else big.push(u);
  }
  const w = big.map(() => 0.3 + 1.7 * rnd());
  const sum = w.reduce((a, b) => a + b, 0);
  let given = 0;
  big.forEach((u, i) => {
    out[u] = Math.floor((left * (w[i] as number)) / sum);
    given += out[u] as number;
  });
  for (let r = left - given; r > 0; r--) out[big[Math.floor(rnd() * big.length)] as number]! += 1;
  return out;
}

export function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
  return xs;
}

/** The roster and history of a few parents, with only their facts: a small valid city-year for warm-up. */
export function subsetByParents(data: Dataset, parentCount: number): Dataset {
  const parents = (data.parents ?? []).slice(0, parentCount);
  const keepP = new Set(parents.map((p) => p.id));
  const units = data.units.filter((u) => u.parent !== undefined && keepP.has(u.parent));
  const keepU = new Set(units.map((u) => u.id));
  const facts = data.facts.filter((f) => (f.unit !== undefined ? keepU.has(f.unit) : f.parent !== undefined && keepP.has(f.parent)));
  return { scheme: data.scheme, units, parents, facts, history: (data.history ?? []).filter((h) => keepU.has(h.unit)) };
}
