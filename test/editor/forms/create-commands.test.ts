/**
 * Issue 18 item 2: the deduction sentence's edits as document commands,
 * without a browser. The capped media rule 「被市级以上媒体曝光 每次扣2分,最多扣6分」
 * added to pingyang-2021's 监督检查评价 (四(一)4, a 20-point deduction) gives a
 * valid scheme in one undo step; a rule without points is a problem in words.
 */
import { describe, expect, it } from 'vitest';
import { validateScheme } from '../../../engine/index.ts';
import { DocumentStore, getAt, setValue, type Json } from '../../../editor/src/document/index.ts';
import { setRulePoints } from '../../../editor/src/forms/adjustment-commands.ts';
import { addFactField, addIndicator, addRule, setRuleCap } from '../../../editor/src/forms/create-commands.ts';
import { factFields } from '../../../editor/src/forms/fact-fields.ts';
import { loadScheme } from '../document/shipped-docs.ts';

const SUPERVISION = '/indicators/0/children/3';
const METHOD = `${SUPERVISION}/method`;
const MEDIA = '被市级以上媒体曝光';

function pingyang() {
  const doc = loadScheme('pingyang-2021');
  expect(getAt(doc, `${SUPERVISION}/name`)).toBe('监督检查评价');
  return doc;
}

describe('adding a rule from the deduction sentence', () => {
  it('creates the fact type, the rule and its capped group in one undo step, and the scheme validates', () => {
    const doc = pingyang();
    const store = new DocumentStore(doc);
    const rules = (getAt(doc, `${METHOD}/rules`) as Json[]).length;
    const facts = (getAt(doc, '/factTypes') as Json[]).length;
    const { command, rulePointer } = addRule(doc, METHOD, { factName: MEDIA, points: 2, cap: 6, source: '四(一)4' });
    store.execute(command);
    const after = store.state.doc;
    expect(rulePointer).toBe(`${METHOD}/rules/${rules}`);
    expect(getAt(after, `/factTypes/${facts}`)).toMatchObject({ id: 'fact-bei-shi-ji-yi-shang-mei-ti-bao-guang', name: MEDIA, target: 'unit', dateField: 'date' });
    expect(getAt(after, rulePointer)).toEqual({
      id: 'rule-bei-shi-ji-yi-shang-mei-ti-bao-guang',
      name: MEDIA,
      source: '四(一)4',
      factType: 'fact-bei-shi-ji-yi-shang-mei-ti-bao-guang',
      points: { kind: 'fixed', value: 2 },
      group: 'group-bei-shi-ji-yi-shang-mei-ti-bao-guang',
    });
    expect(getAt(after, `${METHOD}/groups`)).toEqual([{ id: 'group-bei-shi-ji-yi-shang-mei-ti-bao-guang', name: MEDIA, cap: 6, source: '四(一)4' }]);
    expect(validateScheme(after).issues).toEqual([]);
    store.undo();
    expect(store.state.doc).toEqual(doc);
  });

  it('uses the fact type of that name when there is one, and gives the second rule of a name its own id', () => {
    const doc = pingyang();
    const first = addRule(doc, METHOD, { factName: MEDIA, points: 2, cap: undefined, source: '四(一)4' }).command.execute(doc);
    const facts = (getAt(first, '/factTypes') as Json[]).length;
    const second = addRule(first, METHOD, { factName: MEDIA, points: 1, cap: undefined, source: '四(一)4' });
    const after = second.command.execute(first);
    expect((getAt(after, '/factTypes') as Json[]).length).toBe(facts);
    expect(getAt(after, `${second.rulePointer}/id`)).toBe('rule-bei-shi-ji-yi-shang-mei-ti-bao-guang-2');
    expect(getAt(after, `${second.rulePointer}/factType`)).toBe('fact-bei-shi-ji-yi-shang-mei-ti-bao-guang');
  });

  it('adds no made-up amount: without points the engine asks 请填写扣分分值 at the rule, until one is given', () => {
    const doc = pingyang();
    const { command, rulePointer } = addRule(doc, METHOD, { factName: MEDIA, points: undefined, cap: undefined, source: '四(一)4' });
    const after = command.execute(doc);
    expect(getAt(after, `${rulePointer}/points`)).toBeUndefined();
    expect(validateScheme(after).issues.map((i) => [i.code, i.path, i.message.zh])).toEqual([['missing-points', `${rulePointer}/points`, '请填写扣分分值']]);
    const given = setRulePoints(rulePointer, 2).execute(after);
    expect(validateScheme(given).issues).toEqual([]);
    // 20 is the whole indicator; 25 is beyond it (四(一)4's 监督检查评价 is worth 20)
    expect(validateScheme(setRulePoints(rulePointer, 25).execute(after)).issues.map((i) => i.code)).toEqual(['rule-points-over-max']);
  });

  it('a cap typed on a rule without a group makes one for it; on a grouped rule it sets the group cap', () => {
    const doc = pingyang();
    const { command, rulePointer } = addRule(doc, METHOD, { factName: MEDIA, points: 2, cap: undefined, source: '四(一)4' });
    const added = command.execute(doc);
    const index = Number(rulePointer.split('/').pop());
    const capped = setRuleCap(added, METHOD, index, 6).execute(added);
    expect(getAt(capped, `${rulePointer}/group`)).toBe('group-bei-shi-ji-yi-shang-mei-ti-bao-guang');
    expect(getAt(capped, `${METHOD}/groups/0/cap`)).toBe(6);
    const raised = setRuleCap(capped, METHOD, index, 8).execute(capped);
    expect(getAt(raised, `${METHOD}/groups`)).toEqual([{ id: 'group-bei-shi-ji-yi-shang-mei-ti-bao-guang', name: MEDIA, cap: 8, source: '四(一)4' }]);
    expect(validateScheme(raised).issues).toEqual([]);
  });

  it('a renamed fact type keeps its id: ids are made once, never re-derived', () => {
    const doc = pingyang();
    const added = addRule(doc, METHOD, { factName: MEDIA, points: 2, cap: undefined, source: '四(一)4' }).command.execute(doc);
    const at = `/factTypes/${(getAt(added, '/factTypes') as Json[]).length - 1}`;
    const renamed = setValue(`${at}/name`, '被县级以上媒体曝光').execute(added);
    expect(getAt(renamed, `${at}/id`)).toBe('fact-bei-shi-ji-yi-shang-mei-ti-bao-guang');
    expect(validateScheme(renamed).issues).toEqual([]);
  });
});

