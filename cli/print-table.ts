import type { RunResult, Scheme } from '../engine/index.ts';
import { displayWidth } from '../engine/format/display-width.ts';

const pad = (s: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - displayWidth(s))) + s : s + ' '.repeat(Math.max(0, n - displayWidth(s))));
const num = (x: number) => String(Math.round(x * 1000) / 1000);
/** Long official names (科室全称带括注) would push the numbers off screen: cut at `max` columns. */
function fit(s: string, max = 28): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + '…';
}

/** The ranked table: the scheme's first ranking first, then the other scored units by total, then exempt ones. */
export function rankedTable(scheme: Scheme, r: RunResult): string {
  const ranking = r.rankings[0];
  const order: string[] = [];
  for (const g of ranking?.groups ?? []) for (const e of g.entries) order.push(e.unit);
  const rest = r.units.filter((u) => u.status === 'scored' && !order.includes(u.unit)).sort((a, b) => b.total - a.total);
  const exempt = r.units.filter((u) => u.status === 'exempt');
  const tops = scheme.indicators.map((i) => i.id);
  const header = ['名次', '单位 unit', '名称 name', ...scheme.indicators.map((i) => i.name), '总分 total', '等次 classes'];
  const rows: string[][] = [];
  const byId = new Map(r.units.map((u) => [u.unit, u]));
  const className = new Map(r.classes.map((c) => [c.id, c.name]));
  const classes = (ids: string[]) => ids.map((id) => className.get(id) ?? id).join('、');
  for (const id of order) {
    const u = byId.get(id);
    if (!u) continue;
    const rank = ranking ? String(u.ranks[ranking.id] ?? '') : '';
    rows.push([rank, u.unit, fit(u.name), ...tops.map((t) => num(u.indicators.find((x) => x.id === t)?.points ?? 0)), num(u.total), classes(u.classes)]);
  }
  for (const u of rest) rows.push(['-', u.unit, fit(u.name), ...tops.map((t) => num(u.indicators.find((x) => x.id === t)?.points ?? 0)), num(u.total), classes(u.classes)]);
  for (const u of exempt) rows.push(['免评', u.unit, fit(u.name), ...tops.map(() => ''), '', u.exemptBy?.name ?? '']);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const numeric = (i: number) => i >= 3 && i < header.length - 1;
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0, numeric(i))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
