import type { HistoryRecord } from '../data/dataset.ts';
import { dataIssue, schemeIssue, type Issue } from '../issue.ts';
import { shareCount } from '../numbers.ts';
import type { Classification, HistoryCondition, ScoreBand } from '../scheme/classes.ts';
import type { Basis } from '../scheme/flow-basis.ts';
import type { Ranking } from '../scheme/flow.ts';
import type { RankedEntry } from './rank.ts';
import type { ClassResult, ClassTie, RankingResult } from './result.ts';
import { HistoryIndex } from './history-index.ts';
import { keepsOut, type VetoHit } from './veto.ts';

export interface ClassifyInput {
  classes: readonly Classification[];
  rankingDefs: readonly Ranking[];
  rankings: readonly RankingResult[];
  history: readonly HistoryRecord[];
  year: number;
  /** Scored units in roster order. */
  scored: readonly string[];
  value: (basis: Basis, unit: string) => number;
  vetoes: ReadonlyMap<string, readonly VetoHit[]>;
  order: ReadonlyMap<string, number>;
  report: (issue: Issue) => void;
}

export function inBand(b: Pick<ScoreBand, 'lower' | 'upper'>, v: number): boolean {
  const lo = b.lower === undefined || (b.lower.inclusive ? v >= b.lower.value : v > b.lower.value);
  const hi = b.upper === undefined || (b.upper.inclusive ? v <= b.upper.value : v < b.upper.value);
  return lo && hi;
}

/** Whether a unit's history holds the outcome in at least `atLeast` (default all) of the listed years. */
export function holdsHistory(h: HistoryCondition, history: HistoryIndex, year: number, unit: string): boolean {
  const hits = h.yearsAgo.filter((n) => history.has(unit, year - n, h.outcome)).length;
  return hits >= (h.atLeast ?? h.yearsAgo.length);
}

/**
 * C.3: classes in the scheme's order. `place` takes the top or bottom of a ranking
 * (per group) by count or percent, among units of an earlier class (`within`) and in a
 * score band (`among`), with a declared policy for a tie across the boundary; `band`
 * takes every unit whose score falls in a band; `history` the units of a class whose
 * earlier years hold an outcome. Vetoes keep units out of a class before places are
 * counted (the place passes on) and force units in on top of the places.
 */
