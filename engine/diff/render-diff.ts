/**
 * A diff as plain text (terminal) or markdown (pasted into a code review):
 * changes grouped by section, each in Chinese then English, with the JSON
 * Pointers into both versions; then the impact on data when there is one.
 */
import type { Change, Section, Text } from './change.ts';
import { SECTIONS, SECTION_TITLES, sectionOf } from './change.ts';
import { showFull, shownWhole } from './describe-change.ts';
import type { Impact } from './impact.ts';
import { renderImpactMarkdown, renderImpactText, type RenderOptions } from './render-impact.ts';

export interface SchemeLabel {
  id: string;
  version: string;
  name?: string;
}

export interface DiffReport {
  a: SchemeLabel;
  b: SchemeLabel;
  changes: readonly Change[];
  impact?: Impact;
}

/** + added, − removed, ↷ moved, ~ anything else. */
function mark(c: Change): string {
  if (c.kind.endsWith('-added')) return '+';
  if (c.kind.endsWith('-removed')) return '−';
  if (c.kind === 'indicator-moved') return '↷';
  return '~';
}

function grouped(changes: readonly Change[]): Array<{ section: Section; title: Text; changes: Change[] }> {
  return SECTIONS.map((section) => ({ section, title: SECTION_TITLES[section], changes: changes.filter((c) => sectionOf(c) === section) })).filter((g) => g.changes.length > 0);
}

/**
 * The whole old and new value when the one-line summary could not show it
 * (long arrays and objects are cut with …), and the whole new method when a
 * method was replaced: a reviewer must see what the change is, not that there is one.
 */
function fullValues(c: Change): Array<[side: 'A' | 'B', value: unknown]> {
  if (c.kind === 'method-changed') {
    return [...(c.methods.before ? [['A', c.methods.before] as ['A', unknown]] : []), ...(c.methods.after ? [['B', c.methods.after] as ['B', unknown]] : [])];
  }
  if (!('before' in c) && !('after' in c)) return [];
  const { before, after } = c as { before?: unknown; after?: unknown };
  if (shownWhole(before) && shownWhole(after)) return [];
  return [
    ['A', before],
    ['B', after],
  ];
}

const label = (s: SchemeLabel) => `${s.id} ${s.version}`;

function countLine(n: number): Text {
  return n === 0 ? { zh: '两版本无实质差异', en: 'no semantic difference' } : { zh: `共 ${n} 处变更`, en: `${n} change${n === 1 ? '' : 's'}` };
}

function where(c: Change, code: (s: string) => string): string {
  const parts = [c.pathA !== undefined ? `A ${code(c.pathA || '/')}` : '', c.pathB !== undefined ? `B ${code(c.pathB || '/')}` : ''].filter(Boolean);
  return parts.join(' → ');
}

export function renderDiffText(report: DiffReport, opts: RenderOptions = {}): string {
  const count = countLine(report.changes.length);
  const lines = [`方案差异 scheme diff: ${label(report.a)} → ${label(report.b)}`, `${count.zh} — ${count.en}`];
  for (const g of grouped(report.changes)) {
    lines.push('', `[${g.title.zh} ${g.title.en}]`);
    for (const c of g.changes) {
      lines.push(`  ${mark(c)} ${c.summary.zh}`, `    ${c.summary.en}`, `    ${where(c, (s) => s)}`);
      for (const [side, v] of fullValues(c)) lines.push(`    ${side}:`, ...showFull(v).split('\n').map((l) => `      ${l}`));
    }
  }
  if (report.impact) lines.push('', renderImpactText(report.impact, opts));
  return lines.join('\n');
}

export function renderDiffMarkdown(report: DiffReport, opts: RenderOptions = {}): string {
  const count = countLine(report.changes.length);
  const code = (s: string) => '`' + s + '`';
  const lines = [`## 方案差异 Scheme diff: ${code(report.a.id)} ${report.a.version} → ${code(report.b.id)} ${report.b.version}`, ''];
  if (report.a.name !== undefined && report.b.name !== undefined) {
    lines.push(report.a.name === report.b.name ? `${report.b.name}` : `${report.a.name} → ${report.b.name}`, '');
  }
  lines.push(`${count.zh} · ${count.en}`);
  for (const g of grouped(report.changes)) {
    lines.push('', `### ${g.title.zh} ${g.title.en} (${g.changes.length})`, '');
    for (const c of g.changes) {
      // the mark in code spans: a bare `- + …` would open a nested list
      lines.push(`- ${code(mark(c))} ${c.summary.zh}`, `  - ${c.summary.en}`, `  - ${where(c, code)}`);
      for (const [side, v] of fullValues(c)) lines.push(`  - ${side} 完整取值 full value:`, '', '    ```json', ...showFull(v).split('\n').map((l) => `    ${l}`), '    ```', '');
    }
  }
  if (report.impact) lines.push('', renderImpactMarkdown(report.impact, opts));
  return lines.join('\n') + '\n';
}
