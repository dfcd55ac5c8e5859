import type { RunResult } from './result.ts';

/**
 * The last guard before a result leaves the engine: every number in every
 * unit's result (totals, indicator points, trace steps) must be finite. Inputs
 * are bounded (scheme numbers by the format, data numbers by the data check),
 * so this should never fire; if it does, the run fails with the unit's
 * pointer instead of printing NaN or null as a score.
 */
export function findNonFinite(result: RunResult): string | undefined {
  for (let i = 0; i < result.units.length; i++) {
    if (!allFinite(result.units[i])) return `/units/${i}`;
  }
  for (const c of result.consequences) if (!allFinite(c)) return '';
  return undefined;
}

/** Iterative walk (no recursion: traces can be deep). */
export function allFinite(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
    } else if (v !== null && typeof v === 'object') {
      for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
    }
  }
  return true;
}
