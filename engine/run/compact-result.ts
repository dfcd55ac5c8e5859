/**
 * The compact result document (what `pingyi score --json` writes, issue #22).
 * A province's full result repeats each case rule's id, name and clause in
 * every step that applies it — about fifty times per unit, twenty thousand
 * units — and each indicator's name and maximum in every unit. Here what
 * repeats is stated once, in `defs`, and a step or indicator trace refers to
 * its entry by `$d`; {@link expandResult} gives the full result back, equal to
 * what `pingyi score --json --full` writes. The in-process API (`RunResult`,
 * `UnitResult`) is not changed: only the document is.
 */
import type { Issue } from '../issue.ts';
import type { IndicatorTrace, Step } from '../trace.ts';
import type { UnitResult } from './result.ts';

export const COMPACT_FORMAT = 'pingyi-score-compact';
export const COMPACT_FORMAT_VERSION = 1;
/** The key of a reference to a `defs` entry (no result object has a key starting with `$`). */
export const DEF = '$d';

type SharedKeys = { [K in Step['kind']]: ReadonlyArray<Exclude<keyof Extract<Step, { kind: K }>, 'kind'>> };

/**
 * Per step kind, the keys whose values come from the scheme, not the unit: the
 * same from unit to unit, so stated once in `defs`. A key listed here but absent
 * from a step stays absent after expansion.
 */
export const SHARED_STEP_KEYS = {
  votes: [],
  'no-votes': ['policy', 'source'],
  blend: ['minVotes', 'source'],
  'volume-weight': ['source'],
  base: ['base'],
  rule: ['rule', 'name', 'source', 'base', 'quantity', 'modifiers', 'group'],
  exempt: ['rule', 'modifier', 'name', 'source'],
  deduped: ['rule', 'source'],
  'group-cap': ['group', 'name', 'cap', 'source'],
  cap: ['cap', 'source'],
  floor: ['floor', 'source'],
  scale: ['from', 'to'],
  round: ['digits', 'mode', 'source'],
  grade: [],
  'rank-deduction': ['group', 'freeTop', 'perPlace', 'source'],
  reported: ['combine'],
  'period-grade': [],
  missing: ['policy'],
  aggregate: ['mode'],
  'not-selected': ['selection', 'policy', 'source'],
  pool: ['selection', 'pool', 'name', 'source'],
  variant: ['indicator', 'variant', 'name', 'default', 'source'],
  // a computed value's names and texts are the scheme's; the values put in and the details are the unit's
  'formula-input': ['name', 'label'],
  'formula-op': ['text'],
  'formula-result': ['expression'],
} as const satisfies SharedKeys;

/** The keys of an indicator's trace that are the scheme's, not the unit's. */
const SHARED_INDICATOR_KEYS = ['id', 'name', 'max', 'outsideTotal'] as const;

type Obj = Record<string, unknown>;

/** A trie level: primitive values as they are (Map keys compare them exactly), other values by their JSON. */
interface Level {
  values: Map<unknown, Level>;
  json: Map<string, Level>;
  def?: number;
}
const level = (): Level => ({ values: new Map(), json: new Map() });
/** Stands for an absent key (no value of a result is this symbol). */
const ABSENT = Symbol('absent');

/** Collects `defs` while units are made compact one after another (a run's writer holds one). */
export class CompactDefs {
  readonly defs: Obj[] = [];
  // a trie of the shared values, kind first: no key string is built per step (a province makes a million)
  private readonly root = level();

  /** A unit as the compact document holds it. */
  unit(u: UnitResult): Obj {
    return { ...u, indicators: u.indicators.map((t) => this.indicator(t)) };
  }

  private indicator(t: IndicatorTrace): Obj {
    const out = this.shared(t as unknown as Obj, 'indicator', SHARED_INDICATOR_KEYS);
    out.points = t.points;
    out.steps = t.steps.map((s) => this.shared(s as unknown as Obj, s.kind, SHARED_STEP_KEYS[s.kind]));
    if (t.children !== undefined) out.children = t.children.map((c) => this.indicator(c));
    return out;
  }

