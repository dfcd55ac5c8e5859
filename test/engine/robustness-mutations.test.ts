import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { scoreScheme, validateScheme, type Dataset } from '../../engine/index.ts';

/**
 * Issue 10 §4: hostile edits of every shipped scheme and its case data —
 * huge, tiny and non-finite numbers, prototype keys, huge arrays, deep
 * nesting, broken references, deletions — run in-process: 12,000 mutated
 * schemes and data sets, with 0 throws, 0 cases over 5 s, and not one
 * non-finite number anywhere in any result (the whole result is walked).
 */
const root = new URL('../../schemes/', import.meta.url);
const fixtures = readdirSync(root)
  // the shipped jurisdictions' schemes (schemes/examples holds one folder per construct, without this case)
  .filter((d) => existsSync(new URL(`${d}/scheme.json`, root)) && existsSync(new URL(`${d}/cases/01-every-indicator.json`, root)))
  .map((id) => ({
    id,
    scheme: JSON.parse(readFileSync(new URL(`${id}/scheme.json`, root), 'utf8')) as unknown,
    data: (JSON.parse(readFileSync(new URL(`${id}/cases/01-every-indicator.json`, root), 'utf8')) as { input: Dataset }).input,
  }));

type Path = Array<string | number>;

function paths(v: unknown, at: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [at];
  const kids = Array.isArray(v) ? v.map((x, i) => paths(x, [...at, i])) : Object.entries(v).map(([k, x]) => paths(x, [...at, k]));
  return [at, ...kids.flat()];
}

/** Every string of a document: ids, fact types, classes… — a broken reference swaps one for another. */
function strings(v: unknown, out = new Set<string>()): Set<string> {
  if (typeof v === 'string') out.add(v);
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

const nest = (inner: unknown, levels: number, kind: 'not' | 'array' | 'all'): unknown => {
  let v = inner;
  for (let i = 0; i < levels; i++) v = kind === 'not' ? { not: v } : kind === 'all' ? { all: [v] } : [v];
  return v;
};

type Mutation =
  | { kind: 'number'; value: number }
  | { kind: 'proto-value'; value: string }
  | { kind: 'proto-key'; key: string; value: unknown }
  | { kind: 'huge-array'; size: number }
  | { kind: 'deep'; levels: number; shape: 'not' | 'array' | 'all' }
  | { kind: 'reference'; pick: number }
  | { kind: 'delete' }
  | { kind: 'json'; value: unknown };

const PROTO = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN, 1e308, -1e308, 5e-324, -0, 1e9 + 1, 2 ** 53, -1, 0, 0.1).map((value) => ({ kind: 'number' as const, value })) },
  { weight: 2, arbitrary: fc.double().map((value) => ({ kind: 'number' as const, value })) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO).map((value) => ({ kind: 'proto-value' as const, value })) },
  { weight: 2, arbitrary: fc.record({ key: fc.constantFrom(...PROTO), value: fc.constantFrom<unknown>(1, 'x', {}, [], null, { toString: 1 }) }).map((r) => ({ kind: 'proto-key' as const, ...r })) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 1_000 }).map((size) => ({ kind: 'huge-array' as const, size })) },
  { weight: 1, arbitrary: fc.record({ levels: fc.constantFrom(40, 80, 2_000), shape: fc.constantFrom<'not' | 'array' | 'all'>('not', 'array', 'all') }).map((r) => ({ kind: 'deep' as const, ...r })) },
  { weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'reference' as const, pick })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'json' as const, value })) },
);

