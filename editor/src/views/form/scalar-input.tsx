/**
 * One scalar value: text, number, yes/no or a choice. Numbers are kept as
 * typed until they parse, so “0.” on the way to “0.5” is not lost; each
 * keystroke that parses is a command, merged into one undo step per field.
 */
import { useEffect, useState } from 'react';
import { setValue, type Json } from '../../document/index.ts';
import { enumLabel } from '../../i18n/labels.ts';
import { Tech } from '../../i18n/tech-info.tsx';
import { useForm } from './form-context.ts';
import { enumValues, fieldKind, resolve, type Schema } from './schema.ts';

export function ScalarInput({ schema, pointer, value, label }: { schema: Schema | undefined; pointer: string; value: Json | undefined; label: string }) {
  const { run, readOnly } = useForm();
  const kind = fieldKind(schema);
  const r = resolve(schema);
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText(shown);
    setBad(false);
  }, [shown]);
  const commit = (v: Json) => run(setValue(pointer, v), { mergeKey: pointer });

  if (kind === 'const') return <Tech><code className="const">{String(r?.const)}</code></Tech>;
  if (kind === 'boolean') {
    return <input type="checkbox" aria-label={label} checked={value === true} disabled={readOnly} onChange={(e) => commit(e.target.checked)} />;
  }
  if (kind === 'enum') {
    const options = enumValues(schema);
    return (
      <select aria-label={label} value={shown} disabled={readOnly} onChange={(e) => commit(e.target.value)}>
        {!options.includes(shown) && <option value={shown}>{shown ? enumLabel(shown) : '(未选)'}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {enumLabel(o)}
          </option>
        ))}
      </select>
    );
  }
  const numeric = kind === 'number' || kind === 'integer';
  return (
    <input
      aria-label={label}
      className={bad ? 'invalid' : undefined}
      inputMode={numeric ? 'decimal' : undefined}
      value={text}
      readOnly={readOnly}
      size={numeric ? 6 : undefined}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (!numeric) return commit(t);
        const n = Number(t);
        const ok = t.trim() !== '' && Number.isFinite(n) && (kind === 'number' || Number.isInteger(n));
        setBad(!ok);
        if (ok) commit(n);
      }}
    />
  );
}
