/**
 * Undo / redo, save with the revision the draft was loaded at, publish.
 * A stale revision (409) is shown as “他人已保存:重新载入或比较”; a refused
 * publish lists the server's problems.
 */
import { useEffect, useState } from 'react';
import type { Issue } from '../../../../engine/index.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Refusal, VersionMeta } from '../../api/types.ts';
import type { DocumentState, DocumentStore } from '../../document/index.ts';
import { forgetVersion } from './version-cache.ts';

export interface SaveBarProps {
  store: DocumentStore;
  state: DocumentState;
  meta: VersionMeta;
  setMeta: (m: VersionMeta) => void;
  canEdit: boolean;
  canPublish: boolean;
  onReload: () => void;
  onCompareStored: () => void;
}

type Notice = { kind: 'ok'; text: string } | { kind: 'stale'; refusal: Refusal } | { kind: 'refused'; text: string; problems: Issue[] };

export function SaveBar({ store, state, meta, setMeta, canEdit, canPublish, onReload, onCompareStored }: SaveBarProps) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const save = async (): Promise<boolean> => {
    setBusy(true);
    try {
      const doc = store.doc;
      const r = await api.save(meta.id, meta.version, doc, meta.revision);
      setMeta(r.meta);
      forgetVersion(meta.id, meta.version);
      store.markSaved(doc);
      setNotice({ kind: 'ok', text: `已保存(修订 ${r.meta.revision})` });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.refusal.code === 'stale-revision') setNotice({ kind: 'stale', refusal: e.refusal });
      else setNotice({ kind: 'refused', text: e instanceof ApiError ? e.refusal.message.zh : String(e), problems: e instanceof ApiError ? (e.refusal.problems ?? []) : [] });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (state.dirty && !(await save())) return;
    setBusy(true);
    try {
      const r = await api.publish(meta.id, meta.version);
      forgetVersion(meta.id, meta.version);
      setMeta(r.meta);
      setNotice({ kind: 'ok', text: `已发布 ${r.meta.version}` });
    } catch (e) {
      const refusal = e instanceof ApiError ? e.refusal : undefined;
      setNotice({ kind: 'refused', text: refusal ? `发布被拒绝:${refusal.message.zh}` : String(e), problems: refusal?.problems ?? [] });
    } finally {
      setBusy(false);
    }
  };

  // Ctrl+S saves; Ctrl+Z / Ctrl+Y outside Monaco undo and redo
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const inText = e.target instanceof HTMLElement && (e.target.closest('.monaco-editor') || e.target.matches('input, textarea'));
      if (e.key === 's') {
        e.preventDefault();
        if (canEdit && !busy) void save();
      } else if (!inText && e.key === 'z') {
        e.preventDefault();
        if (e.shiftKey) store.redo();
        else store.undo();
      } else if (!inText && e.key === 'y') {
        e.preventDefault();
        store.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <div className="save-bar">
        <button type="button" onClick={() => store.undo()} disabled={!state.canUndo} title={state.undoLabel ? `撤销:${state.undoLabel}` : '撤销'}>
          ↶ 撤销
        </button>
        <button type="button" onClick={() => store.redo()} disabled={!state.canRedo} title={state.redoLabel ? `重做:${state.redoLabel}` : '重做'}>
          ↷ 重做
        </button>
        {canEdit && (
          <button type="button" className="primary" onClick={() => void save()} disabled={busy || !state.dirty}>
            {state.dirty ? '保存' : '已保存'}
          </button>
        )}
        {canPublish && meta.status === 'draft' && (
          <button type="button" onClick={() => void publish()} disabled={busy}>
            发布
          </button>
        )}
        <span className="muted small">修订 {meta.revision}</span>
      </div>
      {notice && (
        <div className={`notice ${notice.kind}`} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.kind === 'ok' && notice.text}
          {notice.kind === 'stale' && (
            <>
              <strong>他人已保存:重新载入或比较</strong>
              <span className="muted">
                {' '}
                {notice.refusal.current?.updatedBy} 于修订 {notice.refusal.current?.revision} 保存
              </span>
              {(notice.refusal.current?.summary ?? []).length > 0 && (
                <ul>
                  {notice.refusal.current?.summary.map((s, i) => <li key={i}>{s}</li>)}
                </ul>
              )}
              <button type="button" onClick={onReload}>重新载入</button>
              <button type="button" onClick={onCompareStored}>比较</button>
            </>
          )}
          {notice.kind === 'refused' && (
            <>
              <strong>{notice.text}</strong>
              {notice.problems.length > 0 && (
                <ul className="refused-problems">
                  {notice.problems.map((p, i) => (
                    <li key={i}>
                      {p.message.zh} <code className="muted">{p.path}</code>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          <button type="button" className="icon" aria-label="关闭提示" onClick={() => setNotice(undefined)}>×</button>
        </div>
      )}
    </>
  );
}