  /** `v` without its shared keys, which go to a def (found again by their values), and a reference to it. */
  private shared(v: Obj, kind: string, keys: readonly string[]): Obj {
    if (keys.length === 0) return { ...v };
    let node = this.step(this.root, kind);
    for (const k of keys) node = this.step(node, v[k]);
    let n = node.def;
    if (n === undefined) {
      const def: Obj = kind === 'indicator' ? {} : { kind };
      for (const k of keys) if (v[k] !== undefined) def[k] = v[k];
      n = node.def = this.defs.length;
      this.defs.push(def);
    }
    const out: Obj = { $d: n };
    for (const k in v) if (k !== 'kind' && !keys.includes(k)) out[k] = v[k];
    return out;
  }

  private step(node: Level, x: unknown): Level {
    const primitive = x === undefined || x === null || typeof x !== 'object';
    const key = x === undefined ? ABSENT : primitive ? x : JSON.stringify(x);
    const map = (primitive ? node.values : node.json) as Map<unknown, Level>;
    let next = map.get(key);
    if (next === undefined) map.set(key, (next = level()));
    return next;
  }
}

/** A compact document read back: the full result, or why it cannot be. */
export type Expanded = { ok: true; result: Obj } | { ok: false; issue: Issue };

const problem = (path: string, zh: string, en: string): Expanded => ({ ok: false, issue: { code: 'result-format', path, message: { zh, en }, severity: 'error', source: 'data' } });

/**
 * The full result a compact document stands for: every `$d` replaced by its
 * def's keys, and `format`, `formatVersion` and `defs` left out. Parsed-equal
 * to what `pingyi score --json --full` writes for the same run.
 */
export function expandResult(doc: unknown): Expanded {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return problem('', '结果须为 JSON 对象', 'a result must be a JSON object');
  const d = doc as Obj;
  if (d.format !== COMPACT_FORMAT) return problem('/format', `不是紧凑结果格式(应为 ${COMPACT_FORMAT})`, `not the compact result format (expected ${COMPACT_FORMAT})`);
  if (d.formatVersion !== COMPACT_FORMAT_VERSION) return problem('/formatVersion', `不支持的结果格式版本 ${String(d.formatVersion)}(支持 ${COMPACT_FORMAT_VERSION})`, `unsupported result format version ${String(d.formatVersion)} (supported: ${COMPACT_FORMAT_VERSION})`);
  const defs = d.defs;
  if (!Array.isArray(defs)) return problem('/defs', '缺少 defs 列表', 'defs is missing');
  const { format: _f, formatVersion: _v, defs: _d, ...rest } = d;
  if (rest.units === undefined) return { ok: true, result: rest };
  if (!Array.isArray(rest.units)) return problem('/units', 'units 须为列表', 'units must be a list');
  let bad: Expanded | undefined;
  const expand = (v: Obj, path: string): Obj => {
    if (!(DEF in v)) return v;
    const def = defs[v[DEF] as number] as Obj | undefined;
    if (def === undefined || def === null || typeof def !== 'object') {
      bad ??= problem(`${path}/${DEF}`, `引用了不存在的定义 ${String(v[DEF])}`, `refers to a def that does not exist: ${String(v[DEF])}`);
      return v;
    }
    const { [DEF]: _, ...own } = v;
    return { ...def, ...own };
  };
  const indicator = (t: Obj, path: string): Obj => {
    const out = expand(t, path);
    if (Array.isArray(out.steps)) out.steps = out.steps.map((s: Obj, i: number) => expand(s, `${path}/steps/${i}`));
    if (Array.isArray(out.children)) out.children = out.children.map((c: Obj, i: number) => indicator(c, `${path}/children/${i}`));
    return out;
  };
  const units = rest.units.map((u: Obj, i: number) => (Array.isArray(u?.indicators) ? { ...u, indicators: u.indicators.map((t: Obj, k: number) => indicator(t, `/units/${i}/indicators/${k}`)) } : u));
  return bad ?? { ok: true, result: { ...rest, units } };
}
