/**
 * 条款原文: the scheme's source document beside the form. The selected rule's
 * clause is highlighted; each paragraph shows how many rules cite it, and a
 * click lists them (clause → rules).
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { citationAt, citationsOf, citing, type Citation } from '../../clauses/clause-index.ts';
import type { Range } from '../../clauses/locate-clause.ts';
import type { Json } from '../../document/index.ts';
import type { Select } from './selection.ts';

interface Paragraph extends Range {
  index: number;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim()) out.push({ start, end: start + line.length, index });
    start += line.length + 1;
  });
  return out;
}

export function ClausePane({ text, doc, pointer, select }: { text: string | undefined; doc: Json; pointer: string; select: Select }) {
  const citations = useMemo(() => citationsOf(doc, text ?? ''), [doc, text]);
  const paras = useMemo(() => paragraphs(text ?? ''), [text]);
  const current = citationAt(citations, pointer);
  const [open, setOpen] = useState<number | undefined>();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    box.current?.querySelector('mark')?.scrollIntoView({ block: 'center' });
  }, [current?.pointer, current?.source]);

  if (!text) return <section className="clause-pane muted">服务器未提供本方案的文件原文(source.txt)。</section>;
  return (
    <section className="clause-pane" aria-label="条款原文">
      <div className="clause-current">
        {current ? (
          <>
            <span className="muted">所选:</span>
            {current.name} <span className="muted">出处</span> <q>{current.source}</q>
            {current.ranges.length === 0 && <span className="bad">(未在原文中找到此条款)</span>}
          </>
        ) : (
          <span className="muted">选择一条规则或指标,其出处条款在原文中高亮。</span>
        )}
      </div>
      <div className="clause-text" ref={box}>
        {paras.map((p) => {
          const cites = citing(citations, p);
          return (
            <div key={p.index} className="para">
              <p>{highlight(text, p, current)}</p>
              {cites.length > 0 && (
                <button type="button" className="cites" aria-expanded={open === p.index} onClick={() => setOpen(open === p.index ? undefined : p.index)}>
                  {cites.length} 项引用
                </button>
              )}
              {open === p.index && (
                <ul className="cite-list">
                  {cites.map((c) => (
                    <li key={c.pointer}>
                      <button type="button" className="link" onClick={() => select(c.pointer, { reveal: true, clause: true })}>
                        {c.name}
                      </button>{' '}
                      <code className="muted">{c.pointer}</code>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** The paragraph's text with the selected citation's ranges marked. */
function highlight(text: string, p: Range, current: Citation | undefined) {
  const marks = (current?.ranges ?? []).filter((r) => r.start < p.end && r.end > p.start);
  if (marks.length === 0) return text.slice(p.start, p.end);
  const out: Array<string | ReactElement> = [];
  let at = p.start;
  marks.forEach((r, i) => {
    const s = Math.max(r.start, p.start);
    const e = Math.min(r.end, p.end);
    if (s > at) out.push(text.slice(at, s));
    out.push(<mark key={i}>{text.slice(s, e)}</mark>);
    at = e;
  });
  if (at < p.end) out.push(text.slice(at, p.end));
  return out;
}
