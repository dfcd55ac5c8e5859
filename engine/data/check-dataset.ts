import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { wordsOf } from '../terms.ts';
import { describeAjvError, listValues } from '../validate/ajv-messages.ts';
import { findUnsafeValue, type UnsafeValue } from '../validate/reserved-keys.ts';
import { MAX_NUMBER } from '../scheme/common.ts';
import type { Dataset } from './dataset.ts';

const RESERVED = new Set(['type', 'id', 'unit', 'parent']);

/**
 * Field validators, compiled when a fact type is first met in data (a scheme
 * may declare many fact types; a data set uses a few) and reused across runs
 * of the same scheme object. Fact types with the same fields share one.
 */
const cache = new WeakMap<Scheme, FieldValidators>();

class FieldValidators {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly byType = new Map<string, ValidateFunction>();
  private readonly byText = new Map<string, ValidateFunction>();

  get(ft: FactType): ValidateFunction {
    let v = this.byType.get(ft.id);
    if (!v) {
      const fields = { additionalProperties: false, ...ft.fields, properties: { ...ft.fields.properties } };
      // the envelope keys are checked here, not by the fact type's schema
      for (const k of RESERVED) (fields.properties as Record<string, unknown>)[k] = true;
      const text = JSON.stringify(fields);
      v = this.byText.get(text) ?? this.ajv.compile(fields);
      this.byText.set(text, v);
      this.byType.set(ft.id, v);
    }
    return v;
  }
}

function validators(scheme: Scheme): FieldValidators {
  let v = cache.get(scheme);
  if (!v) cache.set(scheme, (v = new FieldValidators()));
  return v;
}

export interface DatasetInspection {
  issues: Issue[];
  /**
   * Indices of facts whose own content is broken (unknown type, no target,
   * fields against the fact type, unsafe values): reported here and left out
   * of scoring, so the methods neither trip over them nor report them again.
   */
  unusable: Set<number>;
  /** Fact type → unit or parent ids that had an unusable fact of it (a missing score there is not news). */
  unusableTargets: Map<string, Set<string>>;
}

/**
 * Check a dataset against a scheme before scoring: roster references, fact
 * types, targets, field schemas and time windows. Every problem points at the
 * exact place in the data (`/facts/12/amount`).
 */
export function checkDataset(scheme: Scheme, data: Dataset): Issue[] {
  return inspectDataset(scheme, data).issues;
}

