/**
 * ZEN's side of the peers: the same rules as a JDM decision table with hit
 * policy `first`, built here from the scheme's rules. Each scheme rule becomes
 * consecutive rows, most specific first, so that the first row that holds
 * decides, as pingyi's table does:
 *   1. one row per exempt modifier (the rule's tests AND the modifier's) → 0;
 *   2. one row per combination of multiply modifiers, largest first → price × factors;
 *   3. the rule alone → its price;
 * and a table-priced rule repeats 2–3 once per row of its points table.
 * Input columns are unary tests on one field each (`"x"`, `true`, `"a", "b"`,
 * `< 3`); the output is the points as a ZEN expression (`amount * 1.5` for a
 * range price). A condition outside that shape is refused with its rule id.
 */
import { ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import { clean, type AdjustmentRule, type Condition } from '../../engine/index.ts';
import { parseConditionPath } from '../../engine/conditions/condition-path.ts';
import { conjunction } from './generate-cases.ts';
import type { Evaluation } from './pingyi-peer.ts';
import type { DeductionMethod } from './rule-table.ts';

type Test = { field: string; cell: string };

const UNARY: Record<string, (v: unknown) => string> = {
  equal: (v) => literal(v),
  in: (v) => (Array.isArray(v) && v.length > 0 ? v.map(literal).join(', ') : refuse('in needs a non-empty list')),
  lessThan: (v) => `< ${number(v)}`,
  lessThanInclusive: (v) => `<= ${number(v)}`,
  greaterThan: (v) => `> ${number(v)}`,
  greaterThanInclusive: (v) => `>= ${number(v)}`,
};

function refuse(why: string): never {
  throw new Error(`the ZEN table cannot express this condition: ${why}`);
}
function literal(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  return refuse(`value ${JSON.stringify(v)}`);
}
function number(v: unknown): string {
  return typeof v === 'number' ? String(v) : refuse(`a comparison with ${JSON.stringify(v)}`);
}

/** A condition as unary tests on fields; only `all` of leaf tests (what decision-table columns are). */
function tests(c: Condition | undefined, rule: string): Test[] {
  if (!c) return [];
  const leaves = conjunction(c);
  const countLeaves = (x: unknown): number => {
    const r = x as Record<string, unknown>;
    return Array.isArray(r.all) ? (r.all as unknown[]).reduce<number>((a, y) => a + countLeaves(y), 0) : typeof r.fact === 'string' ? 1 : Infinity;
  };
  if (countLeaves(c) !== leaves.length) refuse(`rule ${rule} uses any / not`);
  return leaves.map((l) => {
    const make = UNARY[l.operator];
    if (!make) refuse(`rule ${rule} uses operator ${l.operator}`);
    const keys = l.path === undefined ? [] : parseConditionPath(l.path);
    if (keys === undefined) refuse(`rule ${rule} path ${l.path}`);
    return { field: [l.fact, ...keys].join('.'), cell: make(l.value) };
  });
}

interface Row {
  tests: Test[];
  points: string;
  rule: string;
}

/** Every subset of xs, largest first (a rule has at most a few multiply modifiers). */
function subsets<T>(xs: readonly T[]): T[][] {
  let out: T[][] = [[]];
  for (const x of xs) out = out.flatMap((s) => [[...s, x], s]);
  return out.sort((a, b) => b.length - a.length);
}

export function zenRows(method: DeductionMethod): Row[] {
  if (method.hitPolicy !== 'first') refuse(`hit policy ${method.hitPolicy}`);
  const rows: Row[] = [];
  for (const r of method.rules as AdjustmentRule[]) {
    if (r.quantityField !== undefined) refuse(`rule ${r.id} has a quantity field`);
    const own = [{ field: 'type', cell: literal(r.factType) }, ...tests(r.when, r.id)];
    const mods = r.modifiers ?? [];
    for (const m of mods) if (m.kind === 'exempt') rows.push({ tests: [...own, ...tests(m.when, `${r.id}/${m.id}`)], points: '0', rule: r.id });
    const multiply = mods.flatMap((m) => (m.kind === 'multiply' ? [m] : []));
    const prices: Array<{ tests: Test[]; base: number | string }> =
      r.points.kind === 'table'
        ? Object.entries(r.points.values).map(([key, v]) => ({ tests: [{ field: (r.points as { field: string }).field, cell: literal(key) }], base: v }))
        : [{ tests: [], base: r.points.kind === 'fixed' ? r.points.value : r.points.field }];
    for (const set of subsets(multiply)) {
      const factor = set.reduce((a, m) => a * m.factor, 1);
      const extra = set.flatMap((m) => tests(m.when, `${r.id}/${m.id}`));
      for (const p of prices) {
        const points = typeof p.base === 'number' ? String(clean(p.base * factor)) : factor === 1 ? p.base : `${p.base} * ${factor}`;
        rows.push({ tests: [...own, ...extra, ...p.tests], points, rule: r.id });
      }
    }
  }
  return rows;
}

/** The JDM graph: input → decision table → output. A field tested twice in a row gets a second column. */
export function zenDecisionJson(method: DeductionMethod): { jdm: unknown; rows: number; columns: number } {
  const rows = zenRows(method);
  const columns: Array<{ id: string; field: string }> = [];
  const rules = rows.map((row, k) => {
    const out: Record<string, string> = { _id: `row${k + 1}`, points: row.points, rule: literal(row.rule) };
    const used = new Map<string, number>();
    for (const t of row.tests) {
      const n = used.get(t.field) ?? 0;
      used.set(t.field, n + 1);
      let col = columns.filter((c) => c.field === t.field)[n];
      if (!col) columns.push((col = { id: `in${columns.length + 1}`, field: t.field }));
      out[col.id] = t.cell;
    }
    return out;
  });
  for (const r of rules) for (const c of columns) r[c.id] ??= '';
  const table = {
    id: 'table',
    type: 'decisionTableNode',
    name: 'deductions',
    position: { x: 300, y: 0 },
    content: {
      hitPolicy: 'first',
      inputs: columns.map((c) => ({ id: c.id, name: c.field, field: c.field })),
      outputs: [
        { id: 'points', name: 'points', field: 'points' },
        { id: 'rule', name: 'rule', field: 'rule' },
      ],
      rules,
    },
  };
  const jdm = {
    contentType: 'application/vnd.gorules.decision',
    nodes: [{ id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } }, table, { id: 'response', type: 'outputNode', name: 'response', position: { x: 600, y: 0 } }],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'request', targetId: 'table' },
      { id: 'e2', type: 'edge', sourceId: 'table', targetId: 'response' },
    ],
  };
  return { jdm, rows: rows.length, columns: columns.length };
}

