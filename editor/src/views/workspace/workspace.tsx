/**
 * One version of a scheme: loads it, keeps its document in a DocumentStore,
 * and lays out the views around that one document — edit (tree · form ·
 * JSON or clause text, problems and impact below), diff, preview, cases.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { SchemeDetail, User, VersionDocument, VersionMeta } from '../../api/types.ts';
import { DocumentStore, indicatorTree, nodeAt, type Command, type ExecuteOptions, type Json } from '../../document/index.ts';
import { useValidation } from '../../validation/use-validation.ts';
import { preloadMonaco, whenIdle } from '../../monaco/preload.ts';
import { can } from '../app.tsx';
import { FormContext, type FormContextValue } from '../form/form-context.ts';
import { go, href, setLeaveGuard, type Route } from '../route.ts';
import { StatusBadge } from '../status.tsx';
import { ClausePane } from './clause-pane.tsx';
import { ClauseTextForm } from './clause-text-form.tsx';
import { DraftNotes, notesNow, openCount } from './draft-notes.tsx';
import type { DataChoice } from './data-source.tsx';
import { useDataSources } from './data-source.tsx';
import { loadWorkspace } from './prefetch.ts';
import { ProblemsPane } from './problems-pane.tsx';
import { LEAVE_QUESTION, SaveBar } from './save-bar.tsx';
import { sectionOf, type Selection, type Select } from './selection.ts';
import { TreePane } from './tree-pane.tsx';
import { useDocumentState } from './use-store.ts';

type WorkspaceRoute = Extract<Route, { page: 'workspace' }>;

// Monaco: its chunk is fetched from the start (monaco/preload.ts) and evaluated when the main thread
// is idle (typically while the document is on its way); the pane mounts after the tree and form are painted
export const loadJsonPane = () => import('./json-pane.tsx');
const JsonPane = lazy(loadJsonPane);
/** Fetch Monaco now, evaluate it at the first idle moment after it arrived. */
export const warmMonaco = () => preloadMonaco(() => whenIdle(() => void loadJsonPane()));

/**
 * True once the first screen has been painted. Monaco's chunk takes the main
 * thread for a while when it is evaluated: it is fetched early but evaluated
 * only after the tree and form are on screen, so they never wait behind it.
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // the frame after the next one: the first one has been painted by then
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, []);
  return painted;
}
// the form and the JSON Schema that drives it (≈ 100 KB) load while the document is fetched
export const loadNodeForm = () => import('./node-form.tsx');
const NodeForm = lazy(() => loadNodeForm().then((m) => ({ default: m.NodeForm })));
// the views that run the engine in the page (with ajv) load when first shown:
// the first screen needs only the tree, the form and the validation worker
const DiffView = lazy(() => import('./diff-view.tsx').then((m) => ({ default: m.DiffView })));
const PreviewView = lazy(() => import('./preview-view.tsx').then((m) => ({ default: m.PreviewView })));
const FulltextView = lazy(() => import('./fulltext-view.tsx').then((m) => ({ default: m.FulltextView })));
const CasesView = lazy(() => import('./cases-view.tsx').then((m) => ({ default: m.CasesView })));
const ImpactPane = lazy(() => import('./impact-pane.tsx').then((m) => ({ default: m.ImpactPane })));
const PublishReview = lazy(() => import('./publish-review.tsx').then((m) => ({ default: m.PublishReview })));
const loadingView = <p className="muted empty">载入中…</p>;
/** The longest the first validation waits for Monaco (the clause pane may be shown instead, or Monaco be slow). */
const HOLD_VALIDATION_MS = 3000;

export function Workspace({ route, user }: { route: WorkspaceRoute; user: User }) {
  const [loaded, setLoaded] = useState<{ detail: SchemeDetail; version: VersionDocument }>();
  const [error, setError] = useState<string>();
  // the chosen data outlives a reload of the document (after a 409)
  const [data, setData] = useState<DataChoice>();
  useEffect(() => {
    void loadNodeForm();
    warmMonaco();
  }, []);
  const load = useCallback(() => {
    setLoaded(undefined);
    loadWorkspace(route.id, route.version).then(
      ([detail, version]) => setLoaded({ detail, version }),
      (e: unknown) => setError(e instanceof ApiError ? `${e.refusal.message.zh}(${e.refusal.code})` : String(e)),
    );
  }, [route.id, route.version]);
  useEffect(load, [load]);
  if (error) return <main className="page error">{error}</main>;
  if (!loaded) return <main className="page">载入方案…</main>;
  return <Loaded detail={loaded.detail} version={loaded.version} route={route} user={user} reload={load} data={data} setData={setData} />;
}

interface LoadedProps {
  detail: SchemeDetail;
  version: VersionDocument;
  route: WorkspaceRoute;
  user: User;
  reload: () => void;
  data: DataChoice | undefined;
  setData: (d: DataChoice | undefined) => void;
}