describe('fact fields named in Chinese and typed by picking', () => {
  it('writes the JSON Schema of each picked type and reads it back by name and type', () => {
    const doc = pingyang();
    const added = addRule(doc, METHOD, { factName: MEDIA, points: 2, cap: undefined, source: '四(一)4' }).command.execute(doc);
    const at = `/factTypes/${(getAt(added, '/factTypes') as Json[]).length - 1}`;
    let d = addFactField(added, at, '曝光级别', 'choice', ['省级', '市级']).execute(added);
    d = addFactField(d, at, '涉及人数', 'count').execute(d);
    d = addFactField(d, at, '是否整改', 'yesno').execute(d);
    expect(getAt(d, `${at}/fields/properties`)).toEqual({
      date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期' },
      bao_guang_ji_bie: { enum: ['sheng_ji', 'shi_ji'], description: '曝光级别' },
      she_ji_ren_shu: { type: 'integer', minimum: 0, description: '涉及人数' },
      shi_fou_zheng_gai: { type: 'boolean', description: '是否整改' },
    });
    expect(getAt(d, `${at}/labels`)).toEqual({ sheng_ji: '省级', shi_ji: '市级' });
    expect(factFields(d, at).map((f) => [f.name, f.type, f.options.map((o) => o.label).join('、')])).toEqual([
      ['日期', 'date', ''],
      ['曝光级别', 'choice', '省级、市级'],
      ['涉及人数', 'count', ''],
      ['是否整改', 'yesno', ''],
    ]);
    expect(validateScheme(d).issues).toEqual([]);
  });
});

describe('a new indicator', () => {
  it('takes its id from the name the clerk gave, never a placeholder', () => {
    const doc = pingyang();
    const n = (getAt(doc, '/indicators') as Json[]).length;
    const after = addIndicator(doc, '/indicators', n, '营商环境评价').execute(doc);
    expect(getAt(after, `/indicators/${n}`)).toEqual({ id: 'ind-ying-shang-huan-jing-ping-jia', name: '营商环境评价', points: 0 });
  });
});
