/**
 * The impact of a scheme change as text or markdown: a table of the units
 * that moved (total and headline rank before → after) and the list of
 * classification changes, which are what a unit actually feels.
 */
import { formatIssue, type Issue } from '../issue.ts';
import type { Ref } from './change.ts';
import type { Impact, UnitImpact } from './impact.ts';
import { displayNumber } from '../format/display-precision.ts';
import { clean } from '../numbers.ts';
import { displayWidth } from '../format/display-width.ts';

export { shownDelta };

export interface RenderOptions {
  /** Rows of the movers table before "… and N more"; default 50. */
  maxRows?: number;
  /** Display digits of totals and deltas (`displayDigits(scheme)`), as in the ranked table. */
  digits?: number;
}

const num = (v: number | null) => (v === null ? '—' : String(v));
const points = (v: number | null, digits: number | undefined) => (v === null || digits === undefined ? v : displayNumber(v, digits));
/** The delta of the totals as shown, so that the table's columns add up (92.03 − 91.02 = 1.01, not the exact 1.001 rounded). */
function shownDelta(u: UnitImpact, digits: number | undefined): number | null {
  if (digits === undefined || u.delta === null) return u.delta;
  const [a, b] = [points(u.total.before, digits), points(u.total.after, digits)];
  return a === null || b === null ? u.delta : clean(b - a);
}
const signed = (v: number | null) => (v === null ? '—' : v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');
const classList = (refs: Ref[]) => refs.map((r) => `${r.name} (${r.id})`).join('、');
const cell = (s: string) => s.replace(/\|/g, '\\|');

function totalOf(u: UnitImpact, side: 'before' | 'after', digits: number | undefined): string {
  const s = u.status[side];
  if (s === 'exempt') return '免评 exempt';
  return s === null ? '—' : num(points(u.total[side], digits));
}

function headlineText(impact: Impact, movers: number): { zh: string; en: string } {
  const n = impact.units.length;
  const rk = impact.headline;
  if (n === 0 && !impact.ok.before && !impact.ok.after) return { zh: '两个版本都无法对数据评分', en: 'neither version could score the data' };
  return {
    zh: `数据 ${n} 个单位,${movers} 个有变动` + (rk ? `;名次为排名“${rk.name}”(${rk.id})` : ';两版本无共同排名'),
    en: `${n} units in the data, ${movers} moved` + (rk ? `; ranks are of ranking ${rk.id}` : '; no ranking common to both versions'),
  };
}

function classLine(c: Impact['classChanges'][number]): { zh: string; en: string } {
  const zh = [c.entered.length > 0 ? `进入 ${classList(c.entered)}` : '', c.left.length > 0 ? `离开 ${classList(c.left)}` : ''].filter(Boolean).join(';');
  const en = [c.entered.length > 0 ? `enters ${c.entered.map((r) => r.id).join(', ')}` : '', c.left.length > 0 ? `leaves ${c.left.map((r) => r.id).join(', ')}` : ''].filter(Boolean).join('; ');
  return { zh, en };
}

function issueLines(impact: Impact): string[] {
  const out: string[] = [];
  const report = (side: 'before' | 'after', label: string, issues: Issue[]) => {
    const errors = issues.filter((i) => i.severity === 'error');
    if (impact.ok[side] && errors.length === 0) return;
    out.push(`${label}评分有 ${errors.length} 个错误 — scoring under ${side === 'before' ? 'A' : 'B'} reported ${errors.length} errors:`);
    for (const i of errors.slice(0, 5)) out.push('    ' + formatIssue(i).split('\n').join('\n    '));
    if (errors.length > 5) out.push(`    … 另有 ${errors.length - 5} 个 and ${errors.length - 5} more`);
  };
  report('before', '旧版本 A ', impact.issues.before);
  report('after', '新版本 B ', impact.issues.after);
  return out;
}

export function renderImpactText(impact: Impact, opts: RenderOptions = {}): string {
  const movers = impact.units.filter((u) => u.moved);
  const head = headlineText(impact, movers.length);
  const lines = [`影响 impact: ${head.zh}`, `  ${head.en}`, ...issueLines(impact)];
  if (movers.length === 0) return [...lines, '  无单位变动 no unit moved'].join('\n');
  const shown = movers.slice(0, opts.maxRows ?? 50);
  const rows = [['单位 unit', '总分 total', 'Δ', '名次 rank'], ...shown.map((u) => [`${u.unit} ${u.name}`, `${totalOf(u, 'before', opts.digits)} → ${totalOf(u, 'after', opts.digits)}`, signed(shownDelta(u, opts.digits)), `${num(u.rank.before)} → ${num(u.rank.after)}`])];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  for (const r of rows) lines.push('  ' + r.map((s, c) => s + ' '.repeat((widths[c] ?? 0) - displayWidth(s))).join('  ').trimEnd());
  if (movers.length > shown.length) lines.push(`  … 另有 ${movers.length - shown.length} 个 and ${movers.length - shown.length} more`);
  if (impact.classChanges.length > 0) {
    lines.push('等次变化 classification changes:');
    for (const c of impact.classChanges) {
      const t = classLine(c);
      lines.push(`  ${c.unit} ${c.name}: ${t.zh}`, `    ${t.en}`);
    }
  }
  return lines.join('\n');
}

export function renderImpactMarkdown(impact: Impact, opts: RenderOptions = {}): string {
  const movers = impact.units.filter((u) => u.moved);
  const head = headlineText(impact, movers.length);
  const lines = ['### 影响 Impact', '', `${head.zh}。`, `${head.en}.`, ''];
  const problems = issueLines(impact);
  if (problems.length > 0) lines.push('```', ...problems, '```', '');
  if (movers.length === 0) lines.push('无单位变动 · no unit moved.');
  else {
    const shown = movers.slice(0, opts.maxRows ?? 50);
    lines.push('| 单位 unit | 名称 name | 总分 A | 总分 B | Δ | 名次 A | 名次 B |', '|---|---|--:|--:|--:|--:|--:|');
    for (const u of shown) {
      lines.push(`| ${cell(u.unit)} | ${cell(u.name)} | ${totalOf(u, 'before', opts.digits)} | ${totalOf(u, 'after', opts.digits)} | ${signed(shownDelta(u, opts.digits))} | ${num(u.rank.before)} | ${num(u.rank.after)} |`);
    }
    if (movers.length > shown.length) lines.push('', `…另有 ${movers.length - shown.length} 个单位 · and ${movers.length - shown.length} more units.`);
  }
  lines.push('', '#### 等次变化 Classification changes', '');
  if (impact.classChanges.length === 0) lines.push('无 · none.');
  for (const c of impact.classChanges) {
    const t = classLine(c);
    lines.push(`- ${c.unit} ${c.name}:${t.zh}`, `  - ${t.en}`);
  }
  return lines.join('\n');
}

