/**
 * The same document in Monaco. Text that parses becomes a replace-document
 * command (one undo step per typing burst); a change from elsewhere is applied
 * to the model as the smallest text edit, so the cursor stays where it was.
 * Engine problems become markers beside Monaco's own schema markers.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Issue } from '../../../../engine/index.ts';
import { jsonPositions, pointerAtOffset, replaceDocument, spanOf, type DocumentStore, type Json } from '../../document/index.ts';
import { monaco, releaseWorkers, SCHEME_MODEL_PREFIX } from '../../monaco/setup.ts';
import type { Selection } from './selection.ts';

type CodeEditor = ReturnType<typeof monaco.editor.create>;

performance.mark('pingyi:monaco-evaluated');

const textOf = (doc: Json) => JSON.stringify(doc, null, 2) + '\n';

/** The one edit that turns `a` into `b`: common prefix and suffix kept. */
function minimalEdit(a: string, b: string): { start: number; end: number; text: string } {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  return { start: s, end: a.length - e, text: b.slice(s, b.length - e) };
}

export default function JsonPane(props: { store: DocumentStore; modelName: string; readOnly: boolean; selection: Selection; problems: Issue[]; onCursor: (pointer: string) => void; onShown?: () => void }) {
  const { store, modelName, readOnly, selection, problems, onCursor, onShown } = props;
  const editorRef = useRef<CodeEditor | null>(null);
  const sent = useRef<Json | undefined>(undefined);
  const applying = useRef(false);
  const burst = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [syntaxError, setSyntaxError] = useState(false);
  const onCursorRef = useRef(onCursor);
  onCursorRef.current = onCursor;

  const onMount = (editor: CodeEditor) => {
    editorRef.current = editor;
    // the editor draws its first lines in the next frame: told after that one, and only then
    // may Monaco's workers start (monaco/setup.ts)
    performance.mark('pingyi:editor-created');
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('pingyi:editor-drawn');
        releaseWorkers();
        onShown?.();
      }, 0),
    );
    const model = editor.getModel();
    if (!model) return;
    // our undo stack is the one: Ctrl+Z / Ctrl+Y in Monaco undo document commands
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.redo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => store.redo());
    model.onDidChangeContent(() => {
      if (applying.current) return;
      let parsed: Json;
      try {
        parsed = JSON.parse(model.getValue()) as Json;
      } catch {
        setSyntaxError(true);
        return;
      }
      setSyntaxError(false);
      sent.current = parsed;
      store.execute(replaceDocument(parsed, '编辑 JSON'), { mergeKey: 'monaco' });
      clearTimeout(burst.current);
      burst.current = setTimeout(() => store.endMerge(), 1000);
    });
    editor.onDidChangeCursorPosition((e) => {
      if (e.source === 'api' || e.reason !== 3 /* explicit */) return;
      const pointer = pointerAtOffset(jsonPositions(model.getValue()), model.getOffsetAt(e.position));
      onCursorRef.current(pointer);
    });
  };

  // follow the store: apply changes made elsewhere as a minimal edit
  useEffect(
    () =>
      store.subscribe((state) => {
        const editor = editorRef.current;
        const model = editor?.getModel();
        if (!editor || !model || state.doc === sent.current) return;
        sent.current = state.doc;
        const { start, end, text } = minimalEdit(model.getValue(), textOf(state.doc));
        const range = monaco.Range.fromPositions(model.getPositionAt(start), model.getPositionAt(end));
        applying.current = true;
        try {
          editor.executeEdits('document', [{ range, text, forceMoveMarkers: false }]);
        } finally {
          applying.current = false;
        }
        setSyntaxError(false);
      }),
    [store],
  );

  // engine problems as markers
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const map = jsonPositions(model.getValue());
    monaco.editor.setModelMarkers(
      model,
      'pingyi',
      problems.map((p) => {
        const span = spanOf(map, p.path);
        const from = model.getPositionAt(span?.key?.start ?? span?.start ?? 0);
        const to = model.getPositionAt(span?.key?.end ?? span?.end ?? 0);
        return {
          severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: `${p.message.zh}\n${p.message.en} [${p.code}]`,
          startLineNumber: from.lineNumber,
          startColumn: from.column,
          endLineNumber: to.lineNumber,
          endColumn: to.column,
        };
      }),
    );
  }, [problems]);

  // reveal the selected pointer's range, only when asked (not when the cursor itself chose the node)
  const revealed = useRef(0);
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || selection.reveal === revealed.current) return;
    revealed.current = selection.reveal;
    const span = spanOf(jsonPositions(model.getValue()), selection.pointer);
    if (!span) return;
    const range = monaco.Range.fromPositions(model.getPositionAt(span.key?.start ?? span.start), model.getPositionAt(span.end));
    editor.setSelection(range);
    editor.revealRangeNearTop(range);
  }, [selection.reveal, selection.pointer]);

  // The editor is created directly, in a container that is already laid out, in the same task as its
  // model: through @monaco-editor/react it was created in a hidden (0 × 0) container after a promise
  // and a state update, and laid out and drawn again once React showed it.
  const host = useRef<HTMLDivElement>(null);
  const path = `${SCHEME_MODEL_PREFIX}${modelName}.json`;
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const uri = monaco.Uri.parse(path);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(textOf(store.doc), 'json', uri);
    sent.current = store.doc;
    const editor = monaco.editor.create(element, {
      model,
      readOnly,
      minimap: { enabled: false },
      fontSize: 12,
      tabSize: 2,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      wordWrap: 'off',
      // no bracket-pair colours: on the largest scheme their bracket lookups were ≈ 1/10 of the work before the first lines showed
      bracketPairColorization: { enabled: false },
    });
    onMount(editor);
    return () => {
      editorRef.current = null;
      editor.dispose();
      model.dispose();
    };
    // created once per model; readOnly follows below, the document through the store
  }, [path, store]);
  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  return (
    <section className="json-pane" aria-label="JSON">
      {syntaxError && <div className="syntax-error" role="status">JSON 语法未完成:修好之前,表单与指标树保持上一个有效版本</div>}
      <div className="json-editor" ref={host} />
    </section>
  );
}
