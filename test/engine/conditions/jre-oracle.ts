import { Engine, type TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../../../engine/conditions/index.ts';

/** What json-rules-engine made of one condition over one scope. */
export type JreOutcome = { ok: true; fired: boolean } | { ok: false; error: string };

/**
 * The reference semantics: a fresh JRE engine (allowUndefinedFacts, as the
 * engine assumes), one rule holding the condition, the scope as runtime facts.
 * JRE refuses a bare comparison at the root; `{ all: [c] }` means the same
 * (a one-element list is evaluated as the element itself).
 */
export async function jreDecide(c: Condition, scope: Record<string, unknown>): Promise<JreOutcome> {
  const root = 'all' in c || 'any' in c || 'not' in c ? c : { all: [c] };
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addRule({ conditions: root as TopLevelCondition, event: { type: 'hit' } });
  try {
    const { events, results } = await engine.run(scope);
    return { ok: true, fired: events.length === 1 && results.length === 1 };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The value JRE's almanac compares for `{ fact, path }` (jsonpath-plus, wrap: false). */
export async function jreFactValue(scope: Record<string, unknown>, fact: string, path: string | undefined): Promise<unknown> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const { almanac } = await engine.run(scope);
  return almanac.factValue(fact, {}, path);
}

/**
 * An object with exactly these own enumerable properties, including keys such
 * as `__proto__` that a literal or Object.fromEntries would turn into a prototype.
 */
export function ownObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}
