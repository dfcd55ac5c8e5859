import type { RunResult } from '../run/result.ts';
import type { CaseExpectation } from './case.ts';

/** Numbers agree when they agree to 1e-6: hand computations of repeating decimals are written to 6+ places. */
const TOLERANCE = 1e-6;

export interface CaseFailure {
  where: string;
  expected: unknown;
  actual: unknown;
}

/** Compare a run with a case's expectations; an empty list means the case passes. */
export function checkCase(result: RunResult, expect: CaseExpectation): CaseFailure[] {
  const f: CaseFailure[] = [];
  const num = (where: string, expected: number | undefined, actual: number | undefined) => {
    if (expected === undefined) return;
    if (actual === undefined || Math.abs(expected - actual) > TOLERANCE) f.push({ where, expected, actual });
  };
  const set = (where: string, expected: string[] | undefined, actual: string[]) => {
    if (expected === undefined) return;
    const a = [...actual].sort();
    const e = [...expected].sort();
    if (a.length !== e.length || a.some((x, i) => x !== e[i])) f.push({ where, expected: e, actual: a });
  };

  if (result.ok !== expect.ok) f.push({ where: 'ok', expected: expect.ok, actual: result.ok });
  for (const want of expect.issues ?? []) {
    if (!result.issues.some((i) => i.code === want.code && (want.path === undefined || i.path === want.path))) {
      f.push({ where: `issue ${want.code}${want.path ? ' at ' + want.path : ''}`, expected: 'reported', actual: result.issues.map((i) => `${i.code} ${i.path}`) });
    }
  }
  if (expect.onlyIssues) {
    for (const got of result.issues) {
      if (!(expect.issues ?? []).some((w) => w.code === got.code && (w.path === undefined || w.path === got.path))) {
        f.push({ where: `unexpected issue ${got.code} at ${got.path}`, expected: 'none', actual: got.message.en });
      }
    }
  }
  for (const [id, u] of Object.entries(expect.units ?? {})) {
    const r = result.units.find((x) => x.unit === id);
    if (!r) {
      f.push({ where: `unit ${id}`, expected: 'present', actual: 'missing' });
      continue;
    }
    if (u.status !== undefined && u.status !== r.status) f.push({ where: `${id}.status`, expected: u.status, actual: r.status });
    num(`${id}.total`, u.total, r.total);
    num(`${id}.inTotal`, u.inTotal, r.inTotal);
    num(`${id}.outsideTotal`, u.outsideTotal, r.outsideTotal);
    for (const [ind, pts] of Object.entries(u.indicators ?? {})) num(`${id}.indicators.${ind}`, pts, findPoints(r.indicators, ind));
    for (const [rk, rank] of Object.entries(u.ranks ?? {})) num(`${id}.ranks.${rk}`, rank, r.ranks[rk]);
    set(`${id}.classes`, u.classes, r.classes);
    set(`${id}.selections`, u.selections, r.selections);
  }
  for (const [id, s] of Object.entries(expect.selections ?? {})) {
    const r = result.selections.find((x) => x.id === id);
    const members = r?.members.map((m) => m.unit) ?? [];
    num(`selection ${id}.size`, s.size, r ? members.length : undefined);
    for (const u of s.includes ?? []) if (!members.includes(u)) f.push({ where: `selection ${id} includes ${u}`, expected: true, actual: false });
    for (const u of s.excludes ?? []) if (members.includes(u)) f.push({ where: `selection ${id} excludes ${u}`, expected: true, actual: false });
  }
  for (const [id, units] of Object.entries(expect.classes ?? {})) set(`class ${id}`, units, result.classes.find((c) => c.id === id)?.units ?? []);
  for (const [target, measures] of Object.entries(expect.consequences ?? {})) {
    const r = result.consequences.find((c) => c.id === target);
    for (const [m, pts] of Object.entries(measures)) {
      if (m === 'notes') set(`consequence ${target}.notes`, pts as string[], (r?.items ?? []).flatMap((i) => (i.note === undefined ? [] : [i.note])));
      else num(`consequence ${target}.${m}`, pts as number, r?.totals[m] ?? 0);
    }
  }
  return f;
}

function findPoints(list: ReadonlyArray<{ id: string; points: number; children?: unknown[] }>, id: string): number | undefined {
  for (const t of list) {
    if (t.id === id) return t.points;
    const inner = findPoints((t.children ?? []) as Array<{ id: string; points: number; children?: unknown[] }>, id);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
