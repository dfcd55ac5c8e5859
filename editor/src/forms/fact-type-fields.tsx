/**
 * A fact type edited where the rule needs it: its name and its fields, each
 * named in Chinese and typed by picking (日期 / 数量 / 选项…). Keys are made
 * from the names and stay behind 技术信息.
 */
import { useState } from 'react';
import { setValue, type Json } from '../document/index.ts';
import { Tech } from '../i18n/tech-info.tsx';
import { useForm } from '../views/form/form-context.ts';
import { factFields, FIELD_TYPE_ORDER, FIELD_TYPES, type FieldType } from './fact-fields.ts';
import { useCreate } from './use-create.ts';

export function FactTypeFields({ doc, factTypePointer, name }: { doc: Json; factTypePointer: string; name: string }) {
  const { run, readOnly } = useForm();
  const create = useCreate();
  const [fieldName, setFieldName] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const [options, setOptions] = useState('');
  const fields = factFields(doc, factTypePointer);
  const add = () => {
    if (!fieldName.trim()) return;
    const name = fieldName.trim();
    const values = type === 'choice' ? options.split(/[、,,;;\s]+/).filter(Boolean) : [];
    create((m, d) => m.addFactField(d, factTypePointer, name, type, values));
    setFieldName('');
    setOptions('');
  };
  return (
    <div className="fact-type-fields" role="group" aria-label={`事项“${name}”的字段`}>
      <label>
        事项名称
        <input value={name} readOnly={readOnly} aria-label="事项名称" onChange={(e) => e.target.value && run(setValue(`${factTypePointer}/name`, e.target.value), { mergeKey: `${factTypePointer}/name` })} />
      </label>
      <ul className="fact-fields">
        {fields.map((f) => (
          <li key={f.key}>
            {f.name} · {f.type ? FIELD_TYPES[f.type].label : '其他(见高级)'}
            {f.options.length > 0 && <span className="muted">:{f.options.map((o) => o.label).join('、')}</span>}
            <Tech>
              <code>{f.key}</code>
            </Tech>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <div className="add-field-line">
          <input aria-label="新字段名称" placeholder="新字段名称,如 曝光级别" value={fieldName} onChange={(e) => setFieldName(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229 && add()} />
          <select aria-label="新字段类型" value={type} onChange={(e) => setType(e.target.value as FieldType)}>
            {FIELD_TYPE_ORDER.map((t) => (
              <option key={t} value={t}>
                {FIELD_TYPES[t].label}
              </option>
            ))}
          </select>
          {type === 'choice' && <input aria-label="选项" placeholder="选项,用顿号分隔:省级、市级" value={options} onChange={(e) => setOptions(e.target.value)} />}
          <button type="button" disabled={!fieldName.trim()} onClick={add}>
            添加字段
          </button>
        </div>
      )}
    </div>
  );
}
