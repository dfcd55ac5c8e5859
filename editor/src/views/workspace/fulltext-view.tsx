/**
 * 方案全文: the scheme read back as a document (editor/src/render/), printable;
 * a click on a sentence selects its node in the tree. Against another
 * version, the same reading with what was added, removed and changed marked.
 */
import { useMemo, useState } from 'react';
import type { SchemeDetail, VersionMeta } from '../../api/types.ts';
import type { Json } from '../../document/index.ts';
import { diffRendered, renderScheme, type Sentence } from '../../render/index.ts';
import { baseOf, useVersionDoc } from './use-version-doc.ts';

export function FulltextView({ detail, meta, doc, jump }: { detail: SchemeDetail; meta: VersionMeta; doc: Json; jump: (pointer: string) => void }) {
  const base = baseOf(detail, meta);
  const [compare, setCompare] = useState(false);
  const { loaded } = useVersionDoc(compare ? base : undefined);
  const sections = useMemo(() => renderScheme(doc), [doc]);
  const diff = useMemo(() => (compare && loaded ? diffRendered(loaded.document as Json, doc) : undefined), [compare, loaded, doc]);
  const line = (s: Sentence, key: string | number, className = '', before?: Sentence) => (
    <p key={key} className={`sentence depth-${s.depth} ${className}`} data-pointer={s.pointer}>
      {before && <del className="was">{before.text}</del>}
      <button type="button" className="link" onClick={() => jump(s.pointer)} title="在编辑中选中此项">
        {s.text}
      </button>
    </p>
  );
  return (
    <main className="fulltext-view page">
      <div className="diff-head no-print">
        <button type="button" onClick={() => window.print()}>打印</button>
        {base && (
          <label>
            <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} />
            与 {base.id === meta.id ? '' : `${base.id} `}{base.version} 对照
          </label>
        )}
      </div>
      <article className="fulltext" aria-label="方案全文">
        <h1>{detail.name}</h1>
        {!diff &&
          sections.map((s) => (
            <section key={s.kind} data-section={s.kind}>
              <h2>{s.title}</h2>
              {s.sentences.length === 0 ? <p className="muted">(无)</p> : s.sentences.map((x, i) => line(x, i))}
            </section>
          ))}
        {diff &&
          diff.map((s) => (
            <section key={s.kind} data-section={s.kind}>
              <h2>{s.title}</h2>
              {s.changes.map((c, i) =>
                c.kind === 'removed' ? (
                  <p key={i} className={`sentence depth-${c.sentence.depth} removed`}>
                    <del>{c.sentence.text}</del>
                  </p>
                ) : (
                  line(c.sentence, i, c.kind, c.kind === 'changed' ? c.before : undefined)
                ),
              )}
            </section>
          ))}
      </article>
    </main>
  );
}
