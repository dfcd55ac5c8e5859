/**
 * 以此版本起草下一年度, as a guided step: the year and the new id (proposed
 * by the engine, changeable), what the draft carries over and what it leaves
 * behind, the places to check; only 起草 creates the draft.
 */
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { NextYearPreview, VersionMeta } from '../api/types.ts';

export interface NextYearDialogProps {
  from: { id: string; version: string; year: number; name: string };
  onCreated: (meta: VersionMeta) => void;
  onCancel: () => void;
}

export function NextYearDialog({ from, onCreated, onCancel }: NextYearDialogProps) {
  const [year, setYear] = useState(from.year + 1);
  // undefined: the proposed id follows the year; once typed, the clerk's own
  const [id, setId] = useState<string>();
  const [preview, setPreview] = useState<NextYearPreview>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    setError(undefined);
    api.nextYearPreview(from.id, from.version, { year, ...(id ? { id } : {}) }).then(
      (p) => live && setPreview(p),
      (e: unknown) => {
        if (!live) return;
        setPreview(undefined);
        setError(e instanceof ApiError ? [e.refusal.message.zh, ...(e.refusal.problems ?? []).map((p) => p.message.zh)].join(':') : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [from.id, from.version, year, id]);

  const create = async () => {
    setBusy(true);
    try {
      const r = await api.nextYear(from.id, from.version, { year, ...(id ? { id } : {}) });
      onCreated(r.meta);
    } catch (e) {
      setError(e instanceof ApiError ? e.refusal.message.zh : String(e));
      setBusy(false);
    }
  };

  const p = preview?.preview;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="ny-title">
        <h2 id="ny-title">起草下一年度:以“{from.name}”为基础</h2>
        <label className="field">
          新年度
          <input type="number" aria-label="新年度" value={year} min={from.year + 1} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
        <label className="field">
          新方案标识
          <input aria-label="新方案标识" value={id ?? p?.id ?? ''} onChange={(e) => setId(e.target.value || undefined)} />
          <span className="muted small">(已按年度自动生成,一般无需修改)</span>
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        {p && (
          <>
            {p.exists && <p className="error" role="alert">方案“{p.id}”已存在,请换一个年度或标识。</p>}
            <h3>将带到新草稿</h3>
            <ul data-testid="ny-moves">
              <li>名称:{p.name}</li>
              <li>年度:{p.year},版本 {p.version}(草稿),起草依据 {from.name} {from.version}</li>
              {p.window && <li>认定期间顺延为 {p.window.from} 至 {p.window.to}</li>}
              <li>全部指标、分值、扣分加分规则、等次与结果运用</li>
              {p.roster && <li>参评单位名单</li>}
            </ul>
            <h3>不会带过去</h3>
            <ul data-testid="ny-stays">
              {p.casesLeft > 0 && <li>{p.casesLeft} 个方案用例(其数据属于上一年度的认定期间)</li>}
              <li>条款原文:{p.clauseTextLeft ? '上一年度文件的正文留在原方案;' : ''}新草稿请粘贴或上传新年度文件</li>
            </ul>
            <h3>起草后需逐条核对({preview.notes.length} 处)</h3>
            <ul className="notes-preview" data-testid="ny-notes">
              {preview.notes.map((n, i) => (
                <li key={i}>{n.message.zh}</li>
              ))}
            </ul>
            <p className="muted small">这些提示会随草稿保存,在“问题”中显示为警告,直到修改或确认为止。</p>
          </>
        )}
        <div className="actions">
          <button type="button" className="primary" disabled={busy || !p || p.exists} onClick={() => void create()}>
            起草 {year} 年度草稿
          </button>
          <button type="button" onClick={onCancel}>取消</button>
        </div>
      </div>
    </div>
  );
}
