/**
 * A deduction or bonus table as sentences, and one more sentence with empty
 * blanks to add a rule: 「[事项] 每次扣 [ ] 分;同组合计最多扣 [ ] 分;依据 […]
 * [添加]」. A new 事项 name creates its fact type in the same undo step; the
 * 依据 blank starts from the indicator's own clause, in sight, to be changed.
 */
import { useState } from 'react';
import { getAt, isObject, type Json } from '../document/index.ts';
import { useForm } from '../views/form/form-context.ts';
import { RuleSentence, type Verb } from './adjustment-sentence.tsx';
import { factTypesOf } from './fact-fields.ts';
import { NumberBlank } from './number-blank.tsx';
import { useCreate } from './use-create.ts';

export interface MethodFormProps {
  doc: Json;
  /** The indicator's pointer; its method is at `${pointer}/method`. */
  pointer: string;
}

export function AdjustmentForm({ doc, pointer, verb }: MethodFormProps & { verb: Verb }) {
  const { readOnly } = useForm();
  const methodPointer = `${pointer}/method`;
  const rules = getAt(doc, `${methodPointer}/rules`);
  const [adding, setAdding] = useState(false);
  const noun = verb === '扣' ? '扣分规则' : '加分规则';
  return (
    <section className="domain-form" aria-label={noun}>
      <h3>{noun}</h3>
      <ol className="sentences">
        {(Array.isArray(rules) ? rules : []).map((_, i) => (
          <RuleSentence key={i} doc={doc} methodPointer={methodPointer} index={i} verb={verb} />
        ))}
      </ol>
      {!readOnly &&
        (adding ? (
          <NewRule doc={doc} pointer={pointer} verb={verb} done={() => setAdding(false)} />
        ) : (
          <button type="button" className="add-row" onClick={() => setAdding(true)}>
            + 添加{noun}
          </button>
        ))}
    </section>
  );
}

function NewRule({ doc, pointer, verb, done }: MethodFormProps & { verb: Verb; done: () => void }) {
  const { select } = useForm();
  const create = useCreate();
  const indicator = getAt(doc, pointer);
  const method = getAt(doc, `${pointer}/method`);
  const clause = (isObject(method) && typeof method.source === 'string' && method.source) || (isObject(indicator) && typeof indicator.source === 'string' && indicator.source) || '';
  const [fact, setFact] = useState('');
  const [points, setPoints] = useState<number>();
  const [cap, setCap] = useState<number>();
  const [source, setSource] = useState(clause);
  const facts = factTypesOf(doc);
  const isNew = fact.trim() !== '' && !facts.some((f) => f.name === fact.trim());
  const add = () => {
    if (!fact.trim()) return;
    create(
      (m, d) => {
        const { command, rulePointer } = m.addRule(d, `${pointer}/method`, { factName: fact, points, cap, source });
        // the new rule is selected once the command has run
        queueMicrotask(() => select(rulePointer, { reveal: true }));
        return command;
      },
      done,
    );
  };
  return (
    <div className="sentence-line new-rule" role="group" aria-label={`新${verb === '扣' ? '扣分' : '加分'}规则`}>
      <input
        className="blank fact"
        autoFocus
        list="fact-type-names"
        aria-label="事项"
        placeholder="事项,如 被市级以上媒体曝光"
        value={fact}
        onChange={(e) => setFact(e.target.value)}
        // Enter that confirms a pinyin candidate must not add the rule
        onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && e.keyCode !== 229 && add()}
      />
      <datalist id="fact-type-names">
        {facts.map((f) => (
          <option key={f.id} value={f.name} />
        ))}
      </datalist>
      <span>每次{verb}</span>
      <NumberBlank value={points} label={`每次${verb}分`} readOnly={false} allowEmpty onCommit={setPoints} />
      <span>分;同组合计最多{verb}</span>
      <NumberBlank value={cap} label={`同组合计最多${verb}分`} readOnly={false} allowEmpty onCommit={setCap} />
      <span>分;依据</span>
      <input className="blank source" aria-label="依据条款" placeholder="文件条款" value={source} onChange={(e) => setSource(e.target.value)} />
      <button type="button" className="primary" disabled={!fact.trim()} onClick={add}>
        添加
      </button>
      <button type="button" className="link" onClick={done}>
        取消
      </button>
      {isNew && <p className="muted small hint">将新建事项“{fact.trim()}”(记录日期;其他字段可在添加后补充)</p>}
    </div>
  );
}
