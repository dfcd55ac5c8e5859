/**
 * 方案全文: the sections in the order of an 实施细则, one renderer per section
 * kind in one complete table, and the reading of two versions side by side.
 */
import { isObject, type Json } from '../document/index.ts';
import { adjustments } from './adjustments.ts';
import { appendix } from './appendix.ts';
import { consequences } from './consequences.ts';
import { content } from './content.ts';
import { grading } from './grading.ts';
import { chineseNumber, type RenderedSection, type SectionKind, type SectionRenderer, type Sentence } from './model.ts';
import { subjects } from './subjects.ts';

export type { RenderedSection, SectionKind, Sentence } from './model.ts';

export const SECTIONS = { subjects, content, adjustments, grading, consequences, appendix } as const satisfies Record<SectionKind, SectionRenderer>;
const ORDER: readonly SectionKind[] = ['subjects', 'content', 'adjustments', 'grading', 'consequences', 'appendix'];

export function renderScheme(doc: Json): RenderedSection[] {
  const d = isObject(doc) ? doc : {};
  return ORDER.map((kind, i) => ({ kind, title: `${chineseNumber(i + 1)}、${SECTIONS[kind].title}`, sentences: SECTIONS[kind].render(d) }));
}

export type SentenceChange = { kind: 'same'; sentence: Sentence } | { kind: 'added'; sentence: Sentence } | { kind: 'removed'; sentence: Sentence } | { kind: 'changed'; before: Sentence; sentence: Sentence };

/**
 * Two versions in this rendering, section by section: sentences matched by
 * their text (a node moved keeps its sentence), else by the node they say; what only one side has
 * is added or removed, a node whose sentence differs is changed.
 */
export function diffRendered(a: Json, b: Json): Array<{ kind: SectionKind; title: string; changes: SentenceChange[] }> {
  const ra = renderScheme(a);
  const rb = renderScheme(b);
  return rb.map((sb, i) => {
    const sa = ra[i] as RenderedSection;
    const before = new Map<string, Sentence[]>();
    for (const s of sa.sentences) before.set(s.text, [...(before.get(s.text) ?? []), s]);
    const byPointer = new Map<string, Sentence[]>();
    for (const s of sa.sentences) byPointer.set(s.pointer, [...(byPointer.get(s.pointer) ?? []), s]);
    const used = new Set<Sentence>();
    const changes: SentenceChange[] = [];
    for (const s of sb.sentences) {
      // the same sentence, wherever the node moved to
      const same = (before.get(s.text) ?? []).find((x) => !used.has(x));
      if (same) {
        used.add(same);
        changes.push({ kind: 'same', sentence: s });
        continue;
      }
      const old = (byPointer.get(s.pointer) ?? []).find((x) => !used.has(x) && !sb.sentences.some((y) => y.pointer === x.pointer && y.text === x.text));
      if (old) {
        used.add(old);
        changes.push({ kind: 'changed', before: old, sentence: s });
      } else changes.push({ kind: 'added', sentence: s });
    }
    for (const s of sa.sentences) if (!used.has(s)) changes.push({ kind: 'removed', sentence: s });
    return { kind: sb.kind, title: sb.title, changes };
  });
}
