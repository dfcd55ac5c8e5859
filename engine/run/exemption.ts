import { compileCondition } from '../conditions/index.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { holdsHistory } from './classify.ts';
import type { RosterIndex } from '../facts/facts-index.ts';
import { HistoryIndex } from './history-index.ts';
import type { UnitResult } from './result.ts';
import { unitScope } from '../facts/scope.ts';

/**
 * A.4: units not scored — those whose history holds the outcome in every
 * listed earlier year (免评), and those a condition puts outside the scheme.
 */
export function findExemptions(scheme: Scheme, data: Dataset, roster: RosterIndex): Map<string, NonNullable<UnitResult['exemptBy']>> {
  const out = new Map<string, NonNullable<UnitResult['exemptBy']>>();
  // indexed once: units × history lines would be 800 million comparisons for 20,000 units and 40,000 lines
  const history = new HistoryIndex(data.history ?? []);
  for (const e of scheme.exemptions ?? []) {
    switch (e.kind) {
      case 'history': {
        const years = e.yearsAgo.map((n) => scheme.year - n);
        for (const u of data.units) {
          if (out.has(u.id)) continue;
          if (holdsHistory(e, history, scheme.year, u.id)) {
            const held = years.filter((y) => history.has(u.id, y, e.outcome));
            out.set(u.id, { exemption: e.id, name: e.name, years: held, source: e.source });
          }
        }
        break;
      }
      case 'condition': {
        const when = compileCondition(e.when);
        for (const u of data.units) {
          if (out.has(u.id)) continue;
          const parent = roster.parentOf(u);
          if (when(unitScope(u, parent))) out.set(u.id, { exemption: e.id, name: e.name, years: [], source: e.source });
        }
        break;
      }
      default: {
        const never: never = e;
        return never;
      }
    }
  }
  return out;
}