export function classify(input: ClassifyInput): ClassResult[] {
  const done = new Map<string, ClassResult>();
  // indexed once: each history question is a lookup, not a scan of every history line
  const past = new HistoryIndex(input.history);
  /** Members each class would have had without vetoes: a cap moves those units down. */
  const wouldBe = new Map<string, Set<string>>();
  for (const c of input.classes) {
    const taken = new Set((c.excludes ?? []).flatMap((x) => done.get(x)?.units ?? []));
    const within = c.within === undefined ? undefined : new Set(done.get(c.within)?.units ?? []);
    const inWithin = (u: string) => within === undefined || within.has(u);
    const vetoedOut = (u: string) => (input.vetoes.get(u) ?? []).some((h) => keepsOut(h, c.id));
    const eligible = (u: string, withVetoes: boolean) => inWithin(u) && !taken.has(u) && !(withVetoes && vetoedOut(u));
    const ties: ClassTie[] = [];
    const members = (withVetoes: boolean): string[] => {
      switch (c.kind) {
        case 'place': {
          const def = input.rankingDefs.find((r) => r.id === c.ranking);
          const ranking = input.rankings.find((r) => r.id === c.ranking);
          const out: string[] = [];
          for (const g of ranking?.groups ?? []) {
            const pool = g.entries.filter((e) => eligible(e.unit, withVetoes) && (!c.among || inBand(c.among, input.value(c.among.basis, e.unit))));
            const n = c.count ?? shareCount(pool.length, c.percent ?? 0, c.rounding ?? 'floor');
            // a share of a small group can round to no place at all: the class is then empty by arithmetic, say so
            if (withVetoes && n === 0 && c.count === undefined && (c.percent ?? 0) > 0 && pool.length > 0) {
              const grouped = g.key !== '*';
              const where = grouped ? `(${g.key} 组)` : '';
              input.report(
                schemeIssue(
                  'quota-zero-places',
                  `/classifications/${input.classes.indexOf(c)}/percent`,
                  `“${c.name}”${where}按 ${c.percent}% × ${pool.length} 个单位取整(${c.rounding ?? 'floor'})为 0 个名额,本组无人入选`,
                  `${c.id}${grouped ? ` (group ${g.key})` : ''}: ${c.percent}% of ${pool.length} units rounds (${c.rounding ?? 'floor'}) to 0 places; nobody is taken`,
                  'warning',
                ),
              );
            }
            const ordered = c.from === 'top' ? pool : [...pool].reverse();
            const picked = cut(ordered, n, c, def, input, withVetoes ? ties : undefined, g.key);
            out.push(...picked.filter((u) => !c.history || holdsHistory(c.history, past, input.year, u)));
          }
          return out;
        }
        case 'band':
          return input.scored.filter((u) => eligible(u, withVetoes) && inBand(c.band, input.value(c.band.basis, u)));
        case 'history':
          return (done.get(c.of)?.units ?? []).filter((u) => eligible(u, withVetoes) && holdsHistory(c.history, past, input.year, u));
        default: {
          const never: never = c;
          return never;
        }
      }
    };
    const units = members(true);
    wouldBe.set(c.id, new Set(members(false)));
    const vetoed: NonNullable<ClassResult['vetoed']> = [];
    for (const u of input.scored) {
      for (const h of input.vetoes.get(u) ?? []) {
        const e = h.effect;
        if (keepsOut(h, c.id) && wouldBe.get(c.id)?.has(u)) vetoed.push({ unit: u, veto: h.veto, effect: e.kind, fact: h.fact, source: h.source });
        const forced = e.kind === 'force' && e.class === c.id;
        const capped = e.kind === 'cap' && e.class === c.id && e.above.some((a) => wouldBe.get(a)?.has(u));
        if ((forced || capped) && !units.includes(u)) {
          units.push(u);
          vetoed.push({ unit: u, veto: h.veto, effect: e.kind, fact: h.fact, source: h.source });
        }
      }
    }
    const result: ClassResult = { id: c.id, name: c.name, units };
    if (ties.length > 0) result.ties = ties;
    if (vetoed.length > 0) result.vetoed = vetoed;
    done.set(c.id, result);
  }
  return [...done.values()];
}

/**
 * Take n units from the ordered pool; a full tie across the boundary follows the class's
 * declared policy. `ties` is absent for the veto-free pass (recorded and reported once).
 */
function cut(ordered: readonly RankedEntry[], n: number, c: Extract<Classification, { kind: 'place' }>, def: Ranking | undefined, input: ClassifyInput, ties: ClassTie[] | undefined, group: string): string[] {
  const head = ordered.slice(0, n).map((e) => e.unit);
  if (n <= 0 || n >= ordered.length) return head;
  const last = ordered[n - 1] as RankedEntry;
  const same = (e: RankedEntry) =>
    e.value === last.value && (def?.tieBreak.keys ?? []).every((k) => input.value({ kind: 'indicator', id: k.id }, e.unit) === input.value({ kind: 'indicator', id: k.id }, last.unit));
  if (!same(ordered[n] as RankedEntry)) return head;
  const tied = ordered.filter(same).map((e) => e.unit);
  const inside = head.filter((u) => tied.includes(u));
  let take: string[];
  switch (c.ties) {
    case 'include':
      take = [...head, ...tied.filter((u) => !head.includes(u))];
      break;
    case 'exclude':
      take = head.filter((u) => !tied.includes(u));
      break;
    case 'ranking':
      // the ranking's own order decides; shared places stay shared, so every unit on the boundary place is in
      if (def?.tieBreak.otherwise === 'shared') {
        take = [...head, ...ordered.filter((e) => e.rank === last.rank && !head.includes(e.unit)).map((e) => e.unit)];
      } else take = head;
      break;
    case 'error':
      take = head;
      if (ties) input.report(
        dataIssue(
          'class-tie',
          `/units/${input.order.get(tied[0] as string) ?? ''}`,
          `等次“${c.name}”的名额边界上 ${tied.join('、')} 成绩完全相同,方案规定不得截断并列(${c.source})`,
          `class ${c.id}: units ${tied.join(', ')} are fully tied across the boundary of ${n} and the scheme forbids cutting a tie`,
        ),
      );
      break;
    default: {
      const never: never = c.ties;
      return never;
    }
  }
  ties?.push({ group, places: n, tied, inside, policy: c.ties, taken: take.filter((u) => tied.includes(u)) });
  return take;
}
