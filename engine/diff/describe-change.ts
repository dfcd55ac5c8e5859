/**
 * The one-line summary of a change, in Chinese for policy staff and English
 * for engineers. Chinese names the item by its name and id (“服务对象评价”
 * (satisfaction)); English by its id, which is already an English slug.
 */
import { compareCodePoints, DEFAULT_SCHEME_KEY_ORDER } from '../format/canonical-json.ts';
import type { CategoryList, ChangeBody, FlowList, MethodItemList, Place, Ref, RuleAspect, Text } from './change.ts';

type Lang = 'zh' | 'en';
const MAX = 100;

/** A value for a one-line summary: numbers and strings as written, windows and points in their usual notation, other objects as compact JSON. */
export function show(v: unknown, lang: Lang): string {
  if (v === undefined) return lang === 'zh' ? '(无)' : '(none)';
  if (typeof v === 'string') return lang === 'zh' ? `“${v}”` : JSON.stringify(v);
  if (typeof v !== 'object' || v === null) return String(v);
  const o = v as Record<string, unknown>;
  if (typeof o.from === 'string' && typeof o.to === 'string' && Object.keys(o).every((k) => ['from', 'to', 'source'].includes(k))) return `${o.from}–${o.to}`;
  if (typeof o.digits === 'number' && typeof o.mode === 'string') return lang === 'zh' ? `保留 ${o.digits} 位 ${o.mode}` : `${o.digits} digits ${o.mode}`;
  if (o.kind === 'fixed' && typeof o.value === 'number') return String(o.value);
  if (o.kind === 'range') return `${String(o.min)}–${String(o.max)} (${String(o.field)})`;
  if (o.kind === 'table' && typeof o.values === 'object' && o.values !== null) {
    return `${String(o.field)}: ` + Object.entries(o.values as Record<string, unknown>).sort(([x], [y]) => compareCodePoints(x, y)).map(([k, x]) => `${k}=${String(x)}`).join(', ');
  }
  const text = JSON.stringify(v, ordered);
  return text.length > MAX ? text.slice(0, MAX - 1) + '…' : text;
}

/** Whether {@link show} prints the value whole; long arrays and objects are cut to one line, and the reports then print them in full. */
export function shownWhole(v: unknown): boolean {
  return !show(v, 'en').endsWith('…');
}

/** The value in full, keys in the canonical order, for the reports' full-value blocks. */
export function showFull(v: unknown): string {
  return JSON.stringify(v, ordered, 2) ?? '(none)';
}

const KEY_RANK = new Map(DEFAULT_SCHEME_KEY_ORDER.map((k, i) => [k, i]));
const compareKeys = (a: string, b: string) => (KEY_RANK.get(a) ?? Infinity) - (KEY_RANK.get(b) ?? Infinity) || compareCodePoints(a, b);

/** JSON.stringify replacer printing keys in the canonical order, so a summary never depends on how the file ordered them. */
function ordered(_key: string, v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  return Object.fromEntries(Object.keys(o).sort(compareKeys).map((k) => [k, o[k]]));
}

/**
 * `before → after`. Two objects of the same shape show only the leaves that
 * differ (`otherwise: “roster-order” → “shared”`), so the one line says what
 * changed instead of printing two long blocks that differ somewhere.
 */
function arrow(before: unknown, after: unknown): Text {
  // fixed and range points read best whole ("1 → 2", "3–5 → 2–5")
  const whole = isPlain(before) && (before.kind === 'fixed' || before.kind === 'range');
  const parts = isPlain(before) && isPlain(after) && before.kind === after.kind && !whole ? leaves(before, after, '') : undefined;
  if (parts && parts.length > 0 && parts.length <= 3) {
    return {
      zh: parts.map(([p, x, y]) => `${p}:${show(x, 'zh')} → ${show(y, 'zh')}`).join(';'),
      en: parts.map(([p, x, y]) => `${p}: ${show(x, 'en')} → ${show(y, 'en')}`).join('; '),
    };
  }
  return { zh: `${show(before, 'zh')} → ${show(after, 'zh')}`, en: `${show(before, 'en')} → ${show(after, 'en')}` };
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Differing leaves of two objects (keys in canonical order). Objects of the
 * same kind and arrays of the same length are entered (`all/0/value`); other
 * values are leaves.
 */
function leaves(a: Record<string, unknown> | unknown[], b: Record<string, unknown> | unknown[], at: string): Array<[string, unknown, unknown]> {
  const keys = Array.isArray(a) ? a.map((_, i) => String(i)) : [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareKeys);
  const get = (o: Record<string, unknown> | unknown[], k: string) => (Array.isArray(o) ? o[Number(k)] : o[k]);
  return keys.flatMap((k): Array<[string, unknown, unknown]> => {
    const x = get(a, k);
    const y = get(b, k);
    const path = at ? `${at}/${k}` : k;
    if (JSON.stringify(x, ordered) === JSON.stringify(y, ordered)) return [];
    if (isPlain(x) && isPlain(y) && x.kind === y.kind) return leaves(x, y, path);
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length) return leaves(x, y, path);
    return [[path, x, y]];
  });
}
const zhRef = (r: Ref) => (r.name && r.name !== r.id ? `“${r.name}”(${r.id})` : r.id);
const placeZh = (p: Place) => `${p.parent === null ? '顶层' : ` ${p.parent}${p.variant !== undefined ? `(变体 ${p.variant})` : ''} 下`}第 ${p.index + 1} 项`;
const placeEn = (p: Place) => `${p.parent ?? 'top level'}${p.variant !== undefined ? ` (variant ${p.variant})` : ''} #${p.index + 1}`;

