import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreScheme, validateScheme, type Dataset } from '../../engine/index.ts';

/**
 * Bad input never crashes: random edits of the shipped schemes (a key deleted,
 * a value replaced by any JSON) either come back as issues from validateScheme
 * or, when still valid, score the scheme's own case data without throwing.
 */
const root = new URL('../../schemes/', import.meta.url);
const ids = readdirSync(root).filter((d) => !d.includes('.') && existsSync(new URL(`${d}/scheme.json`, root)));
const fixtures = ids.map((id) => {
  const scheme = JSON.parse(readFileSync(new URL(`${id}/scheme.json`, root), 'utf8')) as unknown;
  const c = JSON.parse(readFileSync(new URL(`${id}/cases/01-every-indicator.json`, root), 'utf8')) as { input: Dataset };
  return { id, scheme, data: c.input };
});

function paths(v: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (v === null || typeof v !== 'object') return [at];
  const kids = Array.isArray(v) ? v.map((x, i) => paths(x, [...at, i])) : Object.entries(v).map(([k, x]) => paths(x, [...at, k]));
  return [at, ...kids.flat()];
}

function edit(doc: unknown, path: Array<string | number>, value: unknown, remove: boolean): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

describe('robustness (fast-check, fixed seed)', () => {
  it.each(fixtures.map((f) => [f.id, f] as const))('%s: random edits are reported or scored, never thrown', (_id, f) => {
    const all = paths(f.scheme);
    const values = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(0, -1, 1e9, '', 'x', [], {}, null, true));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), values, fc.boolean(), (i, value, remove) => {
        const doc = edit(f.scheme, all[i] as Array<string | number>, value, remove);
        const v = validateScheme(doc);
        for (const issue of v.issues) expect(typeof issue.path).toBe('string');
        if (v.ok && v.scheme) {
          const r = scoreScheme(v.scheme, f.data);
          expect(Array.isArray(r.issues)).toBe(true);
        }
      }),
      { seed: 1117, numRuns: 300 },
    );
  });

  it.each(fixtures.map((f) => [f.id, f] as const))('%s: random edits of the data are reported or scored, never thrown', (_id, f) => {
    const scheme = validateScheme(f.scheme).scheme!;
    const all = paths(f.data);
    const values = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(0, -1, 1e9, '', 'x', [], {}, null, true, 'p1', 'a'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), values, fc.boolean(), (i, value, remove) => {
        const data = edit(f.data, all[i] as Array<string | number>, value, remove) as Dataset;
        const r = scoreScheme(scheme, data);
        for (const issue of r.issues) expect(typeof issue.path).toBe('string');
        // accepted data gives real numbers: a NaN would be a silent wrong score
        if (r.ok) for (const u of r.units) expect([u.unit, Number.isFinite(u.total)]).toEqual([u.unit, true]);
      }),
      { seed: 1118, numRuns: 300 },
    );
  });
});