export interface ZenPeer {
  rows: number;
  columns: number;
  /** Awaited one by one. */
  runSequential(evals: readonly Evaluation[]): Promise<Float64Array>;
  /** `batch` evaluations in flight at a time (Promise.all), batch after batch. */
  runBatched(evals: readonly Evaluation[], batch: number): Promise<Float64Array>;
  /** ZEN's own reported evaluation time (`performance` of each response) summed over the last run, in ms. */
  lastInternalMs: number;
  dispose(): void;
}

/** "35.2µs", "1.2ms", "800ns", "1.1s" → milliseconds (NaN when unreadable). */
export function zenDurationMs(text: string): number {
  const m = /^([\d.]+)\s*(ns|µs|us|ms|s)$/.exec(text.trim());
  if (!m) return NaN;
  const unit = { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1000 }[m[2] as 'ns' | 'µs' | 'us' | 'ms' | 's'];
  return Number(m[1]) * unit;
}

const pointsOf = (r: { result: unknown }): number => {
  const p = (r.result as { points?: unknown } | null)?.points;
  return p === undefined || p === null ? 0 : clean(Number(p));
};

export function zenPeer(method: DeductionMethod): ZenPeer {
  const { jdm, rows, columns } = zenDecisionJson(method);
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(Buffer.from(JSON.stringify(jdm)));
  const peer: ZenPeer = {
    rows,
    columns,
    lastInternalMs: 0,
    async runSequential(evals) {
      const out = new Float64Array(evals.length);
      let internal = 0;
      for (let k = 0; k < evals.length; k++) {
        const r = await decision.evaluate((evals[k] as Evaluation).scope);
        internal += zenDurationMs(r.performance);
        out[k] = pointsOf(r);
      }
      peer.lastInternalMs = internal;
      return out;
    },
    async runBatched(evals, batch) {
      const out = new Float64Array(evals.length);
      for (let start = 0; start < evals.length; start += batch) {
        const part = evals.slice(start, start + batch);
        const results = await Promise.all(part.map((e) => decision.evaluate(e.scope)));
        results.forEach((r, i) => (out[start + i] = pointsOf(r)));
      }
      return out;
    },
    dispose: () => engine.dispose(),
  };
  return peer;
}