const META_ZH: Record<string, string> = {
  id: '标识', name: '名称', nameEn: '英文名称', jurisdiction: '地区', year: '年度', version: '版本', basedOn: '所依据版本', description: '说明', source: '出处', totalPoints: '总分',
};
const CATEGORY_ZH: Record<CategoryList, string> = { categories: '参评单位类别', parentCategories: '主管单位类别' };
const FLOW_ZH: Record<FlowList, string> = { exemption: '免评规则', selection: '筛选', ranking: '排名', classification: '等次', consequence: '结果运用', assumption: '假定参数' };
const ITEM_ZH: Record<MethodItemList, string> = { groups: '分组', grades: '等次', levels: '档次' };
const ITEM_EN: Record<MethodItemList, string> = { groups: 'group', grades: 'grade', levels: 'level' };
const ASPECT_ZH: Record<RuleAspect, string> = {
  name: '名称', source: '出处', 'fact-type': '事实类型', condition: '条件', points: '分值', range: '分值区间', quantity: '数量字段', group: '规则组', modifiers: '修正项', position: '顺序', other: '',
};
const PROPERTY_ZH: Record<string, string> = {
  name: '名称', nameEn: '英文名称', source: '出处', description: '说明', outsideTotal: '分值外计分', aggregate: '汇总方式', requires: '入选限定', target: '对象', dateField: '日期字段',
  basis: '依据', pool: '范围', groupBy: '分组', top: '前 N 名', bottom: '后 N 名', carryOver: '直接列入', count: '个数', percent: '比例', rounding: '取整', within: '范围(within)',
  excludes: '排除', from: '方向', ranking: '排名', class: '等次', measure: '计分对象', points: '分值', note: '说明', replaces: '取代', kind: '类型', outcome: '结果', yearsAgo: '年份',
  when: '条件', factor: '系数', value: '分值', min: '下限', max: '上限', maxExclusive: '上限不含', base: '基础分', cap: '上限', freeTop: '免扣名次', perPlace: '每名扣分', owners: '组织实施单位', pointer: '指向', clause: '条款', noteEn: '英文说明', position: '顺序',
};
/** The Chinese name of a property; one without a name is shown as written, set off by spaces. */
const prop = (p: string) => PROPERTY_ZH[p] ?? ` ${p} `;

/** `before → after`, with list positions shown 1-based as a person counts them. */
function changed(property: string, before: unknown, after: unknown): Text {
  if (property === 'position' && typeof before === 'number' && typeof after === 'number') return arrow(before + 1, after + 1);
  return arrow(before, after);
}

