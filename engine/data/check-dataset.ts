import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import type { FactType } from '../scheme/fact-type.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { Dataset } from './dataset.ts';

const RESERVED = new Set(['type', 'id', 'unit', 'parent']);

/** Field validators are compiled once per scheme object and reused across runs. */
const cache = new WeakMap<Scheme, Map<string, ValidateFunction>>();

function validators(scheme: Scheme): Map<string, ValidateFunction> {
  let v = cache.get(scheme);
  if (!v) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    v = new Map(
      scheme.factTypes.map((ft) => {
        const fields = { additionalProperties: false, ...ft.fields, properties: { ...ft.fields.properties } };
        // the envelope keys are checked here, not by the fact type's schema
        for (const k of RESERVED) (fields.properties as Record<string, unknown>)[k] = true;
        return [ft.id, ajv.compile(fields)];
      }),
    );
    cache.set(scheme, v);
  }
  return v;
}

/**
 * Check a dataset against a scheme before scoring: roster references, fact
 * types, targets, field schemas and time windows. Every problem points at the
 * exact place in the data (`/facts/12/amount`).
 */
export function checkDataset(scheme: Scheme, data: Dataset): Issue[] {
  const issues: Issue[] = [];
  const unitIds = new Set<string>();
  const parentIds = new Set<string>();
  const categories = new Set(scheme.categories.map((c) => c.id));
  const parentCategories = new Set((scheme.parentCategories ?? []).map((c) => c.id));

  (data.parents ?? []).forEach((p, i) => {
    if (parentIds.has(p.id)) issues.push(dataIssue('duplicate-parent', joinPointer('', 'parents', i, 'id'), `主管单位标识 ${p.id} 重复`, `duplicate parent id ${p.id}`));
    parentIds.add(p.id);
    if (p.category !== undefined && !parentCategories.has(p.category)) {
      issues.push(dataIssue('unknown-parent-category', joinPointer('', 'parents', i, 'category'), `主管单位类别 ${p.category} 未在方案中定义`, `parent category ${p.category} is not declared by the scheme`));
    }
  });
  data.units.forEach((u, i) => {
    if (unitIds.has(u.id)) issues.push(dataIssue('duplicate-unit', joinPointer('', 'units', i, 'id'), `参评单位标识 ${u.id} 重复`, `duplicate unit id ${u.id}`));
    unitIds.add(u.id);
    if (u.parent !== undefined && !parentIds.has(u.parent)) {
      issues.push(dataIssue('unknown-parent', joinPointer('', 'units', i, 'parent'), `主管单位 ${u.parent} 不在名单中`, `parent ${u.parent} is not in the roster`));
    }
    if (u.category !== undefined && !categories.has(u.category)) {
      issues.push(dataIssue('unknown-category', joinPointer('', 'units', i, 'category'), `类别 ${u.category} 未在方案中定义`, `category ${u.category} is not declared by the scheme`));
    }
  });

  const types = new Map<string, FactType>(scheme.factTypes.map((t) => [t.id, t]));
  const v = validators(scheme);
  const seenKeys = new Map<string, number>();
  data.facts.forEach((f, i) => {
    // built for every fact of a million: an index needs no pointer escaping
    const at = `/facts/${i}`;
    const ft = types.get(f.type);
    if (!ft) {
      issues.push(dataIssue('unknown-fact-type', `${at}/type`, `事实类型“${String(f.type)}”未在方案中定义`, `fact type "${String(f.type)}" is not declared by the scheme`));
      return;
    }
    switch (ft.target) {
      case 'unit':
        if (typeof f.unit !== 'string') issues.push(dataIssue('missing-target', `${at}/unit`, `“${ft.name}”须注明参评单位(unit)`, `a ${ft.id} fact needs "unit"`));
        else if (!unitIds.has(f.unit)) issues.push(dataIssue('unknown-unit', `${at}/unit`, `参评单位 ${f.unit} 不在名单中`, `unit ${f.unit} is not in the roster`));
        break;
      case 'parent':
        if (typeof f.parent !== 'string') issues.push(dataIssue('missing-target', `${at}/parent`, `“${ft.name}”须注明主管单位(parent)`, `a ${ft.id} fact needs "parent"`));
        else if (!parentIds.has(f.parent)) issues.push(dataIssue('unknown-parent', `${at}/parent`, `主管单位 ${f.parent} 不在名单中`, `parent ${f.parent} is not in the roster`));
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
    const validate = v.get(ft.id) as ValidateFunction;
    if (!validate(f)) {
      for (const e of validate.errors ?? []) issues.push(fieldIssue(at, ft, e));
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
      } else if (d !== undefined) {
        issues.push(dataIssue('bad-date', `${at}/${ft.dateField}`, `日期 ${JSON.stringify(d)} 不是日历上的日期,须为 YYYY-MM-DD 或 YYYY-MM`, `date ${JSON.stringify(d)} is not a calendar date in YYYY-MM-DD or YYYY-MM`));
      }
    }
  });

  (data.history ?? []).forEach((h, i) => {
    if (!unitIds.has(h.unit)) {
      issues.push(dataIssue('history-unknown-unit', joinPointer('', 'history', i, 'unit'), `历史记录中的单位 ${h.unit} 不在今年名单中,已忽略`, `history unit ${h.unit} is not in this year's roster; ignored`, 'warning'));
    }
  });
  return issues;
}

function fieldIssue(at: string, ft: FactType, e: ErrorObject): Issue {
  const path = e.keyword === 'required' ? `${at}/${(e.params as { missingProperty: string }).missingProperty}` : e.keyword === 'additionalProperties' ? `${at}/${(e.params as { additionalProperty: string }).additionalProperty}` : `${at}${e.instancePath}`;
  const zh: Record<string, string> = {
    required: '缺少必填字段',
    additionalProperties: `字段不在“${ft.name}”的定义中`,
    type: '字段类型不符',
    enum: '取值不在允许范围内',
    minimum: '数值过小',
    maximum: '数值过大',
  };
  return dataIssue(`fact-${e.keyword}`, path, `${zh[e.keyword] ?? '字段不符合定义'}(${ft.name}):${e.message ?? ''}`, `${ft.id}: ${e.message ?? e.keyword}${e.keyword === 'enum' ? ' ' + JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues) : ''}`);
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
