import { formatPoints, rosterOrderTies, TIE_MARK, type RunResult, type Scheme, type UnitResult } from '../engine/index.ts';
import { displayWidth } from '../engine/format/display-width.ts';

const pad = (s: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - displayWidth(s))) + s : s + ' '.repeat(Math.max(0, n - displayWidth(s))));
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

/** The ranked table: the scheme's first ranking first, then the other scored units by total, then exempt ones; a legend below. */
export function rankedTable(scheme: Scheme, r: RunResult, digits: number): string {
  const num = (x: number) => formatPoints(x, digits);
  const ranking = r.rankings[0];
  const order: string[] = [];
  for (const g of ranking?.groups ?? []) for (const e of g.entries) order.push(e.unit);
  const inOrder = new Set(order);
  const rest = r.units.filter((u) => u.status === 'scored' && !inOrder.has(u.unit)).sort((a, b) => b.total - a.total);
  const exempt = r.units.filter((u) => u.status === 'exempt');
  const ties = rosterOrderTies(r);
  const tops = scheme.indicators.map((i) => i.id);
  const header = ['名次', '单位 unit', '名称 name', ...scheme.indicators.map((i) => i.name), '总分 total', '等次 classes'];
  const rows: string[][] = [];
  const byId = new Map(r.units.map((u) => [u.unit, u]));
  const className = new Map(r.classes.map((c) => [c.id, c.name]));
  const names = (ids: string[]) => ids.map((id) => className.get(id) ?? id).join('、');
  // a vetoed unit's class is not its points' doing: the table says so (否决:…), not only --json
  const classes = (ids: string[], u: UnitResult) => [names(ids), ...(u.vetoes?.length ? [`否决:${[...new Set(u.vetoes.map((v) => v.name))].join('、')}`] : [])].filter(Boolean).join(';');
  for (const id of order) {
    const u = byId.get(id);
    if (!u) continue;
    const rank = ranking ? String(u.ranks[ranking.id] ?? '') + (ties.has(id) ? TIE_MARK : '') : '';
    rows.push([rank, u.unit, fit(u.name), ...tops.map((t) => num(u.indicators.find((x) => x.id === t)?.points ?? 0)), num(u.total), classes(u.classes, u)]);
  }
  for (const u of rest) rows.push(['-', u.unit, fit(u.name), ...tops.map((t) => num(u.indicators.find((x) => x.id === t)?.points ?? 0)), num(u.total), classes(u.classes, u)]);
  for (const u of exempt) rows.push(['免评', u.unit, fit(u.name), ...tops.map(() => ''), '', u.exemptBy?.name ?? '']);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const numeric = (i: number) => i >= 3 && i < header.length - 1;
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0, numeric(i))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), '', ...legend(r, ties, { ranked: order.length, rest: rest.length, exempt: exempt.length, ties: ties.size, digits })].join('\n');
}

/** Classes whose members and non-members share a total that only roster order told apart: the class was decided by the roster's order there. */
function tiesCutByClasses(r: RunResult, ties: ReadonlySet<string>): Array<{ id: string; name: string; value: number; tied: number; taken: number }> {
  const entries = (r.rankings[0]?.groups ?? []).flatMap((g) => g.entries).filter((e) => ties.has(e.unit));
  const out: Array<{ id: string; name: string; value: number; tied: number; taken: number }> = [];
  for (const c of r.classes) {
    const members = new Set(c.units);
    const byValue = new Map<number, { tied: number; taken: number }>();
    for (const e of entries) {
      const v = byValue.get(e.value) ?? { tied: 0, taken: 0 };
      v.tied++;
      if (members.has(e.unit)) v.taken++;
      byValue.set(e.value, v);
    }
    for (const [value, v] of byValue) if (v.taken > 0 && v.taken < v.tied) out.push({ id: c.id, name: c.name, value, ...v });
  }
  return out;
}

function legend(r: RunResult, ties: ReadonlySet<string>, n: { ranked: number; rest: number; exempt: number; ties: number; digits: number }): string[] {
  const ranking = r.rankings[0];
  const lines = ['说明 legend:'];
  if (ranking) lines.push(`  名次 rank   按“${ranking.name}”(${ranking.id})排名,${n.ranked} 个单位 ranked by ${ranking.id}`);
  if (n.ties > 0) lines.push(`  ${TIE_MARK}           与相邻单位同分且其他并列规则不能区分,按名单顺序定先后(${n.ties} 个单位)tie broken by roster order`);
  for (const cut of tiesCutByClasses(r, ties)) {
    lines.push(`  ! 等次“${cut.name}”的边界落在并列之中:同为 ${cut.value} 分的 ${cut.tied} 个单位中按名单顺序取了 ${cut.taken} 个 — the ${cut.id} boundary falls inside a tie at ${cut.value}: ${cut.taken} of ${cut.tied} taken by roster order`);
  }
  if (n.rest > 0) lines.push(`  -           未进入本轮排名(不在“${ranking?.name ?? ''}”的范围内),${n.rest} 个单位,按总分列出 not in the round`);
  if (n.exempt > 0) lines.push(`  免评        按方案免于评议,不计分不排名,${n.exempt} 个单位 exempt: not scored`);
  lines.push(`  分数 points 显示保留 ${n.digits} 位小数(四舍五入) shown to ${n.digits} decimal digits`);
  return lines;
}

/** 结果运用: per parent with its points per measure (考绩 +5 / −5 / −10) and the classes behind them; then per unit, one line each. */
export function consequencesText(r: RunResult, parentName: (id: string) => string | undefined): string {
  if (r.consequences.length === 0) return '';
  const unitName = new Map(r.units.map((u) => [u.unit, u.name]));
  const className = new Map(r.classes.map((c) => [c.id, c.name]));
  const signed = (x: number) => (x > 0 ? `+${x}` : x < 0 ? `−${-x}` : '0');
  const parents = r.consequences.filter((c) => c.target === 'parent');
  const units = r.consequences.filter((c) => c.target === 'unit');
  const lines: string[] = [];
  if (parents.length > 0) {
    lines.push('结果运用:主管单位 consequences for parents:');
    for (const c of parents) {
      const totals = Object.entries(c.totals).map(([m, p]) => `${m} ${signed(p)}`);
      lines.push(`  ${parentName(c.id) ?? c.id} (${c.id})${totals.length ? `:${totals.join(',')}` : ''}`);
      for (const it of c.items) {
        const pts = it.points !== undefined ? `${it.measure ?? ''} ${signed(it.points)} ` : '';
        lines.push(`    · ${pts}${it.class !== undefined ? (className.get(it.class) ?? it.class) : it.fact ? `事实 fact ${it.fact.type}` : ''} ${unitName.get(it.unit) ?? it.unit} (${it.unit}) — ${it.name}`);
      }
    }
  }
  if (units.length > 0) {
    lines.push(`${lines.length ? '\n' : ''}结果运用:参评单位 consequences for units:`);
    for (const c of units) {
      const totals = Object.entries(c.totals).map(([m, p]) => `${m} ${signed(p)}`);
      const items = c.items.map((it) => `${it.note ?? it.name}${it.points !== undefined ? ` ${it.measure ?? ''} ${signed(it.points)}` : ''}`);
      lines.push(`  ${unitName.get(c.id) ?? c.id} (${c.id})${totals.length ? ` ${totals.join(',')}` : ''}:${items.join(';')}`);
    }
  }
  return lines.join('\n');
}
