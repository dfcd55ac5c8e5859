/**
 * 起草提示: the engine's next-year notes kept with the draft, shown as
 * warnings above the problems until each is fixed (the value it flagged was
 * changed — seen here at once, on the server at the next save) or
 * acknowledged (who and when, recorded by the server).
 */
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { NoteView, VersionMeta } from '../../api/types.ts';
import { getAt, sameJson, type Json } from '../../document/index.ts';
import { formatTime } from '../status.tsx';
import type { Select } from './selection.ts';

/** Notes the server saw open whose value the clerk has changed since loading count as fixed. */
export function notesNow(notes: readonly NoteView[], loaded: Json, doc: Json): NoteView[] {
  return notes.map((n) => (n.fixed || sameJson(getAt(loaded, n.path), getAt(doc, n.path)) ? n : { ...n, fixed: true }));
}

export const openCount = (notes: readonly NoteView[]) => notes.filter((n) => !n.fixed && !n.acknowledged).length;

export interface DraftNotesProps {
  meta: VersionMeta;
  notes: readonly NoteView[];
  canEdit: boolean;
  select: Select;
  onNotes: (notes: NoteView[]) => void;
}

export function DraftNotes({ meta, notes, canEdit, select, onNotes }: DraftNotesProps) {
  const [error, setError] = useState<string>();
  const [showDone, setShowDone] = useState(false);
  if (notes.length === 0) return null;
  const open = notes.filter((n) => !n.fixed && !n.acknowledged);
  const done = notes.filter((n) => n.fixed || n.acknowledged);
  const acknowledge = async (n: NoteView) => {
    try {
      const r = await api.acknowledgeNote(meta.id, meta.version, n.index);
      onNotes(r.notes.map((x) => (notes.find((y) => y.index === x.index)?.fixed ? { ...x, fixed: true } : x)));
    } catch (e) {
      setError(e instanceof ApiError ? e.refusal.message.zh : String(e));
    }
  };
  return (
    <section className="draft-notes" aria-label="起草提示">
      <div className="pane-title">
        <span className={open.length ? 'warn' : 'good'}>起草提示:{open.length} 条待核对</span>
        {done.length > 0 && (
          <button type="button" className="link" onClick={() => setShowDone(!showDone)}>
            {showDone ? '隐藏' : '显示'}已处理的 {done.length} 条
          </button>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <ul className="problems">
        {open.map((n) => (
          <li key={n.index} data-note={n.index}>
            <button type="button" className="problem warning" onClick={() => select(n.path, { reveal: true })}>
              <span className="sev">提示</span>
              <span className="msg">{n.message.zh}</span>
            </button>
            {canEdit && (
              <button type="button" onClick={() => void acknowledge(n)}>
                已核对
              </button>
            )}
          </li>
        ))}
        {showDone &&
          done.map((n) => (
            <li key={n.index} data-note={n.index} className="muted">
              <span className="sev">{n.fixed ? '已修改' : '已确认'}</span> {n.message.zh}
              {n.acknowledged && (
                <span className="small">({n.acknowledged.by} 于 {formatTime(n.acknowledged.at)} 确认)</span>
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}
