/**
 * The checks of one fact on its own (known type, target present and in the
 * roster, unsafe values, fields against the fact type, date window): what the
 * whole-data-set check runs for every fact, and what a reader folding votes
 * runs before it merges a record into a count (a record with any problem is
 * kept as it is, so the whole-data-set check reports it at its own place).
 * Pointers are built only when there is a problem: a million clean facts
 * allocate no strings here.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Scheme } from '../scheme/scheme.ts';
import { wordsOf } from '../terms.ts';
import { describeAjvError, listValues } from '../validate/ajv-messages.ts';
import { DATE_FORMAT } from '../periods/period.ts';
import { findUnsafeValue, type UnsafeValue } from '../validate/reserved-keys.ts';
import { MAX_NUMBER } from '../scheme/common.ts';
import type { Fact } from './dataset.ts';

const RESERVED = new Set(['type', 'id', 'unit', 'parent']);

/**
 * Field validators, compiled when a fact type is first met in data (a scheme
 * may declare many fact types; a data set uses a few) and reused across runs
 * of the same scheme object. Fact types with the same fields share one.
 */
const cache = new WeakMap<Scheme, FieldValidators>();

class FieldValidators {
  private readonly ajv = new Ajv({ allErrors: true, strict: false }).addFormat('date', DATE_FORMAT);
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

/** The roster a fact's target is looked up in; absent when not known yet (a reader folding before the roster is complete). */
export interface RosterIds {
  units: ReadonlySet<string>;
  parents: ReadonlySet<string>;
}

/**
 * What the check found besides its issues: `clean` (no issue), `flagged` (issues, but
 * the fact is still scored: a unit not in the roster, a date outside the window),
 * `unusable` (its own content is broken: reported and left out of scoring).
 */
export type FactVerdict = 'clean' | 'flagged' | 'unusable';

export interface FactChecker {
  /**
   * Check fact `i`, appending its issues to `issues`. `unusableTarget` is set to the
   * fact type and target of an unusable fact whose target is known (a missing score
   * there is not news). `between` runs after the unsafe-value check and before the
   * field check (the whole-data-set check puts its uniqueness key there).
   */
  check(f: Fact, i: number, issues: Issue[], between?: (f: Fact, i: number, ft: FactType) => void): FactVerdict;
  /** Set by check() for an unusable fact: its type and target, when both are known. */
  unusableTarget: { type: string; target: string } | undefined;
}

/** A checker of single facts under a scheme; `roster` undefined skips the roster look-up (target presence is still checked). */
export function factChecker(scheme: Scheme, roster: RosterIds | undefined): FactChecker {
  const words = wordsOf(scheme);
  const types: Record<string, FactType> = Object.fromEntries(scheme.factTypes.map((t) => [t.id, t]));
  const v = validators(scheme);
  const checker: FactChecker = {
    unusableTarget: undefined,
    check(f, i, issues, between) {
      checker.unusableTarget = undefined;
      // no closures here: this runs once per fact of a province (a million times)
      let before = issues.length;
      let unusable = false;
      // own properties only: a type named `toString` is not a fact type
      const ft = Object.hasOwn(types, f.type) ? types[f.type] : undefined;
      if (!ft) {
        issues.push(unknownFactType(i, f.type, scheme));
        return 'unusable';
      }
      let noTarget = false;
      const target = ft.target === 'unit' ? f.unit : ft.target === 'parent' ? f.parent : undefined;
      switch (ft.target) {
        case 'unit':
          if (typeof f.unit !== 'string') {
            issues.push(dataIssue('missing-target', `/facts/${i}/unit`, `“${ft.name}”须注明${words.unit}(缺少字段 unit)`, `a ${ft.id} fact needs "unit"`));
            noTarget = true;
          } else if (roster && !roster.units.has(f.unit)) issues.push(dataIssue('unknown-unit', `/facts/${i}/unit`, `${words.unit} ${f.unit} 不在名单中`, `unit ${f.unit} is not in the roster`));
          break;
        case 'parent':
          if (typeof f.parent !== 'string') {
            issues.push(dataIssue('missing-target', `/facts/${i}/parent`, `“${ft.name}”须注明${words.parent}(缺少字段 parent)`, `a ${ft.id} fact needs "parent"`));
            noTarget = true;
          } else if (roster && !roster.parents.has(f.parent)) issues.push(dataIssue('unknown-parent', `/facts/${i}/parent`, `${words.parent} ${f.parent} 不在名单中`, `parent ${f.parent} is not in the roster`));
          break;
        case 'season':
          // a season record (a meeting, a ballot box) belongs to no unit: a unit or parent on it would be ignored
          for (const k of ['unit', 'parent'] as const) {
            if (f[k] !== undefined) issues.push(dataIssue('unexpected-target', `/facts/${i}/${k}`, `“${ft.name}”是本轮评议的记录,不应注明 ${k}`, `a ${ft.id} record is about the season and takes no "${k}"`));
          }
          break;
        default: {
          const never: never = ft.target;
          return never;
        }
      }
      if (noTarget) unusable = true;
      // before anything stringifies a field: a value with its own toString would throw
      const unsafe = findUnsafeValue(f, '');
      if (unsafe) {
        issues.push(unsafeIssue({ ...unsafe, path: `/facts/${i}${unsafe.path}` }));
        if (target !== undefined) checker.unusableTarget = { type: ft.id, target };
        return 'unusable';
      }
      // what `between` reports is its own business: it does not make the fact flagged
      const mid = issues.length;
      between?.(f, i, ft);
      before += issues.length - mid;
      const validate = v.get(ft);
      let dateReported = false;
      if (!validate(f)) {
        const at = `/facts/${i}`;
        for (const e of validate.errors ?? []) {
          const issue = fieldIssue(at, ft, e, f);
          dateReported ||= issue.path === `${at}/${ft.dateField}`;
          issues.push(issue);
        }
        if (target !== undefined) checker.unusableTarget = { type: ft.id, target };
        unusable = true;
      }
      if (ft.dateField !== undefined) {
        const window = ft.window ?? scheme.window;
        const d = f[ft.dateField];
        if (typeof d === 'string' && isCalendarDate(d)) {
          if (!window) return verdictOf(issues.length > before, unusable);
          // a month (YYYY-MM) counts as inside when any day of it is
          const from = d.length === 7 ? `${d}-31` : d;
          const to = d.length === 7 ? `${d}-01` : d;
          if (from < window.from || to > window.to) {
            issues.push(
              dataIssue('outside-window', `/facts/${i}/${ft.dateField}`, `日期 ${d} 不在认定期间 ${window.from} 至 ${window.to} 内(${window.source ?? scheme.source})`, `date ${d} is outside the window ${window.from} – ${window.to}`),
            );
          }
        } else if (d !== undefined && !dateReported) {
          issues.push(dataIssue('bad-date', `/facts/${i}/${ft.dateField}`, `日期 ${JSON.stringify(d)} 不是日历上的日期,须为 YYYY-MM-DD 或 YYYY-MM`, `date ${JSON.stringify(d)} is not a calendar date in YYYY-MM-DD or YYYY-MM`));
        }
      }
      return verdictOf(issues.length > before, unusable);
    },
  };
  return checker;
}

function verdictOf(issued: boolean, unusable: boolean): FactVerdict {
  return unusable ? 'unusable' : issued ? 'flagged' : 'clean';
}

function unknownFactType(i: number, type: unknown, scheme: Scheme): Issue {
  const list = listValues(scheme.factTypes.map((t) => t.id));
  return dataIssue('unknown-fact-type', `/facts/${i}/type`, `事实类型“${String(type)}”未在方案中定义(可用:${list.zh})`, `fact type "${String(type)}" is not declared by the scheme (declared: ${list.en})`);
}

export function unsafeIssue(u: UnsafeValue): Issue {
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

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of `len` ASCII digits at `at`, or -1 (by char codes: every dated fact passes here). */
function digits(d: string, at: number, len: number): number {
  let n = 0;
  for (let i = at; i < at + len; i++) {
    const c = d.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** YYYY-MM or YYYY-MM-DD naming a real month and day (a 30th of February, a 31st of April, month 00 or 13 are not). */
export function isCalendarDate(d: string): boolean {
  if ((d.length !== 7 && d.length !== 10) || d.charCodeAt(4) !== 45) return false;
  const year = digits(d, 0, 4);
  const month = digits(d, 5, 2);
  if (year < 0 || month < 1 || month > 12) return false;
  if (d.length === 7) return true;
  if (d.charCodeAt(7) !== 45) return false;
  const day = digits(d, 8, 2);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : (DAYS[month - 1] as number);
  return day >= 1 && day <= days;
}
