/**
 * The ranked table of a run as rows of values, shared by the Excel and CSV
 * exports: the order and the columns the CLI table shows (the scheme's first
 * ranking first, then other scored units by total, then exempt units), with
 * one column per indicator and sub-indicator, each ranking, the classes and
 * the selections. Pure: it only reads the engine's RunResult.
 */
import type { IndicatorTrace, RunResult, Scheme, UnitResult } from '../engine/index.ts';

export type TableValue = string | number | null;
export interface RunTable {
  header: string[];
  /** Which columns hold numbers (for alignment and number formats). */
  numeric: boolean[];
  rows: TableValue[][];
}

interface Column { id: string; name: string }

/** Indicators depth-first as the scheme declares them: a parent before its children. */
function indicatorColumns(scheme: Scheme): Column[] {
  const out: Column[] = [];
  const walk = (list: ReadonlyArray<{ id: string; name: string; children?: unknown }>, prefix: string) => {
    for (const i of list) {
      out.push({ id: i.id, name: prefix + i.name });
      if (Array.isArray(i.children)) walk(i.children as Array<{ id: string; name: string }>, `${prefix}${i.name}/`);
    }
  };
  walk(scheme.indicators as ReadonlyArray<{ id: string; name: string; children?: unknown }>, '');
  return out;
}

function tracePoints(traces: readonly IndicatorTrace[]): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (list: readonly IndicatorTrace[]) => {
    for (const t of list) {
      out.set(t.id, t.points);
      if (t.children) walk(t.children);
    }
  };
  walk(traces);
  return out;
}

/** Units in table order. */
export function tableOrder(result: RunResult): UnitResult[] {
  const byId = new Map(result.units.map((u) => [u.unit, u]));
  const first = result.rankings[0];
  const seen = new Set<string>();
  const out: UnitResult[] = [];
  for (const g of first?.groups ?? []) {
    for (const e of g.entries) {
      const u = byId.get(e.unit);
      if (u && !seen.has(u.unit)) {
        seen.add(u.unit);
        out.push(u);
      }
    }
  }
  const rest = result.units.filter((u) => u.status === 'scored' && !seen.has(u.unit)).sort((a, b) => b.total - a.total);
  return [...out, ...rest, ...result.units.filter((u) => u.status === 'exempt')];
}

export function runTable(scheme: Scheme, result: RunResult): RunTable {
  const indicators = indicatorColumns(scheme);
  const className = new Map(result.classes.map((c) => [c.id, c.name]));
  const selectionName = new Map(result.selections.map((s) => [s.id, s.name]));
  const header = [
    ...result.rankings.map((r) => `名次 ${r.name}`),
    '单位 unit',
    '名称 name',
    '主管单位 parent',
    '类别 category',
    ...indicators.map((i) => i.name),
    '总分 total',
    '等次 classes',
    '入选 selections',
    '状态 status',
  ];
  const lead = result.rankings.length;
  const numeric = header.map((_, c) => c < lead || (c >= lead + 4 && c < lead + 5 + indicators.length));
  const rows = tableOrder(result).map((u): TableValue[] => {
    const exempt = u.status === 'exempt';
    const points = tracePoints(u.indicators);
    return [
      ...result.rankings.map((r) => u.ranks[r.id] ?? null),
      u.unit,
      u.name,
      u.parent ?? null,
      u.category ?? null,
      ...indicators.map((i) => (exempt ? null : (points.get(i.id) ?? null))),
      exempt ? null : u.total,
      u.classes.map((id) => className.get(id) ?? id).join('、'),
      u.selections.map((id) => selectionName.get(id) ?? id).join('、'),
      exempt ? `免评 ${u.exemptBy?.name ?? ''}`.trim() : '参评',
    ];
  });
  return { header, numeric, rows };
}
