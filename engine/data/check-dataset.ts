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
  data.facts.forEach((f, i) => {
    // built for every fact of a million: an index needs no pointer escaping
    const at = `/facts/${i}`;
    const ft = types.get(f.type);
    if (!ft) {
      issues.push(dataIssue('unknown-fact-type', `${at}/type`, `事实类型“${String(f.type)}”未在方案中定义`, `fact type "${String(f.type)}" is not declared by the scheme`));
      return;
    }
    if (ft.target === 'unit') {
      if (typeof f.unit !== 'string') issues.push(dataIssue('missing-target', `${at}/unit`, `“${ft.name}”须注明参评单位(unit)`, `a ${ft.id} fact needs "unit"`));
      else if (!unitIds.has(f.unit)) issues.push(dataIssue('unknown-unit', `${at}/unit`, `参评单位 ${f.unit} 不在名单中`, `unit ${f.unit} is not in the roster`));
    } else {
      if (typeof f.parent !== 'string') issues.push(dataIssue('missing-target', `${at}/parent`, `“${ft.name}”须注明主管单位(parent)`, `a ${ft.id} fact needs "parent"`));
      else if (!parentIds.has(f.parent)) issues.push(dataIssue('unknown-parent', `${at}/parent`, `主管单位 ${f.parent} 不在名单中`, `parent ${f.parent} is not in the roster`));
    }
    const validate = v.get(ft.id) as ValidateFunction;
    if (!validate(f)) {
      for (const e of validate.errors ?? []) issues.push(fieldIssue(at, ft, e));
    }
    const window = ft.window ?? scheme.window;
    if (window && ft.dateField !== undefined) {
      const d = f[ft.dateField];
      if (typeof d === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(d)) {
        // a month (YYYY-MM) counts as inside when any day of it is
        const from = d.length === 7 ? `${d}-31` : d;
        const to = d.length === 7 ? `${d}-01` : d;
        if (from < window.from || to > window.to) {
          issues.push(
            dataIssue('outside-window', `${at}/${ft.dateField}`, `日期 ${d} 不在认定期间 ${window.from} 至 ${window.to} 内(${window.source ?? scheme.source})`, `date ${d} is outside the window ${window.from} – ${window.to}`),
          );
        }
      } else if (d !== undefined) {
        issues.push(dataIssue('bad-date', `${at}/${ft.dateField}`, `日期须为 YYYY-MM-DD 或 YYYY-MM`, `date must be YYYY-MM-DD or YYYY-MM`));
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
