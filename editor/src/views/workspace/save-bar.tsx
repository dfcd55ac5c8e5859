/**
 * Undo / redo, save with the revision the draft was loaded at, publish.
 * A stale revision (409) is merged three-way with the stored one (only places
 * both changed ask the clerk, in the merge dialog); a draft published
 * meanwhile can carry the edits into a new version; a refused publish lists
 * the server's problems.
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import type { Issue } from '../../../../engine/index.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Refusal, VersionMeta } from '../../api/types.ts';
import { merge3, mergeHistory, type DocumentState, type DocumentStore, type Json, type JsonObject, type Side } from '../../document/index.ts';
import { go } from '../route.ts';
import { forgetVersion } from './version-cache.ts';

// the dialog reads the format's JSON Schema for its labels: loaded only when a merge needs it
const MergeDialog = lazy(() => import('./merge-dialog.tsx').then((m) => ({ default: m.MergeDialog })));

/** A merge waiting for the clerk's choices: base, the clerk's document, the stored one, and what to do with the result. */
interface PendingMerge {
  base: Json;
  ours: Json;
  theirs: Json;
  by: string;
  finish: (choices: Map<string, Side>) => Promise<void> | void;
}

export const LEAVE_QUESTION = '有未保存的修改,离开将丢失这些修改。仍要离开吗?';

export interface SaveBarProps {
  store: DocumentStore;
  state: DocumentState;
  meta: VersionMeta;
  setMeta: (m: VersionMeta) => void;
  canEdit: boolean;
  canPublish: boolean;
  /** May draft a new version (the published view offers 起草新版本). */
  canDraft: boolean;
  onReload: () => void;
  onCompareStored: () => void;
  /** The review shown before publishing: it calls `confirm` to publish, `cancel` to go back. */
  renderReview: (confirm: () => void, cancel: () => void) => ReactNode;
}

type Notice =
  | { kind: 'ok'; text: string }
  | { kind: 'stale'; refusal: Refusal; retry: () => void }
  | { kind: 'published'; text: string }
  | { kind: 'refused'; text: string; problems: Issue[] };

