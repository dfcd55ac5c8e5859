/**
 * 影响: what the draft would change on a data set against the published
 * version — the engine's impactOf, recomputed shortly after each edit; units
 * whose total, rank or class moves, largest first. When either side cannot
 * score the data, no rows are shown (never `— → x`): the reason in words, and
 * the offer to score the draft alone, or to score both under one side's
 * 认定期间 so that only the rules are compared (impact-state.ts).
 */
import { useEffect, useState } from 'react';
import { displayDigits, formatPoints, type Issue, type Scheme } from '../../../../engine/index.ts';
import { impactState, type ImpactState, type SharedWindow } from './impact-state.ts';
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
  const [shared, setShared] = useState<SharedWindow>('own');
  const base = baseOf(detail, meta);
  const { loaded, error } = useVersionDoc(base);
  const draft = props.draft;
  const digits = draft ? displayDigits(draft) : 3;
  const fmt = (x: number | null) => (x === null ? '—' : formatPoints(x, digits));
  const [state, setState] = useState<{ state: ImpactState; ms: number }>();
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    if (!loaded?.scheme || !draft || !data) return setState(undefined);
    // wait for a pause in typing: scoring two versions is heavier than validating
    const t = setTimeout(() => {
      try {
        const t0 = performance.now();
        const next = impactState(loaded.scheme as Scheme, draft, data.dataset, shared);
        setState({ state: next, ms: performance.now() - t0 });
        setFailed(undefined);
      } catch (e) {
        setFailed(e instanceof Error ? e.message : String(e));
      }
    }, 250);
    return () => clearTimeout(t);
  }, [loaded, draft, data, shared]);

  const className = (id: string) => draft?.classifications?.find((c) => c.id === id)?.name ?? id;
  const st = state?.state;
  const impact = st && (st.kind === 'none' || st.kind === 'moved') ? { impact: st.impact } : undefined;
  const moved = st?.kind === 'moved' ? st.moved : [];
  const win = (w: { from: string; to: string } | undefined) => (w ? `${w.from} 至 ${w.to}` : '');
  return (
    <section className="impact-pane" aria-label="影响">
      <div className="pane-title">
        <span>
          草稿 <code>{meta.version}</code> 对比 {base ? <code>{base.id}@{base.version}</code> : <span className="bad">无已发布版本</span>}
        </span>
        <DataPicker schemeId={meta.id} sources={sources} value={data} onChange={setData} />
        {state && <span className="muted small">计算 {state.ms.toFixed(0)} ms</span>}
      </div>
      {error && <p className="bad">{error}</p>}
      {failed && <p className="bad">计算影响失败:{failed}</p>}
      {!draft && (props.validating ? <p className="muted">校验中…</p> : <p className="bad">草稿结构有误,修正后才能计算影响。</p>)}
      {st?.kind === 'base-cannot' && (
        <div className="impact-refused" data-testid="impact-base-cannot">
          <p>
            <strong>原版本 {base?.version} 不能为这份数据计分</strong>,所以无法比较:
          </p>
          <IssueList issues={st.issues} />
          <p className="actions">
            {props.onScoreDraftAlone && (
              <button type="button" onClick={props.onScoreDraftAlone}>
                只看草稿的计分
              </button>
            )}
            {shared === 'own' && draft?.window && (
              <button type="button" onClick={() => setShared('draft')}>
                原版本也按草稿的认定期间({win(draft.window)})计分,只比较规则
              </button>
            )}
          </p>
        </div>
      )}
      {st?.kind === 'draft-cannot' && (
        <div className="impact-refused" data-testid="impact-draft-cannot">
          <p>
            <strong>草稿不能为这份数据计分</strong>,所以无法比较:
          </p>
          <IssueList issues={st.issues} />
          {shared === 'own' && loaded?.scheme?.window && (
            <p className="actions">
              <button type="button" onClick={() => setShared('base')}>
                草稿也按原版本的认定期间({win(loaded.scheme.window)})计分,只比较规则
              </button>
            </p>
          )}
        </div>
      )}
      {shared !== 'own' && (
        <p className="muted small" data-testid="impact-shared-window">
          两个版本都按{shared === 'draft' ? '草稿' : '原版本'}的认定期间计分。
          <button type="button" className="link" onClick={() => setShared('own')}>
            恢复各自的认定期间
          </button>
        </p>
      )}
      {impact &&
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
