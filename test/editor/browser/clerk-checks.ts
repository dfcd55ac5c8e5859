/**
 * What the clerk's pages are checked for (issue 18 items 1 and 9): every
 * visible label, button, heading, option, table header and summary outside
 * Monaco and the 技术信息 panes in Chinese words (no scheme key, no English
 * code word), and axe-core, injected from the local package, finding nothing
 * critical or serious.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Words a clerk may see in Latin letters: format names and units, not keys. */
const ALLOWED = /^(JSON|Excel|CSV|NDJSON|xlsx|ms|KB|MB|PNG)$/;

/** Runs in the page (the root tsconfig has no DOM types, so it is kept as text). */
const COLLECT = `(() => {
  const out = [];
  const skip = '.monaco-editor, .json-pane, .side-by-side, .tech, .monaco-aria-container, code';
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  // the element's text without what sits in a 技术信息 pane or a code span inside it
  const textOf = (el) => {
    const clone = el.cloneNode(true);
    clone.querySelectorAll('.tech, code').forEach((c) => c.remove());
    return (clone.textContent || '').trim();
  };
  for (const el of document.querySelectorAll('label, button, h1, h2, h3, h4, th, summary, legend, [role="tab"]')) {
    if (el.closest(skip) || !visible(el)) continue;
    out.push({ where: el.tagName.toLowerCase(), text: textOf(el) });
    const aria = el.getAttribute('aria-label');
    if (aria) out.push({ where: el.tagName.toLowerCase() + '[aria-label]', text: aria });
  }
  for (const el of document.querySelectorAll('[role="treeitem"]')) if (visible(el)) out.push({ where: 'treeitem[aria-label]', text: el.getAttribute('aria-label') || '' });
  for (const sel of document.querySelectorAll('select')) {
    if (sel.closest(skip) || !visible(sel)) continue;
    for (const o of sel.querySelectorAll('option')) out.push({ where: 'option', text: (o.textContent || '').trim() });
    const aria = sel.getAttribute('aria-label');
    if (aria) out.push({ where: 'select[aria-label]', text: aria });
  }
  for (const input of document.querySelectorAll('input, textarea')) {
    if (input.closest(skip) || !visible(input)) continue;
    for (const a of ['aria-label', 'placeholder']) {
      const v = input.getAttribute(a);
      if (v) out.push({ where: input.tagName.toLowerCase() + '[' + a + ']', text: v });
    }
  }
  return out;
})()`;

/** Visible clerk-facing texts with a Latin word in them, each with where it was found. */
export async function englishLabels(page: Page): Promise<string[]> {
  const texts = (await page.evaluate(COLLECT)) as Array<{ where: string; text: string }>;
  return texts
    .filter(({ text }) => (text.match(/[A-Za-z][A-Za-z0-9_-]*/g) ?? []).some((w) => !ALLOWED.test(w)))
    .map(({ where, text }) => `${where}: ${text}`)
    .filter((x, i, all) => all.indexOf(x) === i);
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's critical and serious violations on the page as it is now. The
 * text lines inside Monaco are left out: their colours are Monaco's theme
 * (its token colours, e.g. `.mtk7`), not the page's.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // evaluated rather than added as a script tag: the page's Content-Security-Policy (rightly) refuses inline scripts
  if (!(await page.evaluate(`'axe' in window`))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return (await page.evaluate(`axe.run({ exclude: [['.monaco-editor .view-lines']] }, { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`)) as AxeFinding[];
}
