/**
 * A deduction or bonus rule read as a sentence with blanks:
 * 「[事项▾] 每次扣 [2] 分;同组合计最多扣 [6] 分;依据 [条款]」. Amounts by a
 * table or a range, conditions and modifiers are shown in words and edited
 * under 高级. Every blank is a document command (undo/redo).
 */
import { useState } from 'react';
import { getAt, isObject, removeItem, setValue, type Json } from '../document/index.ts';
import { useForm } from '../views/form/form-context.ts';
import { setRulePoints } from './adjustment-commands.ts';
import { factTypesOf } from './fact-fields.ts';
import { FactTypeFields } from './fact-type-fields.tsx';
import { NumberBlank } from './number-blank.tsx';
import { useCreate } from './use-create.ts';

export type Verb = '扣' | '加';

export function RuleSentence({ doc, methodPointer, index, verb }: { doc: Json; methodPointer: string; index: number; verb: Verb }) {
  const { run, readOnly, select } = useForm();
  const create = useCreate();
  const [open, setOpen] = useState(false);
  const at = `${methodPointer}/rules/${index}`;
  const rule = getAt(doc, at);
  if (!isObject(rule)) return null;
  const name = typeof rule.name === 'string' ? rule.name : '';
  const facts = factTypesOf(doc);
  const fact = facts.find((f) => f.id === rule.factType);
  const points = isObject(rule.points) ? rule.points : undefined;
  const groups = getAt(doc, `${methodPointer}/groups`);
  const group = Array.isArray(groups) ? groups.find((g) => isObject(g) && g.id === rule.group) : undefined;
  const cap = isObject(group) && typeof group.cap === 'number' ? group.cap : undefined;
  const shared = Array.isArray(getAt(doc, `${methodPointer}/rules`)) ? (getAt(doc, `${methodPointer}/rules`) as Json[]).filter((r) => isObject(r) && rule.group !== undefined && r.group === rule.group).length : 0;
  const what = `规则“${name}”`;
  return (
    <li className="sentence" data-rule={at}>
      <div className="sentence-line">
        <select aria-label={`${what}的事项`} value={fact?.id ?? ''} disabled={readOnly} onChange={(e) => run(setValue(`${at}/factType`, e.target.value))}>
          {!fact && <option value="">(未选事项)</option>}
          {facts.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        {rule.when !== undefined && <span className="muted">(符合条件时)</span>}
        <span>每次{verb}</span>
        {points === undefined || points.kind === 'fixed' ? (
          <NumberBlank value={typeof points?.value === 'number' ? points.value : undefined} label={`${what}每次${verb}分`} readOnly={readOnly} allowEmpty onCommit={(v) => run(setRulePoints(at, v), { mergeKey: `${at}/points` })} />
        ) : (
          <span className="muted">{points.kind === 'table' ? '按查表分值' : `${String(points.min)}—${String(points.max)}(视情)`}</span>
        )}
        <span>分;</span>
        <span>{shared > 1 ? `与另 ${shared - 1} 条规则同组,` : '同组'}合计最多{verb}</span>
        <NumberBlank value={cap} label={`${what}同组合计最多${verb}分`} readOnly={readOnly} onCommit={(v) => v !== undefined && create((m, d) => m.setRuleCap(d, methodPointer, index, v), undefined, `${at}/cap`)} />
        <span>分;依据</span>
        <input className="blank source" aria-label={`${what}的依据条款`} value={typeof rule.source === 'string' ? rule.source : ''} readOnly={readOnly} placeholder="文件条款" onChange={(e) => run(setValue(`${at}/source`, e.target.value), { mergeKey: `${at}/source` })} />
        <span className="row-actions">
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? '收起' : '事项字段'}
          </button>
          <button type="button" className="link" onClick={() => select(at, { reveal: true, clause: true })}>
            条款原文
          </button>
          {!readOnly && (
            <button type="button" className="icon" aria-label={`删除${what}`} onClick={() => run(removeItem(`${methodPointer}/rules`, index))}>
              ×
            </button>
          )}
        </span>
      </div>
      {open && fact && <FactTypeFields doc={doc} factTypePointer={`/factTypes/${fact.index}`} name={fact.name} />}
    </li>
  );
}
