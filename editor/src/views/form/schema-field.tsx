/**
 * A form driven by the scheme's JSON Schema: one component per way of editing
 * (scalar, object, tagged union, list, map, JSON), chosen by the schema, so a
 * new method or rule kind appears in the form without a line written for it.
 */
import { useState } from 'react';
import { isObject, pointerOf, renameKey, setValue, tokensOf, type Json } from '../../document/index.ts';
import { Tech } from '../../i18n/tech-info.tsx';
import { ArrayField } from './array-field.tsx';
import { useForm } from './form-context.ts';
import { JsonField } from './json-field.tsx';
import { ScalarInput } from './scalar-input.tsx';
import { branchFor, branches, emptyValue, enOf, fieldKind, isScalar, labelOf, resolve, tagOf, zhOf, type Schema } from './schema.ts';

export const child = (pointer: string, key: string | number) => pointer + pointerOf([key]);

export function SchemaField({ schema, pointer, value, omit = [] }: { schema: Schema | undefined; pointer: string; value: Json | undefined; omit?: string[] }) {
  const r = resolve(schema);
  const key = tokensOf(pointer).pop() ?? '';
  const label = key ? labelOf(r, key) : '方案';
  switch (fieldKind(r)) {
    case 'union':
      return <UnionField schema={r as Schema} pointer={pointer} value={value} omit={omit} />;
    case 'object':
      if (r?.patternProperties) return <MapField schema={Object.values(r.patternProperties)[0]} pointer={pointer} value={value} />;
      return <ObjectFields schema={r as Schema} pointer={pointer} value={value} omit={omit} />;
    case 'array':
      return <ArrayField schema={r as Schema} pointer={pointer} value={value} />;
    case 'json':
      return <JsonField pointer={pointer} value={value} label={label} />;
    default:
      return <ScalarInput schema={r} pointer={pointer} value={value} label={label} />;
  }
}

/** A tagged union (`kind`): choose the kind, then the chosen kind's own fields. */
function UnionField({ schema, pointer, value, omit }: { schema: Schema; pointer: string; value: Json | undefined; omit: string[] }) {
  const { run, readOnly } = useForm();
  const tag = tagOf(schema) as string;
  const branch = branchFor(schema, value);
  const current = isObject(value) ? String(value[tag] ?? '') : '';
  return (
    <div className="union">
      <label className="kind-select">
        <span>类型</span>
        <Tech>
          <code>{tag}</code>
        </Tech>
        <select
          value={current}
          disabled={readOnly}
          aria-label={`${labelOf(schema, tokensOf(pointer).pop() ?? '')}的类型`}
          onChange={(e) => {
            const next = branches(schema).find((b) => b.properties?.[tag]?.const === e.target.value);
            if (next) run(setValue(pointer, emptyValue(next)));
          }}
        >
          {!branch && <option value={current}>{current || '(未选)'}</option>}
          {branches(schema).map((b) => {
            const k = String(b.properties?.[tag]?.const);
            return (
              <option key={k} value={k}>
                {labelOf(b, k)}
              </option>
            );
          })}
        </select>
      </label>
      {branch && <ObjectFields schema={branch} pointer={pointer} value={value} omit={[...omit, tag]} />}
    </div>
  );
}

/** An object's properties as labelled rows; optional absent ones can be added, present ones removed. */
export function ObjectFields({ schema, pointer, value, omit = [] }: { schema: Schema; pointer: string; value: Json | undefined; omit?: string[] }) {
  const { run, readOnly } = useForm();
  const obj = isObject(value) ? value : {};
  const props = Object.entries(schema.properties ?? {}).filter(([k]) => !omit.includes(k) && k !== '$schema');
  const required = new Set(schema.required ?? []);
  const present = props.filter(([k]) => obj[k] !== undefined || required.has(k));
  const absent = props.filter(([k]) => obj[k] === undefined && !required.has(k));
  return (
    <div className="object-fields">
      {present.map(([k, s]) => {
        const kind = fieldKind(s);
        const inline = isScalar(kind) || kind === 'json';
        return (
          <div key={k} className={inline ? 'field inline' : 'field block'} data-field={k}>
            <div className="field-label" title={zhOf(resolve(s))}>
              <span>{labelOf(s, k)}</span>
              <Tech>
                <code title={enOf(resolve(s))}>{k}</code>
              </Tech>
              {!required.has(k) && !readOnly && (
                <button type="button" className="icon" title={`删除 ${labelOf(s, k)}`} aria-label={`删除字段 ${labelOf(s, k)}`} onClick={() => run(setValue(child(pointer, k), undefined))}>
                  ×
                </button>
              )}
            </div>
            <div className="field-value">
              <SchemaField schema={s} pointer={child(pointer, k)} value={obj[k]} />
            </div>
          </div>
        );
      })}
      {absent.length > 0 && !readOnly && isObject(value) && (
        <select
          className="add-field"
          aria-label="添加字段"
          value=""
          onChange={(e) => {
            const k = e.target.value;
            if (k) run(setValue(child(pointer, k), emptyValue(schema.properties?.[k])));
          }}
        >
          <option value="">+ 添加字段…</option>
          {absent.map(([k, s]) => (
            <option key={k} value={k}>
              {labelOf(s, k)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

/** A map (field value → points): a two-column grid; keys are renamed in place. */
function MapField({ schema, pointer, value }: { schema: Schema | undefined; pointer: string; value: Json | undefined }) {
  const { run, readOnly } = useForm();
  const obj = isObject(value) ? value : {};
  const [newKey, setNewKey] = useState('');
  return (
    <table className="grid map">
      <tbody>
        {Object.entries(obj).map(([k, v]) => (
          <tr key={k}>
            <td>
              <KeyInput value={k} readOnly={readOnly} onRename={(to) => run(renameKey(pointer, k, to))} taken={(to) => to in obj} />
            </td>
            <td>
              <SchemaField schema={schema} pointer={child(pointer, k)} value={v} />
            </td>
            <td>{!readOnly && <button type="button" className="icon" aria-label={`删除取值 ${k}`} onClick={() => run(setValue(child(pointer, k), undefined))}>×</button>}</td>
          </tr>
        ))}
        {!readOnly && (
          <tr>
            <td>
              <input placeholder="新的取值" value={newKey} onChange={(e) => setNewKey(e.target.value)} aria-label="新的取值" />
            </td>
            <td colSpan={2}>
              <button type="button" disabled={!newKey || newKey in obj} onClick={() => (run(setValue(child(pointer, newKey), emptyValue(schema))), setNewKey(''))}>
                添加
              </button>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function KeyInput({ value, readOnly, onRename, taken }: { value: string; readOnly: boolean; onRename: (to: string) => void; taken: (k: string) => boolean }) {
  const [text, setText] = useState(value);
  const commit = () => {
    if (text && text !== value && !taken(text)) onRename(text);
    else setText(value);
  };
  return <input value={text} readOnly={readOnly} aria-label={`取值 ${value}`} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />;
}
