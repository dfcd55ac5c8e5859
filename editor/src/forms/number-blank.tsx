/**
 * A number blank in a sentence: kept as typed until it parses ("0." on the
 * way to "0.5"), committed on each parse as one undo step per blank; empty
 * commits `undefined` where the sentence allows none (the engine then asks).
 */
import { useEffect, useState } from 'react';

export function NumberBlank({ value, label, onCommit, readOnly, allowEmpty = false }: { value: number | undefined; label: string; onCommit: (v: number | undefined) => void; readOnly: boolean; allowEmpty?: boolean }) {
  const shown = value === undefined ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText((cur) => (cur.trim() !== '' && Number(cur) === value ? cur : shown)), [shown, value]);
  const bad = text.trim() !== '' && !Number.isFinite(Number(text));
  return (
    <input
      className={`blank number${bad ? ' invalid' : ''}`}
      aria-label={label}
      inputMode="decimal"
      size={4}
      value={text}
      readOnly={readOnly}
      placeholder="?"
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (t.trim() === '') {
          if (allowEmpty) onCommit(undefined);
        } else if (Number.isFinite(Number(t))) onCommit(Number(t));
      }}
    />
  );
}
