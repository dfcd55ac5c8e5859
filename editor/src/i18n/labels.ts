/**
 * The clerk's words for the format's tags and enum values: what a select, a
 * tree tag or a sentence shows instead of `deduction` or `half-up`. Field
 * labels come from the format's own Chinese titles (the `doc(zh, en)` of
 * engine/scheme); tags and enum values have no title of their own, so they
 * are named here, once, and test/editor/i18n/labels.test.ts checks this table
 * against the format so a new kind or value cannot appear untranslated.
 * Kept free of the JSON Schema import: the tree (first screen) uses it too.
 */
import type { MethodKind } from '../../../engine/scheme/methods/index.ts';

/** The scoring methods, as the tree's tag and the method select name them. */
export const METHOD_LABELS = {
  'vote-ratio': '满意度票数比例',
  deduction: '扣分制',
  bonus: '加分项',
  'graded-rating': '分档评价',
  'rank-deduction': '按排名扣分',
  'reported-score': '上报分数',
  'rank-to-grade': '排名定等',
  formula: '计算式',
} as const satisfies Record<MethodKind, string>;

export function methodLabel(kind: string | undefined): string {
  return kind !== undefined && kind in METHOD_LABELS ? METHOD_LABELS[kind as MethodKind] : (kind ?? '');
}

/**
 * Every enum value of the format (StringEnum in engine/scheme) in words. One
 * table for all of them: where a value appears in two enums it means the same
 * thing in both (`floor` rounds down wherever it is used).
 */
export const ENUM_LABELS: Readonly<Record<string, string>> = {
  // periods of a fact type, and the inputs of a computed value (issue 20)
  month: '月',
  quarter: '季度',
  half: '半年',
  date: '日期',
  leader: '第一名的值',
  'high-first': '从高到低',
  'low-first': '从低到高',
  // comparisons
  lt: '小于',
  lte: '小于等于',
  gt: '大于',
  gte: '大于等于',
  eq: '等于',
  // validity
  invalid: '评议无效',
  void: '该部分作废',
  // ties
  include: '并列者一并计入',
  ranking: '按排名规则区分',
  exclude: '并列者均不计入',
  error: '报错',
  shared: '并列同名次',
  'roster-order': '按名单顺序',
  // direction and rounding
  top: '高到低(前 N 名)',
  bottom: '低到高(后 N 名)',
  desc: '从高到低',
  asc: '从低到高',
  floor: '向下取整',
  ceil: '向上取整',
  round: '四舍五入',
  'half-up': '四舍五入',
  'half-even': '银行家舍入(四舍六入五成双)',
  // populations
  'units-with-votes': '有票单位',
  'units-at-or-above-min': '票数达到下限的单位',
  // hit policy
  first: '只计第一条命中的规则',
  all: '命中的规则全计',
  // combining reported scores
  mean: '取平均',
  sum: '求和',
  max: '取最高',
  min: '取最低',
  // missing data
  zero: '计 0 分',
  full: '计满分',
  lowest: '定为最低等次',
  // graded rating
  'at-most': '至多',
  'at-least': '至少',
  exactly: '恰好',
  score: '按分数',
  grade: '按等次',
  // whom a fact is about
  unit: '参评单位',
  parent: '主管单位',
  season: '本轮评议',
  none: '不分组',
  // why a unit entered a selection
  'carry-over': '上年结转',
  listed: '评议办指定',
  // condition operators (the conditions' own vocabulary)
  equal: '等于',
  notEqual: '不等于',
  in: '属于',
  notIn: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
  lessThan: '小于',
  lessThanInclusive: '小于等于',
  greaterThan: '大于',
  greaterThanInclusive: '大于等于',
  category: '按类别分组',
};

export function enumLabel(value: string): string {
  return ENUM_LABELS[value] ?? value;
}
