/**
 * 发布前审核: publishing opens this summary and the publisher confirms — what
 * changed against the base version (the engine's diff, in Chinese), the
 * warnings and next-year notes still open, the cases run on the draft, and the
 * impact on a data set the publisher picks. Errors block: the server refuses
 * them anyway.
 */
import { useEffect, useMemo, useState } from 'react';
import { checkCase, diffSchemes, scoreScheme, type Issue, type Scheme } from '../../../../engine/index.ts';
import { api, ApiError } from '../../api/client.ts';
import type { NoteView, SchemeDetail, VersionMeta } from '../../api/types.ts';
import { caseDataset, useDataSources, type DataChoice } from './data-source.tsx';
import { ImpactPane } from './impact-pane.tsx';
import { baseOf, useVersionDoc } from './use-version-doc.ts';

export interface PublishReviewProps {
  detail: SchemeDetail;
  meta: VersionMeta;
  draft: Scheme | undefined;
  problems: readonly Issue[];
  notes: readonly NoteView[];
  dirty: boolean;
  data: DataChoice | undefined;
  setData: (d: DataChoice | undefined) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

type CasesState = { kind: 'running' } | { kind: 'none' } | { kind: 'done'; passed: number; failed: string[] } | { kind: 'error'; text: string };

function useCases(schemeId: string, draft: Scheme | undefined): CasesState {
  const [state, setState] = useState<CasesState>({ kind: 'running' });
  useEffect(() => {
    if (!draft) return setState({ kind: 'error', text: '草稿结构有误,无法运行用例' });
    let live = true;
    void (async () => {
      try {
        const cases = await api.cases(schemeId);
        if (cases.length === 0) return live && setState({ kind: 'none' });
        let passed = 0;
        const failed: string[] = [];
        for (const c of cases) {
          try {
            const data = await caseDataset(schemeId, c);
            if (checkCase(scoreScheme(draft, data), c.case.expect).length === 0) passed++;
            else failed.push(c.case.name);
          } catch {
            failed.push(c.case.name);
          }
        }
        if (live) setState({ kind: 'done', passed, failed });
      } catch (e) {
        if (live) setState({ kind: 'error', text: e instanceof ApiError ? e.refusal.message.zh : String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [schemeId, draft]);
  return state;
}

export function PublishReview(props: PublishReviewProps) {
  const { detail, meta, draft, problems, notes, dirty, onConfirm, onCancel } = props;
  const base = baseOf(detail, meta);
  const { loaded } = useVersionDoc(base);
  const changes = useMemo(() => (loaded?.scheme && draft ? diffSchemes(loaded.scheme, draft) : undefined), [loaded, draft]);
  const cases = useCases(meta.id, draft);
  const sources = useDataSources(meta.id, true);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity !== 'error');
  const open = notes.filter((n) => !n.fixed && !n.acknowledged);
  return (
    <div className="modal-backdrop">
      <div className="modal review" role="dialog" aria-modal="true" aria-labelledby="review-title">
        <h2 id="review-title">发布前审核:{detail.name} {meta.version}</h2>
        <section data-testid="review-diff">
          <h3>与{base ? ` ${base.id === meta.id ? '' : base.id + ' '}${base.version} ` : '基础版本'}相比的修改</h3>
          {!base && <p className="muted">没有可比较的基础版本。</p>}
          {base && !changes && <p className="muted">比较中…</p>}
          {changes && changes.length === 0 && <p className="muted">内容没有变化。</p>}
          {changes && changes.length > 0 && (
            <ul>
              {changes.map((c, i) => (
                <li key={i}>{c.summary.zh}</li>
              ))}
            </ul>
          )}
        </section>
        <section data-testid="review-problems">
          <h3>问题</h3>
          {errors.length > 0 ? <p className="bad">{errors.length} 个错误,修正后才能发布。</p> : <p className="good">没有错误。</p>}
          {warnings.length > 0 && (
            <details>
              <summary>{warnings.length} 个警告</summary>
              <ul>
                {warnings.map((p, i) => (
                  <li key={i}>{p.message.zh}</li>
                ))}
              </ul>
            </details>
          )}
          {open.length > 0 ? (
            <>
              <p className="warn">{open.length} 条起草提示尚未核对:</p>
              <ul>
                {open.map((n) => (
                  <li key={n.index}>{n.message.zh}</li>
                ))}
              </ul>
            </>
          ) : (
            notes.length > 0 && <p className="good">起草提示已全部修改或确认。</p>
          )}
        </section>
        <section data-testid="review-cases">
          <h3>方案用例</h3>
          {cases.kind === 'running' && <p className="muted">运行中…</p>}
          {cases.kind === 'none' && <p className="muted">本方案没有用例。</p>}
          {cases.kind === 'error' && <p className="bad">{cases.text}</p>}
          {cases.kind === 'done' && (
            <p className={cases.failed.length ? 'bad' : 'good'}>
              {cases.passed} 个通过{cases.failed.length > 0 && `,${cases.failed.length} 个未通过:${cases.failed.join('、')}`}
            </p>
          )}
        </section>
        <section className="review-impact">
          <h3>对数据的影响</h3>
          <ImpactPane detail={detail} meta={meta} draft={draft} sources={sources} data={props.data} setData={props.setData} />
        </section>
        {dirty && <p className="muted">确认后先保存当前修改,再发布。</p>}
        <div className="actions">
          <button type="button" className="primary" disabled={errors.length > 0} onClick={onConfirm}>
            确认发布
          </button>
          <button type="button" onClick={onCancel}>返回修改</button>
        </div>
      </div>
    </div>
  );
}
