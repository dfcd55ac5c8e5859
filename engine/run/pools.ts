import type { MethodContext, ScoringMethod, UnitScore } from '../methods/method.ts';
import type { Method } from '../scheme/methods/index.ts';
import type { ScoringPool, SelectionReason } from '../scheme/scoring-pool.ts';

/**
 * 分池计分: which pool each member of a selection is scored in, by how it
 * entered. A reason no pool lists (a scheme validation rejects it) leaves the
 * unit in the unnamed pool '', scored among the other such units.
 */
export function assignPools(pools: readonly ScoringPool[], members: ReadonlyArray<{ id: string }>, reasonOf: ReadonlyMap<string, SelectionReason>): Map<string, string> {
  const byReason = new Map<string, string>();
  for (const p of pools) for (const r of p.reasons) if (!byReason.has(r)) byReason.set(r, p.id);
  const out = new Map<string, string>();
  for (const u of members) {
    const reason = reasonOf.get(u.id);
    out.set(u.id, (reason === undefined ? undefined : byReason.get(reason)) ?? '');
  }
  return out;
}

/** Two assignments differ when any unit is in another pool (or only in one of them): the population steps must run again. */
export function samePools(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [u, p] of a) if (b.get(u) !== p) return false;
  return true;
}

/**
 * The method's population step run once per pool over that pool's members only
 * (its mean, quota and ranks are the pool's), each unit's trace opening with the
 * pool it was scored in. The units' folded states are the same either way.
 */
export function finishInPools(
  impl: ScoringMethod<Method['kind'], unknown>,
  method: Method,
  ctx: MethodContext,
  states: ReadonlyMap<string, unknown>,
  selection: string,
  pools: readonly ScoringPool[],
  poolOf: ReadonlyMap<string, string>,
): Map<string, UnitScore> {
  const out = new Map<string, UnitScore>();
  const groups = new Map<string, MethodContext['units'][number][]>();
  for (const u of ctx.units) {
    const id = poolOf.get(u.id) ?? '';
    const list = groups.get(id);
    if (list) list.push(u);
    else groups.set(id, [u]);
  }
  const declared = new Map(pools.map((p) => [p.id, p]));
  for (const [id, units] of groups) {
    const pool = declared.get(id);
    const scores = impl.finish(method as never, { ...ctx, units }, states);
    for (const [unit, s] of scores) {
      out.set(unit, pool ? { points: s.points, steps: [{ kind: 'pool', selection, pool: pool.id, name: pool.name, members: units.length, source: pool.source }, ...s.steps] } : s);
    }
  }
  return out;
}
