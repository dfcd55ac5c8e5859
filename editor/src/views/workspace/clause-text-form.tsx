/**
 * The new year's official document for a draft: pasted, or read from a .txt
 * file in the page, and stored as the version's clause text. Its clauses are
 * then found by their numbers (四(一)4) and linked to the rules citing them by
 * the clause pane. Word files are not read: no maintained reader is bundled,
 * so the clerk is told to save the file as text.
 */
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { VersionMeta } from '../../api/types.ts';

export function ClauseTextForm({ meta, onSaved, onCancel }: { meta: VersionMeta; onSaved: (text: string) => void; onCancel?: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    if (!/\.txt$/i.test(file.name)) {
      setError('只能读取 .txt 文本文件;Word 文件请先“另存为”纯文本(.txt),或打开后复制全文粘贴到下面。');
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Chinese documents saved as text on Windows are often GB18030, not UTF-8
    let decoded = new TextDecoder('utf-8').decode(bytes);
    if (decoded.includes('\uFFFD')) decoded = new TextDecoder('gb18030').decode(bytes);
    setText(decoded.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  };
  const save = async () => {
    setBusy(true);
    try {
      await api.setClauseText(meta.id, meta.version, text);
      onSaved(text);
    } catch (e) {
      setError(e instanceof ApiError ? e.refusal.message.zh : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="clause-pane clause-text-form" aria-label="提供本年度文件">
      <p>请提供本年度的方案文件正文:粘贴全文,或选择 .txt 文件。保存后,条款按编号(如 四(一)4)与引用它们的规则对应。</p>
      <label className="field">
        选择文件
        <input type="file" accept=".txt,text/plain" aria-label="选择文本文件" onChange={(e) => void readFile(e.target.files?.[0])} />
      </label>
      <textarea aria-label="文件正文" rows={14} value={text} onChange={(e) => setText(e.target.value)} placeholder="在此粘贴文件全文" />
      {error && <p className="error" role="alert">{error}</p>}
      <div className="actions">
        <button type="button" className="primary" disabled={busy || text.trim() === ''} onClick={() => void save()}>
          保存正文({text.length} 字)
        </button>
        {onCancel && <button type="button" onClick={onCancel}>取消</button>}
      </div>
    </section>
  );
}