export function SaveBar({ store, state, meta, setMeta, canEdit, canPublish, canDraft, onReload, onCompareStored, renderReview }: SaveBarProps) {
  const [reviewing, setReviewing] = useState(false);
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
      if (e instanceof ApiError && e.status === 409 && e.refusal.code === 'stale-revision') {
        const refusal = e.refusal;
        // the stored revision could not be read (network, session): say so, the edits stay in the page
        await mergeStored(refusal).catch((e2: unknown) => setNotice({ kind: 'refused', text: `他人已保存,读取其修改失败:${e2 instanceof ApiError ? e2.refusal.message.zh : String(e2)}`, problems: [] }));
      }
      else if (e instanceof ApiError && e.status === 409 && e.refusal.code === 'not-draft') setNotice({ kind: 'published', text: e.refusal.message.zh });
      else setNotice({ kind: 'refused', text: e instanceof ApiError ? e.refusal.message.zh : String(e), problems: e instanceof ApiError ? (e.refusal.problems ?? []) : [] });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const [pending, setPending] = useState<PendingMerge>();

  /** After a 409: the stored revision merged with the clerk's history against the revision it was loaded at. */
  const mergeStored = async (refusal: Refusal) => {
    const stored = await api.version(meta.id, meta.version);
    const by = stored.meta.updatedBy;
    const adopt = (choices: Map<string, Side>) => {
      const { steps } = mergeHistory(store.saved, store.history(), stored.document as Json, choices);
      store.adopt(stored.document as Json, steps);
      setMeta(stored.meta);
      forgetVersion(meta.id, meta.version);
      setPending(undefined);
      const n = choices.size;
      setNotice({ kind: 'ok', text: `已与 ${by} 于修订 ${stored.meta.revision} 保存的修改合并${n ? `(其中 ${n} 处按您的选择)` : ',没有冲突'};您的修改仍未保存,请检查后保存` });
    };
    const { result } = mergeHistory(store.saved, store.history(), stored.document as Json);
    if (result.conflicts.length === 0) return adopt(new Map());
    setNotice({ kind: 'stale', refusal, retry: () => setPending({ base: store.saved, ours: store.doc, theirs: stored.document as Json, by, finish: adopt }) });
    setPending({ base: store.saved, ours: store.doc, theirs: stored.document as Json, by, finish: adopt });
  };

  /** The draft was published meanwhile: a new version of it, with the clerk's edits merged in, saved and opened. */
  const carryToNewVersion = async () => {
    setBusy(true);
    try {
      const published = await api.version(meta.id, meta.version);
      const base = store.saved;
      const ours = store.doc;
      const theirs = published.document as Json;
      const finish = async (choices: Map<string, Side>) => {
        setPending(undefined);
        const created = await api.newVersion(meta.id, meta.version);
        const merged = merge3(base, ours, theirs, choices).doc as JsonObject;
        const r = await api.save(meta.id, created.meta.version, { ...merged, version: created.meta.version }, created.meta.revision);
        store.markSaved(ours);
        go({ page: 'workspace', id: meta.id, version: r.meta.version, tab: 'edit' });
      };
      if (merge3(base, ours, theirs).conflicts.length === 0) await finish(new Map());
      else setPending({ base, ours, theirs, by: published.meta.updatedBy, finish });
    } catch (e) {
      setNotice({ kind: 'refused', text: e instanceof ApiError ? e.refusal.message.zh : String(e), problems: [] });
    } finally {
      setBusy(false);
    }
  };

  const newVersion = async () => {
    setBusy(true);
    try {
      const r = await api.newVersion(meta.id, meta.version);
      go({ page: 'workspace', id: r.meta.id, version: r.meta.version, tab: 'edit' });
    } catch (e) {
      setNotice({ kind: 'refused', text: e instanceof ApiError ? e.refusal.message.zh : String(e), problems: [] });
    } finally {
      setBusy(false);
    }
  };

  const reload = () => {
    if (!store.state.dirty || window.confirm('重新载入将丢弃您未保存的修改(撤销记录也将清空)。仍要重新载入吗?')) {
      store.markSaved();
      onReload();
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
          <button type="button" onClick={() => setReviewing(true)} disabled={busy}>
            发布…
          </button>
        )}
        <span className="muted small">修订 {meta.revision}</span>
      </div>
      {notice && (
        <div className={`notice ${notice.kind}`} role={notice.kind === 'ok' ? 'status' : 'alert'}>
          {notice.kind === 'ok' && notice.text}
          {notice.kind === 'stale' && (
            <>
              <strong>他人已保存:两人改了同一处,请选择保留哪一个</strong>
              <span className="muted">
                {' '}
                {notice.refusal.current?.updatedBy} 于修订 {notice.refusal.current?.revision} 保存
              </span>
              {(notice.refusal.current?.summary ?? []).length > 0 && (
                <ul>
                  {notice.refusal.current?.summary.map((s, i) => <li key={i}>{s}</li>)}
                </ul>
              )}
              <button type="button" className="primary" onClick={notice.retry}>合并…</button>
              <button type="button" onClick={reload}>重新载入</button>
              <button type="button" onClick={onCompareStored}>比较</button>
            </>
          )}
          {notice.kind === 'published' && (
            <>
              <strong>这份草稿已在别处发布,您的修改未保存。</strong>
              {canEdit && (
                <button type="button" className="primary" onClick={() => void carryToNewVersion()} disabled={busy}>
                  带着我的修改起草新版本
                </button>
              )}
              <button type="button" onClick={reload}>放弃修改并重新载入</button>
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
      {reviewing &&
        renderReview(
          () => {
            setReviewing(false);
            void publish();
          },
          () => setReviewing(false),
        )}
      {canEdit === false && meta.status === 'published' && canDraft && (
        <button type="button" className="primary" onClick={() => void newVersion()} disabled={busy}>
          起草新版本
        </button>
      )}
      {pending && (
        <Suspense fallback={null}>
          <MergeDialog base={pending.base} ours={pending.ours} theirs={pending.theirs} by={pending.by} onDone={(c) => void pending.finish(c)} onCancel={() => setPending(undefined)} />
        </Suspense>
      )}
    </>
  );
}
