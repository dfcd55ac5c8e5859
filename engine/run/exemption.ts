import type { Dataset } from '../data/dataset.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { UnitResult } from './result.ts';

/** A.4: units whose history holds the outcome in every listed earlier year are not scored (免评). */
export function findExemptions(scheme: Scheme, data: Dataset): Map<string, NonNullable<UnitResult['exemptBy']>> {
  const out = new Map<string, NonNullable<UnitResult['exemptBy']>>();
  const history = data.history ?? [];
  for (const e of scheme.exemptions ?? []) {
    const years = e.yearsAgo.map((n) => scheme.year - n);
    for (const u of data.units) {
      if (out.has(u.id)) continue;
      const ok = years.every((y) => history.some((h) => h.unit === u.id && h.year === y && h.outcome === e.outcome));
      if (ok) out.set(u.id, { exemption: e.id, name: e.name, years, source: e.source });
    }
  }
  return out;
}
