/**
 * 版本比较: any two versions as the engine's list of semantic changes (zh
 * summaries, grouped; a click jumps to the spot in the editor) and side by
 * side in Monaco's diff editor. “当前编辑” is the document in this page,
 * unsaved changes included.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { diffSchemes, sectionOf, validateScheme, type Change } from '../../../../engine/index.ts';
import type { SchemeDetail, VersionMeta } from '../../api/types.ts';
import type { Json } from '../../document/index.ts';
import { STATUS_NAMES } from '../status.tsx';
import { baseOf, useVersionDoc } from './use-version-doc.ts';

// Monaco loads only when a view needs it, so the first paint does not wait for its 4 MB
const SideBySide = lazy(() => import('./side-by-side.tsx'));

const HERE = 'here';
const SECTION_NAMES: Record<ReturnType<typeof sectionOf>, string> = {
  metadata: '基本信息',
  categories: '类别',
  factTypes: '事实类型',
  indicators: '指标与计分',
  flow: '免评、筛选、排名、等次与结果运用',
  assumptions: '假定参数',
};

export function DiffView({ detail, meta, doc, jump, compareStored }: { detail: SchemeDetail; meta: VersionMeta; doc: Json; jump: (pointer: string) => void; compareStored: boolean }) {
  const base = baseOf(detail, meta);
  const options = [
    ...detail.versions.map((v) => ({ key: `${v.id}@${v.version}`, label: `${v.version}(${STATUS_NAMES[v.status]}${v.version === meta.version ? ',已保存' : ''})` })),
    ...(meta.basedOn && meta.basedOn.id !== meta.id ? [{ key: `${meta.basedOn.id}@${meta.basedOn.version}`, label: `${meta.basedOn.version}(起草依据)` }] : []),
  ];
  const [from, setFrom] = useState(compareStored ? `${meta.id}@${meta.version}` : base ? `${base.id}@${base.version}` : (options[0]?.key ?? ''));
  const [to, setTo] = useState(HERE);
  // the English summaries and the change kinds are for engineers: behind 技术信息
  const [tech, setTech] = useState(false);
  const lang = 'zh' as const;
  const a = useSide(from, doc);
  const b = useSide(to, doc);

  const changes = useMemo((): Change[] | string => {
    if (a.error || b.error) return a.error ?? b.error ?? '';
    if (a.doc === undefined || b.doc === undefined) return '载入中…';
    const sa = validateScheme(a.doc).scheme;
    const sb = validateScheme(b.doc).scheme;
    if (!sa || !sb) return '有一方结构有误,无法做语义比较(见下方文本比较)。';
    return diffSchemes(sa, sb);
  }, [a.doc, b.doc, a.error, b.error]);

  const picker = (value: string, set: (v: string) => void, label: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} aria-label={label}>
        <option value={HERE}>当前编辑(含未保存修改)</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  const groups = new Map<string, Change[]>();
  if (Array.isArray(changes)) for (const c of changes) groups.set(sectionOf(c), [...(groups.get(sectionOf(c)) ?? []), c]);

  return (
    <main className="diff-view">
      <div className="diff-head">
        {picker(from, setFrom, '原版本')}
        <span>→</span>
        {picker(to, setTo, '新版本')}
        <span className="spacer" />
        <button type="button" className="link tech-toggle" aria-pressed={tech} onClick={() => setTech(!tech)}>
          技术信息
        </button>
      </div>
      <div className="diff-body">
        <section className="changes" aria-label="语义变更">
          {typeof changes === 'string' ? (
            <p className="muted">{changes}</p>
          ) : changes.length === 0 ? (
            <p className="muted">两个版本的规则相同。</p>
          ) : (
            <>
              <p>
                共 <strong data-testid="change-count">{changes.length}</strong> 处变更
              </p>
              {[...groups].map(([section, list]) => (
                <div key={section}>
                  <h3>{SECTION_NAMES[section as keyof typeof SECTION_NAMES] ?? section}</h3>
                  <ul>
                    {list.map((c, i) => {
                      const target = to === HERE ? c.pathB : from === HERE ? c.pathA : undefined;
                      return (
                        <li key={i} data-kind={c.kind}>
                          {target !== undefined ? (
                            <button type="button" className="link change" onClick={() => jump(target)}>
                              {c.summary[lang]}
                            </button>
                          ) : (
                            <span className="change">{c.summary[lang]}</span>
                          )}
                          {tech && (
                            <span className="tech">
                              <code className="muted">{c.kind}</code> {c.summary.en}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ))}
            </>
          )}
        </section>
        <section className="side-by-side" aria-label="文本比较">
          {a.doc !== undefined && b.doc !== undefined && (
            <Suspense fallback={<p className="muted">载入比较…</p>}>
              <SideBySide original={JSON.stringify(a.doc, null, 2)} modified={JSON.stringify(b.doc, null, 2)} from={from} to={to} />
            </Suspense>
          )}
        </section>
      </div>
    </main>
  );
}

function useSide(key: string, doc: Json): { doc?: unknown; error?: string } {
  const at = key.lastIndexOf('@');
  const ref = key === HERE || at < 0 ? undefined : { id: key.slice(0, at), version: key.slice(at + 1) };
  const { loaded, error } = useVersionDoc(ref);
  if (key === HERE) return { doc };
  return { doc: loaded?.document, ...(error ? { error } : {}) };
}
