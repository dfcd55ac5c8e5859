/** The few numbers a new run is answered with (its result itself can be large). */
import type { RunResult } from '../engine/index.ts';
import { countProblems } from './version-core.ts';

export function summaryOf(result: RunResult) {
  return {
    ok: result.ok,
    units: result.units.length,
    scored: result.units.filter((u) => u.status === 'scored').length,
    exempt: result.units.filter((u) => u.status === 'exempt').length,
    issueCounts: countProblems(result.issues),
    classes: result.classes.map((c) => ({ id: c.id, name: c.name, units: c.units.length })),
  };
}
