import type { Dataset, Fact, FactType, Scheme } from '../../engine/index.ts';
import { factType, miniScheme, units } from './mini-scheme.ts';

/**
 * A scheme whose one indicator (100 points) is a reported score per unit, so a test
 * states each unit's total directly and works out classes by hand from those totals.
 */
export function scoredScheme(extra: Partial<Scheme> = {}, moreFactTypes: FactType[] = []): Scheme {
  return miniScheme(
    { kind: 'reported-score', factType: 'score', field: 'value', combine: 'sum', missing: 'zero' },
    [factType('score', { value: { type: 'number' } }), ...moreFactTypes],
    100,
    extra,
  );
}

/** A data set with one score fact per unit: `{ a: 90, b: 80 }`; extra facts appended after the scores. */
export function scoredData(totals: Record<string, number>, extra: Fact[] = [], history: Dataset['history'] = []): Dataset {
  const ids = Object.keys(totals);
  return {
    ...units(...ids),
    facts: [...ids.map((id) => ({ type: 'score', unit: id, value: totals[id] as number })), ...extra],
    history,
  };
}
