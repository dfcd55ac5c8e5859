/**
 * The clerk chooses, for each place both sides changed, which value the
 * merged draft keeps; both values are shown in words. Nothing is saved until
 * every conflict has a side: a conflict is never won silently.
 */
import { useMemo, useState } from 'react';
import { merge3, type Json, type MergeConflict, type Side } from '../../document/index.ts';
import { placeOfConflict, valueInWords } from './place-words.ts';

export interface MergeDialogProps {
  base: Json;
  ours: Json;
  theirs: Json;
  /** Who saved the stored revision, for the labels. */
  by: string;
  onDone: (choices: Map<string, Side>) => void;
  onCancel: () => void;
}

export function MergeDialog({ base, ours, theirs, by, onDone, onCancel }: MergeDialogProps) {
  const conflicts: readonly MergeConflict[] = useMemo(() => merge3(base, ours, theirs).conflicts, [base, ours, theirs]);
  const [choices, setChoices] = useState(() => new Map<string, Side>());
  const choose = (key: string, side: Side) => setChoices((c) => new Map(c).set(key, side));
  const done = conflicts.every((c) => choices.has(c.key));
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="merge-title">
        <h2 id="merge-title">合并修改:{conflicts.length} 处两人都改了</h2>
        <p className="muted">
          {by} 在您编辑期间保存了这份草稿。其余修改已自动合并;下面每一处请选择保留哪一个值。
        </p>
        <ol className="conflicts">
          {conflicts.map((c) => (
            <li key={c.key} data-conflict={c.key}>
              <div className="place">{placeOfConflict(ours, theirs, c.pointer)}{c.key.endsWith('#order') ? '(排列顺序)' : ''}</div>
              <label>
                <input type="radio" name={c.key} checked={choices.get(c.key) === 'ours'} onChange={() => choose(c.key, 'ours')} />
                保留我的:<strong>{valueInWords(c.ours)}</strong>
              </label>
              <label>
                <input type="radio" name={c.key} checked={choices.get(c.key) === 'theirs'} onChange={() => choose(c.key, 'theirs')} />
                保留 {by} 的:<strong>{valueInWords(c.theirs)}</strong>
              </label>
              <div className="muted small">原来是:{valueInWords(c.base)}</div>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button type="button" className="primary" disabled={!done} onClick={() => onDone(choices)}>
            {done ? '合并' : `还有 ${conflicts.filter((c) => !choices.has(c.key)).length} 处未选择`}
          </button>
          <button type="button" onClick={onCancel}>暂不合并</button>
        </div>
      </div>
    </div>
  );
}
