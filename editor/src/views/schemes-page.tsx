/**
 * 方案列表: jurisdictions, their schemes by year, each version with its status,
 * content hash, lineage, and the actions that start the next draft.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { SchemeSummary, User, VersionMeta } from '../api/types.ts';
import { can } from './app.tsx';
import { NextYearDialog, type NextYearDialogProps } from './next-year-dialog.tsx';
import { go } from './route.ts';
import { StatusBadge, formatTime } from './status.tsx';

export function SchemesPage({ user }: { user: User }) {
  const [schemes, setSchemes] = useState<SchemeSummary[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [nextYearFrom, setNextYearFrom] = useState<NextYearDialogProps['from']>();

  const reload = useCallback(() => {
    api.schemes().then(setSchemes, (e: unknown) => setError(e instanceof ApiError ? e.refusal.message.zh : String(e)));
  }, []);
  useEffect(reload, [reload]);

  const act = async (key: string, f: () => Promise<{ meta: VersionMeta }>) => {
    setBusy(key);
    setError(undefined);
    try {
      const { meta } = await f();
      go({ page: 'workspace', id: meta.id, version: meta.version, tab: 'edit' });
    } catch (e) {
      setError(e instanceof ApiError ? `${e.refusal.message.zh}(${e.refusal.code})` : String(e));
      setBusy(undefined);
    }
  };

  const remove = async (s: SchemeSummary, v: VersionMeta) => {
    const alone = s.versions.length === 1;
    if (!window.confirm(`删除草稿“${s.name}”${v.version}?${alone ? '这是该方案唯一的版本,方案将一并删除。' : ''}删除后不能恢复。`)) return;
    setBusy(`rm-${s.id}-${v.version}`);
    try {
      await api.deleteDraft(s.id, v.version);
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.refusal.message.zh : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  if (!schemes) return <main className="page">{error ? <p className="error">{error}</p> : '载入中…'}</main>;
  const byJurisdiction = new Map<string, SchemeSummary[]>();
  for (const s of schemes) byJurisdiction.set(s.jurisdiction, [...(byJurisdiction.get(s.jurisdiction) ?? []), s]);
  const drafter = can(user, 'drafter');

  return (
    <main className="page schemes-page">
      <h1>评议方案</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {[...byJurisdiction].map(([jurisdiction, list]) => (
        <section key={jurisdiction} className="jurisdiction">
          <h2>{jurisdiction}</h2>
          {list.map((s) => (
            <article key={s.id} className="scheme-card" data-scheme={s.id}>
              <h3>
                {s.name} <span className="muted">{s.year} 年度 · <code>{s.id}</code></span>
              </h3>
              <table className="versions">
                <thead>
                  <tr>
                    <th>版本</th>
                    <th>状态</th>
                    <th>内容哈希</th>
                    <th>起草依据</th>
                    <th>最后修改</th>
                    <th>问题</th>
                    <th>操作</th>
                  </tr>
                </thead>
                <tbody>
                  {s.versions.map((v) => (
                    <tr key={v.version} data-version={v.version}>
                      <td>
                        <a href={`#/s/${encodeURIComponent(s.id)}/${encodeURIComponent(v.version)}/edit`}>{v.version}</a>
                      </td>
                      <td>
                        <StatusBadge status={v.status} />
                      </td>
                      <td>{v.hash ? <code title={v.hash}>{v.hash.slice(0, 12)}</code> : <span className="muted">—</span>}</td>
                      <td>{v.basedOn ? <code>{v.basedOn.id}@{v.basedOn.version}</code> : <span className="muted">—</span>}</td>
                      <td>
                        {formatTime(v.updatedAt)} <span className="muted">{v.updatedBy}</span>
                      </td>
                      <td>
                        <span className={v.problemCount.errors ? 'bad' : 'good'}>{v.problemCount.errors} 错误</span> · {v.problemCount.warnings + (v.openNotes ?? 0)} 警告
                        {(v.openNotes ?? 0) > 0 && <span className="tag bad" data-testid="open-notes">{v.openNotes} 处起草提示待核对</span>}
                      </td>
                      <td className="actions">
                        <button type="button" onClick={() => go({ page: 'workspace', id: s.id, version: v.version, tab: 'edit' })}>
                          {v.status === 'draft' && drafter ? '编辑' : '查看'}
                        </button>
                        {drafter && v.status !== 'draft' && (
                          <button type="button" disabled={busy !== undefined} onClick={() => act(`nv-${s.id}-${v.version}`, () => api.newVersion(s.id, v.version))}>
                            起草新版本
                          </button>
                        )}
                        {drafter && (
                          <button type="button" disabled={busy !== undefined} onClick={() => setNextYearFrom({ id: s.id, version: v.version, year: s.year, name: s.name })}>
                            以此版本起草下一年度
                          </button>
                        )}
                        {drafter && v.status === 'draft' && (
                          <button type="button" className="danger" disabled={busy !== undefined} onClick={() => void remove(s, v)}>
                            删除草稿
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          ))}
        </section>
      ))}
      {nextYearFrom && (
        <NextYearDialog
          from={nextYearFrom}
          onCancel={() => setNextYearFrom(undefined)}
          onCreated={(meta) => go({ page: 'workspace', id: meta.id, version: meta.version, tab: 'edit' })}
        />
      )}
    </main>
  );
}