export function describeChange(c: ChangeBody): Text {
  switch (c.kind) {
    case 'metadata-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `方案${META_ZH[c.field] ?? c.field}:${t.zh}`, en: `scheme ${c.field}: ${t.en}` };
    }
    case 'category-added':
      return { zh: `新增${CATEGORY_ZH[c.list]} ${zhRef(c.category)}`, en: `${c.list} ${c.category.id} added` };
    case 'category-removed':
      return { zh: `删除${CATEGORY_ZH[c.list]} ${zhRef(c.category)}`, en: `${c.list} ${c.category.id} removed` };
    case 'category-changed': {
      const t = changed(c.property, c.before, c.after);
      return { zh: `${CATEGORY_ZH[c.list]} ${zhRef(c.category)} 的${prop(c.property)}:${t.zh}`, en: `${c.list} ${c.category.id} ${c.property}: ${t.en}` };
    }
    case 'fact-type-added':
      return { zh: `新增事实类型 ${zhRef(c.factType)}`, en: `fact type ${c.factType.id} added` };
    case 'fact-type-removed':
      return { zh: `删除事实类型 ${zhRef(c.factType)}`, en: `fact type ${c.factType.id} removed` };
    case 'fact-type-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `事实类型 ${zhRef(c.factType)} 的${prop(c.property)}:${t.zh}`, en: `fact type ${c.factType.id} ${c.property}: ${t.en}` };
    }
    case 'fact-field-added':
      return { zh: `事实类型 ${zhRef(c.factType)} 新增字段 ${c.field}${c.required ? '(必填)' : ''}`, en: `fact type ${c.factType.id}: field ${c.field} added${c.required ? ' (required)' : ''}` };
    case 'fact-field-removed':
      return { zh: `事实类型 ${zhRef(c.factType)} 删除字段 ${c.field}`, en: `fact type ${c.factType.id}: field ${c.field} removed` };
    case 'fact-field-changed': {
      if (c.aspect === 'required') {
        return c.after === true
          ? { zh: `事实类型 ${zhRef(c.factType)} 字段 ${c.field} 改为必填`, en: `fact type ${c.factType.id}: field ${c.field} now required` }
          : { zh: `事实类型 ${zhRef(c.factType)} 字段 ${c.field} 改为选填`, en: `fact type ${c.factType.id}: field ${c.field} now optional` };
      }
      const t = arrow(c.before, c.after);
      return { zh: `事实类型 ${zhRef(c.factType)} 字段 ${c.field} 的定义:${t.zh}`, en: `fact type ${c.factType.id}: field ${c.field} schema: ${t.en}` };
    }
    case 'indicator-added':
      return { zh: `新增指标 ${zhRef(c.indicator)},位于${placeZh(c.place)}`, en: `indicator ${c.indicator.id} added at ${placeEn(c.place)}` };
    case 'indicator-removed':
      return { zh: `删除指标 ${zhRef(c.indicator)}(原位于${placeZh(c.place)})`, en: `indicator ${c.indicator.id} removed (was at ${placeEn(c.place)})` };
    case 'indicator-moved':
      return { zh: `指标 ${zhRef(c.indicator)} 由${placeZh(c.from)}移至${placeZh(c.to)}`, en: `indicator ${c.indicator.id} moved from ${placeEn(c.from)} to ${placeEn(c.to)}` };
    case 'indicator-renamed': {
      const t = arrow(c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} ${c.field === 'name' ? '更名' : '英文名称'}:${t.zh}`, en: `indicator ${c.indicator.id} renamed${c.field === 'nameEn' ? ' (English)' : ''}: ${t.en}` };
    }
    case 'points-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} ${c.field === 'points' ? '分值' : '百分比'}:${t.zh}`, en: `indicator ${c.indicator.id} ${c.field}: ${t.en}` };
    }
    case 'indicator-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} 的${prop(c.property)}:${t.zh}`, en: `indicator ${c.indicator.id} ${c.property}: ${t.en}` };
    }
    case 'variant-added':
      return { zh: `指标 ${zhRef(c.indicator)} 新增变体 ${zhRef(c.variant)}`, en: `indicator ${c.indicator.id}: variant ${c.variant.id} added` };
    case 'variant-removed':
      return { zh: `指标 ${zhRef(c.indicator)} 删除变体 ${zhRef(c.variant)}`, en: `indicator ${c.indicator.id}: variant ${c.variant.id} removed` };
    case 'variant-changed': {
      const t = changed(c.property, c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} 变体 ${zhRef(c.variant)} 的${prop(c.property)}:${t.zh}`, en: `indicator ${c.indicator.id}: variant ${c.variant.id} ${c.property}: ${t.en}` };
    }
    case 'method-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} 计分方法:${t.zh}`, en: `indicator ${c.indicator.id} method: ${t.en}` };
    }
    case 'method-parameter-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)}(${c.method})参数 ${c.parameter}:${t.zh}`, en: `indicator ${c.indicator.id} (${c.method}) ${c.parameter}: ${t.en}` };
    }
    case 'method-item-added':
      return { zh: `指标 ${zhRef(c.indicator)} 新增${ITEM_ZH[c.list]} ${zhRef(c.item)}`, en: `indicator ${c.indicator.id}: ${ITEM_EN[c.list]} ${c.item.id} added` };
    case 'method-item-removed':
      return { zh: `指标 ${zhRef(c.indicator)} 删除${ITEM_ZH[c.list]} ${zhRef(c.item)}`, en: `indicator ${c.indicator.id}: ${ITEM_EN[c.list]} ${c.item.id} removed` };
    case 'method-item-changed': {
      const t = changed(c.property, c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} ${ITEM_ZH[c.list]} ${zhRef(c.item)} 的${prop(c.property)}:${t.zh}`, en: `indicator ${c.indicator.id}: ${ITEM_EN[c.list]} ${c.item.id} ${c.property}: ${t.en}` };
    }
    case 'rule-added':
      return { zh: `指标 ${zhRef(c.indicator)} 新增规则 ${zhRef(c.rule)}`, en: `indicator ${c.indicator.id}: rule ${c.rule.id} added` };
    case 'rule-removed':
      return { zh: `指标 ${zhRef(c.indicator)} 删除规则 ${zhRef(c.rule)}`, en: `indicator ${c.indicator.id}: rule ${c.rule.id} removed` };
    case 'rule-changed': {
      const head = { zh: `规则 ${zhRef(c.rule)}(指标 ${c.indicator.id})`, en: `rule ${c.rule.id} (indicator ${c.indicator.id})` };
      if (c.aspect === 'modifiers' && c.modifier !== undefined) {
        if (c.property !== undefined) {
          const t = arrow(c.before, c.after);
          return { zh: `${head.zh} 修正项 ${c.modifier} 的${prop(c.property)}:${t.zh}`, en: `${head.en}: modifier ${c.modifier} ${c.property}: ${t.en}` };
        }
        const [zh, en] = c.before === undefined ? ['新增', 'added'] : c.after === undefined ? ['删除', 'removed'] : ['变更', 'replaced'];
        return { zh: `${head.zh} ${zh}修正项 ${c.modifier}`, en: `${head.en}: modifier ${c.modifier} ${en}` };
      }
      const t = changed(c.aspect, c.before, c.after);
      const what = c.aspect === 'other' ? { zh: prop(c.property ?? ''), en: c.property ?? '' } : { zh: ASPECT_ZH[c.aspect], en: c.aspect };
      return { zh: `${head.zh} ${what.zh}:${t.zh}`, en: `${head.en} ${what.en}: ${t.en}` };
    }
    case 'quota-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} 比例控制:${t.zh}`, en: `indicator ${c.indicator.id} quota: ${t.en}` };
    }
    case 'cap-changed': {
      const t = arrow(c.before, c.after);
      return c.group
        ? { zh: `指标 ${zhRef(c.indicator)} 规则组 ${zhRef(c.group)} 上限:${t.zh}`, en: `indicator ${c.indicator.id}: group ${c.group.id} cap: ${t.en}` }
        : { zh: `指标 ${zhRef(c.indicator)} 上限:${t.zh}`, en: `indicator ${c.indicator.id} cap: ${t.en}` };
    }
    case 'floor-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `指标 ${zhRef(c.indicator)} ${c.field === 'floor' ? '最低分' : '下限'}:${t.zh}`, en: `indicator ${c.indicator.id} ${c.field}: ${t.en}` };
    }
    case 'rounding-changed': {
      const t = arrow(c.before, c.after);
      if (!c.indicator) return { zh: `总分舍入:${t.zh}`, en: `total rounding: ${t.en}` };
      const zh = c.parameter === 'scoreRounding' ? '评分舍入' : '舍入';
      return { zh: `指标 ${zhRef(c.indicator)} ${zh}:${t.zh}`, en: `indicator ${c.indicator.id} ${c.parameter}: ${t.en}` };
    }
    case 'tie-break-changed': {
      const t = arrow(c.before, c.after);
      return { zh: `${FLOW_ZH[c.list]} ${zhRef(c.item)} 并列处理:${t.zh}`, en: `${c.list} ${c.item.id} tie-break: ${t.en}` };
    }
    case 'window-changed': {
      const t = arrow(c.before, c.after);
      return c.factType
        ? { zh: `事实类型 ${zhRef(c.factType)} 时间窗口:${t.zh}`, en: `fact type ${c.factType.id} window: ${t.en}` }
        : { zh: `方案时间窗口:${t.zh}`, en: `scheme window: ${t.en}` };
    }
    case 'exemption-added':
    case 'selection-added':
    case 'ranking-added':
    case 'classification-added':
    case 'consequence-added':
    case 'assumption-added': {
      const list = c.kind.slice(0, -'-added'.length) as FlowList;
      return { zh: `新增${FLOW_ZH[list]} ${zhRef(c.item)}`, en: `${list} ${c.item.id} added` };
    }
    case 'exemption-removed':
    case 'selection-removed':
    case 'ranking-removed':
    case 'classification-removed':
    case 'consequence-removed':
    case 'assumption-removed': {
      const list = c.kind.slice(0, -'-removed'.length) as FlowList;
      return { zh: `删除${FLOW_ZH[list]} ${zhRef(c.item)}`, en: `${list} ${c.item.id} removed` };
    }
    case 'exemption-changed':
    case 'selection-changed':
    case 'ranking-changed':
    case 'classification-changed':
    case 'consequence-changed':
    case 'assumption-changed': {
      const list = c.kind.slice(0, -'-changed'.length) as FlowList;
      const t = changed(c.property, c.before, c.after);
      return { zh: `${FLOW_ZH[list]} ${zhRef(c.item)} 的${prop(c.property)}:${t.zh}`, en: `${list} ${c.item.id} ${c.property}: ${t.en}` };
    }
    default: {
      const never: never = c;
      return never;
    }
  }
}