export function inspectDataset(scheme: Scheme, data: Dataset): DatasetInspection {
  const issues: Issue[] = [];
  const unusable = new Set<number>();
  const unusableTargets = new Map<string, Set<string>>();
  const words = wordsOf(scheme);
  const unitIds = new Set<string>();
  const parentIds = new Set<string>();
  const categories = new Set(scheme.categories.map((c) => c.id));
  const parentCategories = new Set((scheme.parentCategories ?? []).map((c) => c.id));

  (data.parents ?? []).forEach((p, i) => {
    if (parentIds.has(p.id)) issues.push(dataIssue('duplicate-parent', joinPointer('', 'parents', i, 'id'), `${words.parent}标识 ${p.id} 重复`, `duplicate parent id ${p.id}`));
    parentIds.add(p.id);
    if (p.category !== undefined && !parentCategories.has(p.category)) {
      issues.push(dataIssue('unknown-parent-category', joinPointer('', 'parents', i, 'category'), `${words.parent}类别 ${p.category} 未在方案中定义`, `parent category ${p.category} is not declared by the scheme`));
    }
    const bad = findUnsafeValue(p.attributes, joinPointer('', 'parents', i, 'attributes'));
    if (bad) issues.push(unsafeIssue(bad));
  });
  data.units.forEach((u, i) => {
    if (unitIds.has(u.id)) issues.push(dataIssue('duplicate-unit', joinPointer('', 'units', i, 'id'), `${words.unit}标识 ${u.id} 重复`, `duplicate unit id ${u.id}`));
    unitIds.add(u.id);
    if (u.parent !== undefined && !parentIds.has(u.parent)) {
      issues.push(dataIssue('unknown-parent', joinPointer('', 'units', i, 'parent'), `${words.parent} ${u.parent} 不在名单中`, `parent ${u.parent} is not in the roster`));
    }
    if (u.category !== undefined && !categories.has(u.category)) {
      issues.push(dataIssue('unknown-category', joinPointer('', 'units', i, 'category'), `类别 ${u.category} 未在方案中定义`, `category ${u.category} is not declared by the scheme`));
    }
    const bad = findUnsafeValue(u.attributes, joinPointer('', 'units', i, 'attributes'));
    if (bad) issues.push(unsafeIssue(bad));
  });

  const types: Record<string, FactType> = Object.fromEntries(scheme.factTypes.map((t) => [t.id, t]));
  const v = validators(scheme);
  const reject = (i: number, ft: FactType | undefined, target: string | undefined) => {
    unusable.add(i);
    if (ft === undefined || target === undefined) return;
    let set = unusableTargets.get(ft.id);
    if (!set) unusableTargets.set(ft.id, (set = new Set()));
    set.add(target);
  };
  const seenKeys = new Map<string, number>();
  data.facts.forEach((f, i) => {
    // built for every fact of a million: an index needs no pointer escaping
    const at = `/facts/${i}`;
    // own properties only: a type named `toString` is not a fact type
    const ft = Object.hasOwn(types, f.type) ? types[f.type] : undefined;
    if (!ft) {
      issues.push(unknownFactType(at, f.type, scheme));
      reject(i, undefined, undefined);
      return;
    }
    const target = ft.target === 'unit' ? f.unit : ft.target === 'parent' ? f.parent : undefined;
    switch (ft.target) {
      case 'unit':
        if (typeof f.unit !== 'string') {
          issues.push(dataIssue('missing-target', `${at}/unit`, `“${ft.name}”须注明${words.unit}(缺少字段 unit)`, `a ${ft.id} fact needs "unit"`));
          reject(i, undefined, undefined);
        } else if (!unitIds.has(f.unit)) issues.push(dataIssue('unknown-unit', `${at}/unit`, `${words.unit} ${f.unit} 不在名单中`, `unit ${f.unit} is not in the roster`));
        break;
      case 'parent':
        if (typeof f.parent !== 'string') {
          issues.push(dataIssue('missing-target', `${at}/parent`, `“${ft.name}”须注明${words.parent}(缺少字段 parent)`, `a ${ft.id} fact needs "parent"`));
          reject(i, undefined, undefined);
        } else if (!parentIds.has(f.parent)) issues.push(dataIssue('unknown-parent', `${at}/parent`, `${words.parent} ${f.parent} 不在名单中`, `parent ${f.parent} is not in the roster`));
        break;
      case 'season':
        // a season record (a meeting, a ballot box) belongs to no unit: a unit or parent on it would be ignored
        for (const k of ['unit', 'parent'] as const) {
          if (f[k] !== undefined) issues.push(dataIssue('unexpected-target', `${at}/${k}`, `“${ft.name}”是本轮评议的记录,不应注明 ${k}`, `a ${ft.id} record is about the season and takes no "${k}"`));
        }
        break;
      default: {
        const never: never = ft.target;
        return never;
      }
    }
    // before anything stringifies a field: a value with its own toString would throw
    const unsafe = findUnsafeValue(f, at);
    if (unsafe) {
      issues.push(unsafeIssue(unsafe));
      reject(i, ft, target);
      return;
    }
    if (ft.key) {
      // a uniqueness key: the second record with the same key is an error, never first-wins or averaged in
      const key = `${ft.id}\u0000${JSON.stringify(ft.key.map((k) => f[k] ?? null))}`;
      const first = seenKeys.get(key);
      if (first === undefined) seenKeys.set(key, i);
      else {
        const what = ft.key.map((k) => `${k}=${String(f[k])}`).join(', ');
        issues.push(dataIssue('duplicate-fact', at, `“${ft.name}”重复:${what} 已见于 /facts/${first}(唯一键 ${ft.key.join(' + ')})`, `duplicate ${ft.id}: ${what} already at /facts/${first} (key ${ft.key.join(' + ')})`));
      }
    }
    const validate = v.get(ft);
    let dateReported = false;
    if (!validate(f)) {
      for (const e of validate.errors ?? []) {
        const issue = fieldIssue(at, ft, e, f);
        dateReported ||= issue.path === `${at}/${ft.dateField}`;
        issues.push(issue);
      }
      reject(i, ft, target);
    }
    const window = ft.window ?? scheme.window;
    if (ft.dateField !== undefined) {
      const d = f[ft.dateField];
      if (typeof d === 'string' && isCalendarDate(d)) {
        if (!window) return;
        // a month (YYYY-MM) counts as inside when any day of it is
        const from = d.length === 7 ? `${d}-31` : d;
        const to = d.length === 7 ? `${d}-01` : d;
        if (from < window.from || to > window.to) {
          issues.push(
            dataIssue('outside-window', `${at}/${ft.dateField}`, `日期 ${d} 不在认定期间 ${window.from} 至 ${window.to} 内(${window.source ?? scheme.source})`, `date ${d} is outside the window ${window.from} – ${window.to}`),
          );
        }
      } else if (d !== undefined && !dateReported) {
        issues.push(dataIssue('bad-date', `${at}/${ft.dateField}`, `日期 ${JSON.stringify(d)} 不是日历上的日期,须为 YYYY-MM-DD 或 YYYY-MM`, `date ${JSON.stringify(d)} is not a calendar date in YYYY-MM-DD or YYYY-MM`));
      }
    }
  });

  const outcomes = outcomesOf(scheme);
  (data.history ?? []).forEach((h, i) => {
    if (!unitIds.has(h.unit)) {
      issues.push(dataIssue('history-unknown-unit', joinPointer('', 'history', i, 'unit'), `历史记录中的${words.unit} ${h.unit} 不在今年名单中,已忽略`, `history unit ${h.unit} is not in this year's roster; ignored`, 'warning'));
    }
    if (!outcomes.has(h.outcome)) {
      const list = listValues([...outcomes]);
      issues.push(
        dataIssue(
          'unknown-outcome',
          joinPointer('', 'history', i, 'outcome'),
          `历史结果“${h.outcome}”不是本方案的等次(应为以下之一:${list.zh || '本方案没有等次'})`,
          `history outcome "${h.outcome}" is not a classification of this scheme (one of: ${list.en || 'none declared'})`,
        ),
      );
    }
  });
  return { issues, unusable, unusableTargets };
}

