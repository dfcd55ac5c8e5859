/**
 * 影响: what the draft would change on a data set against the published
 * version — the engine's impactOf, recomputed shortly after each edit; units
 * whose total, rank or class moves, largest first. When either side cannot
 * score the data, no rows are shown (never `— → x`): the reason in words, and
 * for the base, the offer to score the draft alone or to compare with the
 * base's window (the draft scored under the base's 认定期间).
 */
import { useEffect, useMemo, useState } from 'react';
import { displayDigits, formatPoints, impactOf, type Impact, type Issue, type Scheme } from '../../../../engine/index.ts';
import type { SchemeDetail, VersionMeta } from '../../api/types.ts';
import { DataPicker, type DataChoice, type DataSources } from './data-source.tsx';
import { baseOf, useVersionDoc } from './use-version-doc.ts';

const SHOWN = 100;
const ISSUES_SHOWN = 8;

function IssueList({ issues }: { issues: readonly Issue[] }) {
  const errors = issues.filter((i) => i.severity === 'error');
  return (
    <ul className="impact-issues">
      {errors.slice(0, ISSUES_SHOWN).map((i, k) => (
        <li key={k}>{i.message.zh}</li>
      ))}
      {errors.length > ISSUES_SHOWN && <li className="muted">另有 {errors.length - ISSUES_SHOWN} 个问题</li>}
    </ul>
  );
}

export function ImpactPane(props: { detail: SchemeDetail; meta: VersionMeta; draft: Scheme | undefined; validating?: boolean; sources: DataSources | undefined; data: DataChoice | undefined; setData: (d: DataChoice | undefined) => void; onScoreDraftAlone?: () => void }) {
  const { detail, meta, sources, data, setData } = props;
  const [baseWindow, setBaseWindow] = useState(false);
  const base = baseOf(detail, meta);
  const { loaded, error } = useVersionDoc(base);
  const loadedBase = loaded;
  // "use the base's window": the draft scored under the base's 认定期间, so both sides read the same facts
  const baseWindowOf = loaded?.scheme?.window;
  const draft = useMemo(() => (props.draft && baseWindow && baseWindowOf ? { ...props.draft, window: baseWindowOf } : props.draft), [props.draft, baseWindow, baseWindowOf]);
  const digits = draft ? displayDigits(draft) : 3;
  const fmt = (x: number | null) => (x === null ? '—' : formatPoints(x, digits));
  const [impact, setImpact] = useState<{ impact: Impact; ms: number }>();
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    if (!loaded?.scheme || !draft || !data) return setImpact(undefined);
    // wait for a pause in typing: scoring two versions is heavier than validating
    const t = setTimeout(() => {
      try {
        const t0 = performance.now();
        const impact = impactOf(loaded.scheme as Scheme, draft, data.dataset);
        setImpact({ impact, ms: performance.now() - t0 });
        setFailed(undefined);
      } catch (e) {
        setFailed(e instanceof Error ? e.message : String(e));
      }
    }, 250);
    return () => clearTimeout(t);
  }, [loaded, draft, data]);

  const className = (id: string) => draft?.classifications?.find((c) => c.id === id)?.name ?? id;
  const moved = impact?.impact.units.filter((u) => u.moved) ?? [];
  return (
    <section className="impact-pane" aria-label="影响">
      <div className="pane-title">
        <span>
          草稿 <code>{meta.version}</code> 对比 {base ? <code>{base.id}@{base.version}</code> : <span className="bad">无已发布版本</span>}
        </span>
        <DataPicker schemeId={meta.id} sources={sources} value={data} onChange={setData} />
        {impact && <span className="muted small">计算 {impact.ms.toFixed(0)} ms</span>}
      </div>
      {error && <p className="bad">{error}</p>}
      {failed && <p className="bad">计算影响失败:{failed}</p>}
      {!draft && (props.validating ? <p className="muted">校验中…</p> : <p className="bad">草稿结构有误,修正后才能计算影响。</p>)}
      {impact && !impact.impact.ok.before && (
        <div className="impact-refused" data-testid="impact-base-cannot">
          <p>
            <strong>原版本 {base?.version} 不能为这份数据计分</strong>,所以无法比较:
          </p>
          <IssueList issues={impact.impact.issues.before} />
          <p className="actions">
            {props.onScoreDraftAlone && (
              <button type="button" onClick={props.onScoreDraftAlone}>
                只看草稿的计分
              </button>
            )}
            {!baseWindow && loadedBase?.scheme?.window && (
              <button type="button" onClick={() => setBaseWindow(true)}>
                按原版本的认定期间({loadedBase.scheme.window.from} 至 {loadedBase.scheme.window.to})比较
              </button>
            )}
          </p>
        </div>
      )}
      {baseWindow && (
        <p className="muted small" data-testid="impact-base-window">
          草稿按原版本的认定期间计分。<button type="button" className="link" onClick={() => setBaseWindow(false)}>恢复草稿自己的认定期间</button>
        </p>
      )}
      {impact && impact.impact.ok.before && !impact.impact.ok.after && (
        <div className="impact-refused" data-testid="impact-draft-cannot">
          <p>
            <strong>草稿不能为这份数据计分</strong>,所以无法比较:
          </p>
          <IssueList issues={impact.impact.issues.after} />
        </div>
      )}
      {impact &&
        impact.impact.ok.before &&
        impact.impact.ok.after &&
        (moved.length === 0 ? (
          <p className="muted empty" data-testid="impact-none">此数据上没有单位的总分、名次或等次发生变化。</p>
        ) : (
          <>
            <p data-testid="impact-count">
              <strong>{moved.length}</strong> 个单位变化{impact.impact.headline ? `(名次按“${impact.impact.headline.name}”)` : ''}
              {impact.impact.classChanges.length > 0 && `,其中 ${impact.impact.classChanges.length} 个等次变化`}
            </p>
            <table className="grid impact">
              <thead>
                <tr>
                  <th>单位</th>
                  <th>总分 原→新</th>
                  <th>变化</th>
                  <th>名次 原→新</th>
                  <th>等次变化</th>
                </tr>
              </thead>
              <tbody>
                {moved.slice(0, SHOWN).map((u) => (
                  <tr key={u.unit} data-unit={u.unit}>
                    <td>{u.name}</td>
                    <td className="num">
                      {fmt(u.total.before)} → {fmt(u.total.after)}
                    </td>
                    <td className={`num ${(u.delta ?? 0) < 0 ? 'bad' : 'good'}`}>{u.delta === null ? '—' : (u.delta > 0 ? '+' : '') + fmt(u.delta)}</td>
                    <td className="num">
                      {fmt(u.rank.before)} → {fmt(u.rank.after)}
                    </td>
                    <td>
                      {u.entered.map((c) => <span key={c} className="tag good">+{className(c)}</span>)}
                      {u.left.map((c) => <span key={c} className="tag bad">−{className(c)}</span>)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {moved.length > SHOWN && <p className="muted">另有 {moved.length - SHOWN} 个单位变化未列出。</p>}
          </>
        ))}
    </section>
  );
}