function apply(doc: unknown, path: Path, m: Mutation, refs: readonly string[]): unknown {
  const copy = structuredClone(doc);
  const holder = path.length === 0 ? undefined : (path.slice(0, -1).reduce<unknown>((c, k) => (c as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>);
  const last = path[path.length - 1] as string | number;
  const current = holder === undefined ? copy : holder[last];
  const set = (v: unknown) => {
    if (holder === undefined) return v;
    holder[last] = v;
    return copy;
  };
  switch (m.kind) {
    case 'number':
      return set(m.value);
    case 'proto-value':
      return set(m.value);
    case 'proto-key': {
      const target = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as object) : undefined;
      if (!target) return set({ [m.key]: m.value });
      // defineProperty: `__proto__` becomes an own key, as JSON.parse makes it
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      return copy;
    }
    case 'huge-array':
      return set(Array.isArray(current) && current.length > 0 ? Array.from({ length: m.size }, (_, i) => structuredClone(current[i % current.length])) : Array.from({ length: m.size }, () => current));
    case 'deep':
      return set(nest(current, m.levels, m.shape));
    case 'reference':
      return set(refs[m.pick % refs.length]);
    case 'delete':
      if (holder === undefined) return undefined;
      if (Array.isArray(holder)) holder.splice(last as number, 1);
      else delete holder[last];
      return copy;
    case 'json':
      return set(m.value);
    default: {
      const never: never = m;
      return never;
    }
  }
}

/** Where a result holds a number that is not finite ('' when none). Iterative: results can be deep. */
function nonFinite(value: unknown): string {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, at] = stack.pop() as [unknown, string];
    if (typeof v === 'number' && !Number.isFinite(v)) return at || '/';
    if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, `${at}/${k}`]);
  }
  return '';
}

const LIMIT_MS = 5_000;

function check(label: string, run: () => unknown): void {
  const t0 = performance.now();
  let result: unknown;
  try {
    result = run();
  } catch (e) {
    throw new Error(`${label}: threw ${(e as Error).stack ?? String(e)}`);
  }
  const ms = performance.now() - t0;
  if (ms > LIMIT_MS) throw new Error(`${label}: took ${Math.round(ms)} ms`);
  const where = nonFinite(result);
  if (where) throw new Error(`${label}: non-finite number at ${where}`);
  for (const issue of (result as { issues: Array<{ path: unknown; message: { zh: unknown; en: unknown } }> }).issues) {
    if (typeof issue.path !== 'string' || typeof issue.message.zh !== 'string' || typeof issue.message.en !== 'string') throw new Error(`${label}: malformed issue ${JSON.stringify(issue)}`);
  }
}

const RUNS = 1_500; // × 4 schemes × (scheme + data) = 12,000 mutated documents

describe('robustness under hostile mutations (fast-check, fixed seeds, in-process)', () => {
  // compile the validators once before any case is timed
  beforeAll(() => {
    for (const f of fixtures) scoreScheme(validateScheme(f.scheme).scheme!, f.data);
    validateScheme({});
  });

  it.each(fixtures.map((f, i) => [f.id, f, i] as const))('%s: 1,500 mutated schemes are reported or scored, never thrown, never non-finite', (_id, f, i) => {
    const all = paths(f.scheme);
    const refs = [...strings(f.scheme)];
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), mutation, (p, m) => {
        const doc = apply(f.scheme, all[p] as Path, m, refs);
        check(`scheme ${f.id} ${JSON.stringify(all[p])} ${m.kind}`, () => {
          const v = validateScheme(doc);
          if (!(v.ok && v.scheme)) return v;
          const r = scoreScheme(v.scheme, f.data);
          return { issues: [...v.issues, ...r.issues], result: r };
        });
      }),
      { seed: 2_010 + i, numRuns: RUNS },
    );
  });

  it.each(fixtures.map((f, i) => [f.id, f, i] as const))('%s: 1,500 mutated data sets are reported or scored, never thrown, never non-finite', (_id, f, i) => {
    const scheme = validateScheme(f.scheme).scheme!;
    const all = paths(f.data);
    const refs = [...strings(f.data), ...strings(f.scheme)].slice(0, 5_000);
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), mutation, (p, m) => {
        const data = apply(f.data, all[p] as Path, m, refs) as Dataset;
        check(`data ${f.id} ${JSON.stringify(all[p])} ${m.kind}`, () => {
          const r = scoreScheme(scheme, data);
          // a failed run must not carry numbers to misread as a result
          if (!r.ok && (r.units.length > 0 || r.rankings.length > 0 || r.classes.length > 0)) throw new Error('failed run carries a ranking');
          return r;
        });
      }),
      { seed: 3_010 + i, numRuns: RUNS },
    );
  });
});