/** The outcomes a history record may hold: this scheme's classification ids (what its exemptions and carry-overs read). */
function outcomesOf(scheme: Scheme): Set<string> {
  return new Set((scheme.classifications ?? []).map((c) => c.id));
}

function unknownFactType(at: string, type: unknown, scheme: Scheme): Issue {
  const list = listValues(scheme.factTypes.map((t) => t.id));
  return dataIssue('unknown-fact-type', `${at}/type`, `事实类型“${String(type)}”未在方案中定义(可用:${list.zh})`, `fact type "${String(type)}" is not declared by the scheme (declared: ${list.en})`);
}

function unsafeIssue(u: UnsafeValue): Issue {
  switch (u.problem) {
    case 'reserved-key':
      return dataIssue('reserved-key', u.path, `“${u.key}”是保留名称,不能用作字段名`, `"${u.key}" is a reserved name and cannot be a key`);
    case 'number-not-finite':
      return dataIssue('number-not-finite', u.path, '数值不是有限的数(如 1e309 被读作无穷大)', 'the number is not finite (e.g. 1e309 reads as Infinity)');
    case 'number-too-large':
      return dataIssue('number-too-large', u.path, `数值 ${u.value} 超出允许范围(绝对值不超过 ${MAX_NUMBER})`, `the number ${u.value} is beyond ±${MAX_NUMBER}`);
    case 'value-too-deep':
      return dataIssue('value-too-deep', u.path, '嵌套层次过深', 'the value is nested too deeply');
    default: {
      const never: never = u;
      return never;
    }
  }
}

function fieldIssue(at: string, ft: FactType, e: ErrorObject, fact: Record<string, unknown>): Issue {
  const p = e.params as Record<string, unknown>;
  const path =
    e.keyword === 'required' ? joinPointer(at, String(p.missingProperty)) : e.keyword === 'additionalProperties' ? joinPointer(at, String(p.additionalProperty)) : `${at}${e.instancePath}`;
  const m = describeAjvError(e, e.keyword === 'required' || e.keyword === 'additionalProperties' ? undefined : valueAt(fact, e.instancePath));
  // additionalProperties lists the fields the fact type declares, not the envelope keys added for checking
  const declared = e.keyword === 'additionalProperties' ? listValues(Object.keys(ft.fields.properties)) : undefined;
  const zh = declared ? `不认识的字段 ${String(p.additionalProperty)}(“${ft.name}”的字段:${declared.zh || '无'})` : m.zh;
  const en = declared ? `unknown field ${String(p.additionalProperty)} (fields of ${ft.id}: ${declared.en || 'none'})` : m.en;
  return dataIssue(`fact-${e.keyword}`, path, `“${ft.name}”记录:${zh}`, `${ft.id}: ${en}`);
}

/** The value at an ajv instance path inside a fact (own properties only). */
function valueAt(fact: Record<string, unknown>, instancePath: string): unknown {
  let v: unknown = fact;
  for (const raw of instancePath.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** YYYY-MM or YYYY-MM-DD naming a real month and day (a 30th of February, a 31st of April, month 00 or 13 are not). */
export function isCalendarDate(d: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(d);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day >= 1 && day <= days;
}
