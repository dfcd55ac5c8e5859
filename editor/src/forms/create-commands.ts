/**
 * The edits that create, as document commands (one undo step each): a rule —
 * with its new fact type and its group's cap when the sentence asks for
 * them —, a group for a rule's cap, a fact field. A rule is added without
 * points when none were given: the engine then says 请填写扣分分值 instead of
 * a made-up amount scoring silently. Loaded on first use (pinyin-pro).
 */
import { batch, getAt, insertItem, isObject, pointerOf, setValue, type Command, type Json, type JsonObject } from '../document/index.ts';
import { factTypesOf, FIELD_TYPES, newFactType, type FieldType } from './fact-fields.ts';
import { fieldKey, newId, slugOf, takenIds } from './new-id.ts';

export interface RuleDraft {
  /** The fact type's name: an existing one is used, a new one is created. */
  factName: string;
  points: number | undefined;
  /** 同组合计最多: a new group with this cap, just for this rule. */
  cap: number | undefined;
  source: string;
}

/** The command adding `draft` to the method at `methodPointer`, and the pointer of the new rule. */
export function addRule(doc: Json, methodPointer: string, draft: RuleDraft): { command: Command; rulePointer: string } {
  const name = draft.factName.trim();
  if (!name) throw new Error('a rule needs the name of what it counts');
  const taken = takenIds(doc);
  const commands: Command[] = [];
  const existing = factTypesOf(doc).find((f) => f.name === name);
  let factType = existing?.id;
  if (!factType) {
    factType = newId('fact', name, taken);
    commands.push(insertItem('/factTypes', factTypesOf(doc).length, newFactType(factType, name, draft.source)));
  }
  const method = getAt(doc, methodPointer);
  const rules = isObject(method) && Array.isArray(method.rules) ? method.rules : [];
  const rule: JsonObject = { id: newId('rule', name, taken), name, source: draft.source, factType };
  if (draft.points !== undefined) rule.points = { kind: 'fixed', value: draft.points };
  if (draft.cap !== undefined) {
    const groups = isObject(method) && Array.isArray(method.groups) ? method.groups : undefined;
    const group = { id: newId('group', name, taken), name, cap: draft.cap, source: draft.source };
    rule.group = group.id;
    commands.push(groups ? insertItem(`${methodPointer}/groups`, groups.length, group) : setValue(`${methodPointer}/groups`, [group]));
  }
  commands.push(insertItem(`${methodPointer}/rules`, rules.length, rule));
  return { command: batch(`添加规则“${name}”`, commands), rulePointer: `${methodPointer}/rules/${rules.length}` };
}

/**
 * The cap of the rule's group; a rule without a group gets one of its own.
 * `undefined` leaves an existing group's cap alone: a cap is removed by
 * taking the rule out of its group (another rule may share it).
 */
export function setRuleCap(doc: Json, methodPointer: string, ruleIndex: number, cap: number): Command {
  const method = getAt(doc, methodPointer);
  const rule = getAt(doc, `${methodPointer}/rules/${ruleIndex}`);
  if (!isObject(method) || !isObject(rule)) throw new Error(`no rule ${ruleIndex} at ${methodPointer}`);
  const groups = Array.isArray(method.groups) ? method.groups : [];
  const gi = groups.findIndex((g) => isObject(g) && g.id === rule.group);
  if (gi >= 0) return setValue(`${methodPointer}/groups/${gi}/cap`, cap);
  const name = typeof rule.name === 'string' ? rule.name : '规则组';
  const group = { id: newId('group', name, takenIds(doc)), name, cap, source: typeof rule.source === 'string' ? rule.source : '' };
  return batch(`“${name}”同组合计上限`, [
    Array.isArray(method.groups) ? insertItem(`${methodPointer}/groups`, groups.length, group) : setValue(`${methodPointer}/groups`, [group]),
    setValue(`${methodPointer}/rules/${ruleIndex}/group`, group.id),
  ]);
}

/** Add a field named `name` of type `type` (for a choice, its options in words: 省级、市级…). */
export function addFactField(doc: Json, factTypePointer: string, name: string, type: FieldType, options: string[] = []): Command {
  const props = getAt(doc, `${factTypePointer}/fields/properties`);
  const key = fieldKey(name, isObject(props) ? Object.keys(props) : []);
  const taken = new Set<string>();
  const values = options.map((o) => {
    let v = slugOf(o).replace(/-/g, '_') || 'option';
    for (let n = 2; taken.has(v); n++) v = `${slugOf(o).replace(/-/g, '_') || 'option'}_${n}`;
    taken.add(v);
    return v;
  });
  const schema: JsonObject = { ...FIELD_TYPES[type].schema(values), description: name };
  const commands = [setValue(`${factTypePointer}/fields/properties${pointerOf([key])}`, schema)];
  if (type === 'choice' && values.length > 0) {
    const labels = getAt(doc, `${factTypePointer}/labels`);
    const next: JsonObject = { ...(isObject(labels) ? labels : {}) };
    values.forEach((v, i) => (next[v] = options[i] ?? v));
    commands.push(setValue(`${factTypePointer}/labels`, next));
  }
  return batch(`添加字段“${name}”`, commands);
}

/** A new indicator named by the clerk; its id comes from that name (ind-…) and stays when it is renamed. */
export function addIndicator(doc: Json, arrayPointer: string, index: number, name: string): Command {
  return insertItem(arrayPointer, index, { id: newId('ind', name, takenIds(doc)), name, points: 0 });
}