function Loaded({ detail, version, route, user, reload, data, setData }: LoadedProps) {
  const store = useMemo(() => new DocumentStore(version.document as Json), [version]);
  const state = useDocumentState(store);
  const [meta, setMeta] = useState<VersionMeta>(version.meta);
  const [storedNotes, setStoredNotes] = useState(version.notes ?? []);
  const notes = useMemo(() => notesNow(storedNotes, version.document as Json, state.doc), [storedNotes, version.document, state.doc]);
  const [clauseText, setClauseText] = useState(version.clauseText ?? detail.sourceText);
  const [replacingText, setReplacingText] = useState(false);
  // the tree is read from the document at once; the engine's validation runs in a worker
  const tree = useMemo(() => indicatorTree(state.doc), [state.doc]);
  // the first validation waits for Monaco's first screen (at most HOLD_VALIDATION_MS): see useValidation
  const [monacoShown, setMonacoShown] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setMonacoShown(true), HOLD_VALIDATION_MS);
    return () => clearTimeout(t);
  }, []);
  const onMonacoShown = useCallback(() => setMonacoShown(true), []);
  const validation = useValidation(state.doc, state.version, !monacoShown);
  const derived = { ...validation, tree };
  // no red "草稿结构有误" before the worker answered for this document: 校验中
  const validating = validation.version < state.version || validation.pending;
  const [selection, setSelection] = useState<Selection>({ pointer: '/indicators/0', reveal: 0 });
  const [right, setRight] = useState<'json' | 'clauses'>('json');
  const [bottom, setBottom] = useState<'problems' | 'impact'>('problems');
  const sources = useDataSources(route.id, bottom === 'impact' || route.tab === 'preview');
  const jsonReady = useAfterFirstPaint();
  useEffect(() => void performance.mark('pingyi:workspace-shown'), []);
  const [compareStored, setCompareStored] = useState(false);

  const canEdit = meta.status === 'draft' && can(user, 'drafter');
  const select: Select = useCallback((pointer, options = {}) => {
    setSelection((s) => ({ pointer, reveal: options.reveal ? s.reveal + 1 : s.reveal, clause: options.clause ?? false }));
    if (options.clause) setRight('clauses');
  }, []);
  const jump = useCallback(
    (pointer: string) => {
      select(pointer, { reveal: true });
      go({ ...route, tab: 'edit' });
    },
    [select, route],
  );
  const [refused, setRefused] = useState<string>();
  const run = useCallback(
    (command: Command, options?: ExecuteOptions) => {
      try {
        store.execute(command, options);
        setRefused(undefined);
      } catch (e) {
        setRefused(`此修改无法执行:${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [store],
  );
  const form: FormContextValue = useMemo(() => ({ store, readOnly: !canEdit, select, run }), [store, canEdit, select, run]);
  const problemsAt = useCallback(
    (pointer: string) => derived.problems.filter((p) => p.path === pointer || p.path.startsWith(pointer + '/')).length,
    [derived.problems],
  );
  const onCursor = useCallback(
    (pointer: string) => {
      // the tree follows the Monaco cursor to the indicator (or flow section) it is in
      const node = nodeAt(derived.tree, pointer);
      const target = node?.pointer ?? (sectionOf(pointer) === '' ? '' : `/${sectionOf(pointer)}`);
      setSelection((s) => (s.pointer === target ? s : { pointer: target, reveal: s.reveal }));
    },
    [derived.tree],
  );
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (store.state.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    // in-app links too (← 方案列表, the title, logging out): another tab of this version is no leaving
    setLeaveGuard((to) => (to.page === 'workspace' && to.id === route.id && to.version === route.version) || !store.state.dirty || window.confirm(LEAVE_QUESTION));
    return () => {
      window.removeEventListener('beforeunload', warn);
      setLeaveGuard(undefined);
    };
  }, [store, route.id, route.version]);

  const tab = (t: WorkspaceRoute['tab'], label: string) => (
    <a href={href({ ...route, tab: t })} className={route.tab === t ? 'tab active' : 'tab'} aria-current={route.tab === t ? 'page' : undefined}>
      {label}
    </a>
  );

  return (
    <FormContext.Provider value={form}>
      <div className="workspace">
        <div className="toolbar">
          <a href="#/" className="back">← 方案列表</a>
          <strong className="title">{detail.name}</strong>
          <code>{meta.version}</code>
          <StatusBadge status={meta.status} />
          {state.dirty && <span className="dirty" title="有未保存的修改">● 未保存</span>}
          <nav className="tabs" aria-label="视图">
            {tab('edit', '编辑')}
            {tab('diff', '版本比较')}
            {tab('preview', '预览与解释')}
            {tab('cases', '方案用例')}
            {tab('fulltext', '方案全文')}
          </nav>
          <span className="spacer" />
          <SaveBar
            store={store}
            state={state}
            meta={meta}
            setMeta={setMeta}
            canEdit={canEdit}
            canPublish={can(user, 'publisher')}
            canDraft={can(user, 'drafter')}
            renderReview={(confirm, cancel) => (
              <Suspense fallback={null}>
                <PublishReview detail={detail} meta={meta} draft={derived.scheme} problems={derived.problems} notes={notes} dirty={state.dirty} data={data} setData={setData} onConfirm={confirm} onCancel={cancel} />
              </Suspense>
            )}
            onReload={reload}
            onCompareStored={() => {
              setCompareStored(true);
              go({ ...route, tab: 'diff' });
            }}
          />
        </div>
        {refused && <div className="notice refused" role="alert">{refused}</div>}
        {/* kept mounted while another tab shows, so Monaco keeps its cursor, scroll and model */}
        {(
          <div className={route.tab === 'edit' ? 'edit-layout' : 'edit-layout hidden'}>
            <TreePane tree={derived.tree} doc={state.doc} selected={nodeAt(derived.tree, selection.pointer)?.pointer ?? selection.pointer} problemsAt={problemsAt} />
            <div className="form-pane">
              <Suspense fallback={loadingView}>
                <NodeForm doc={state.doc} tree={derived.tree} selected={selection.pointer} />
              </Suspense>
            </div>
            <div className="right-pane">
              <div className="pane-tabs">
                <button type="button" className={right === 'json' ? 'active' : undefined} onClick={() => setRight('json')}>JSON</button>
                <button type="button" className={right === 'clauses' ? 'active' : undefined} onClick={() => setRight('clauses')}>条款原文</button>
              </div>
              <div className={right === 'json' ? 'pane-body' : 'pane-body hidden'}>
                <Suspense fallback={<p className="muted empty">载入 JSON 编辑器…</p>}>
                  {jsonReady ? (
                    <JsonPane store={store} modelName={`${meta.id}@${meta.version}`} readOnly={!canEdit} selection={selection} problems={derived.problems} onCursor={onCursor} onShown={onMonacoShown} />
                  ) : (
                    <p className="muted empty">载入 JSON 编辑器…</p>
                  )}
                </Suspense>
              </div>
              {right === 'clauses' && (
                <div className="pane-body">
                  {canEdit && (replacingText || !clauseText) ? (
                    <ClauseTextForm meta={meta} onSaved={(t) => (setClauseText(t), setReplacingText(false))} {...(clauseText ? { onCancel: () => setReplacingText(false) } : {})} />
                  ) : (
                    <>
                      {canEdit && (
                        <button type="button" className="link replace-text" onClick={() => setReplacingText(true)}>
                          更换文件原文
                        </button>
                      )}
                      <ClausePane text={clauseText} doc={state.doc} pointer={selection.pointer} select={select} />
                    </>
                  )}
                </div>
              )}
            </div>
            <div className="bottom-pane">
              <div className="pane-tabs">
                <button type="button" className={bottom === 'problems' ? 'active' : undefined} onClick={() => setBottom('problems')}>
                  问题 <span className={derived.errors ? 'count bad' : 'count'}>{derived.problems.length + openCount(notes)}</span>
                </button>
                <button type="button" className={bottom === 'impact' ? 'active' : undefined} onClick={() => setBottom('impact')}>影响</button>
              </div>
              {bottom === 'problems' ? (
                <div className="problems-with-notes">
                  <DraftNotes meta={meta} notes={notes} canEdit={canEdit} select={select} onNotes={setStoredNotes} />
                  <ProblemsPane validation={validation} select={select} />
                </div>
              ) : (
                <Suspense fallback={loadingView}>
                  <ImpactPane detail={detail} meta={meta} draft={derived.scheme} validating={validating} sources={sources} data={data} setData={setData} onScoreDraftAlone={() => go({ ...route, tab: 'preview' })} />
                </Suspense>
              )}
            </div>
          </div>
        )}
        <Suspense fallback={loadingView}>
          {route.tab === 'diff' && <DiffView detail={detail} meta={meta} doc={state.doc} jump={jump} compareStored={compareStored} />}
          {route.tab === 'preview' && <PreviewView detail={detail} scheme={derived.scheme} errors={derived.errors} validating={validating} sources={sources} data={data} setData={setData} jump={jump} />}
          {route.tab === 'fulltext' && <FulltextView detail={detail} meta={meta} doc={state.doc} jump={jump} />}
          {route.tab === 'cases' && <CasesView schemeId={meta.id} scheme={derived.scheme} errors={derived.errors} />}
        </Suspense>
      </div>
    </FormContext.Provider>
  );
}
