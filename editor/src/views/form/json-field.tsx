/** A value no form fits (a condition, an open JSON Schema): edited as JSON text, committed when it parses. */
import { useEffect, useState } from 'react';
import { setValue, type Json } from '../../document/index.ts';
import { useForm } from './form-context.ts';

export function JsonField({ pointer, value, label }: { pointer: string; value: Json | undefined; label: string }) {
  const { run, readOnly } = useForm();
  const shown = value === undefined ? '' : JSON.stringify(value);
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(shown);
    setBad(false);
  }, [shown]);
  return (
    <textarea
      aria-label={label}
      className={`json-field${bad ? ' invalid' : ''}`}
      value={text}
      readOnly={readOnly}
      rows={Math.min(4, Math.ceil(text.length / 60) || 1)}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        try {
          const v = JSON.parse(e.target.value) as Json;
          setBad(false);
          run(setValue(pointer, v), { mergeKey: pointer });
        } catch {
          setBad(true);
        }
      }}
    />
  );
}
