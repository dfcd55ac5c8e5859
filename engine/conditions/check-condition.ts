import { schemeIssue, joinPointer, type Issue } from '../issue.ts';
import { CONDITION_OPERATORS, NUMERIC_OPERATORS } from './condition-schema.ts';
import { parseConditionPath } from './condition-path.ts';
import { isFactReference } from './compile-condition.ts';

const OPERATORS: ReadonlySet<string> = new Set(CONDITION_OPERATORS);
const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS: ReadonlySet<string> = new Set(['fact', 'operator', 'value', 'path']);
/** Operators whose value is compared by identity (===, indexOf): an object or array there never matches. */
const IDENTITY_OPERATORS: ReadonlySet<string> = new Set(['equal', 'notEqual', 'contains', 'doesNotContain']);

/**
 * Semantic checks of one condition, beyond what the JSON Schema says. It
 * takes `unknown` and checks the shape too, so it also gives precise
 * messages where the schema's anyOf would list every branch, and it can be
 * used on a condition that never went through the schema. Every issue
 * points at the exact offending node under `pointer`.
 *
 * Codes: condition-not-object, condition-ambiguous, condition-reference-unsupported,
 * condition-list-expected, condition-single-expected, condition-unknown-property,
 * params-unsupported, condition-missing-property, condition-property-type,
 * unknown-fact, operator-decorator-unsupported, unknown-operator,
 * fact-value-unsupported, in-value-not-array, numeric-value-not-number,
 * value-compared-by-identity, unsupported-path.
 */
export function checkCondition(c: unknown, pointer: string, knownFacts?: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  walk(c, pointer, issues, knownFacts);
  return issues;
}

function walk(node: unknown, at: string, out: Issue[], facts: ReadonlySet<string> | undefined): void {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    out.push(schemeIssue('condition-not-object', at, '条件须为对象(all、any、not 或一项比较)', 'a condition must be an object (all, any, not or a comparison)'));
    return;
  }
  const rec = node as Record<string, unknown>;
  if (Object.hasOwn(rec, 'condition')) {
    out.push(
      schemeIssue('condition-reference-unsupported', joinPointer(at, 'condition'), '不支持条件引用(condition),请直接写出条件', 'condition references are not supported; write the condition out'),
    );
    return;
  }
  const bools = BOOLEAN_KEYS.filter((k) => Object.hasOwn(rec, k));
  if (bools.length > 1) {
    // JRE would silently use the first of any, all, not and ignore the rest
    out.push(
      schemeIssue('condition-ambiguous', at, `一个条件只能有 all、any、not 之一,此处有 ${bools.join('、')}`, `a condition has one of all, any, not; this one has ${bools.join(', ')}`),
    );
    return;
  }
  const bool = bools[0];
  if (bool !== undefined) {
    for (const k of Object.keys(rec)) if (k !== bool) unknownProperty(k, at, out);
    const sub = rec[bool];
    if (bool === 'not') {
      if (Array.isArray(sub)) {
        out.push(schemeIssue('condition-single-expected', joinPointer(at, 'not'), 'not 的值须为单个条件,不能是列表', 'not takes one condition, not a list'));
      } else {
        walk(sub, joinPointer(at, 'not'), out, facts);
      }
    } else if (!Array.isArray(sub)) {
      out.push(schemeIssue('condition-list-expected', joinPointer(at, bool), `${bool} 的值须为条件列表`, `${bool} takes a list of conditions`));
    } else {
      sub.forEach((child: unknown, i) => walk(child, joinPointer(at, bool, i), out, facts));
    }
    return;
  }
  checkLeaf(rec, at, out, facts);
}

function unknownProperty(key: string, at: string, out: Issue[]): void {
  const where = joinPointer(at, key);
  if (key === 'params') {
    out.push(schemeIssue('params-unsupported', where, '不支持事实参数(params)', 'fact params are not supported'));
  } else {
    out.push(schemeIssue('condition-unknown-property', where, `条件中不允许属性“${key}”`, `property "${key}" is not allowed in a condition`));
  }
}

function checkLeaf(rec: Record<string, unknown>, at: string, out: Issue[], facts: ReadonlySet<string> | undefined): void {
  for (const k of Object.keys(rec)) if (!LEAF_KEYS.has(k)) unknownProperty(k, at, out);
  for (const k of ['fact', 'operator', 'value'] as const) {
    if (!Object.hasOwn(rec, k)) {
      out.push(schemeIssue('condition-missing-property', joinPointer(at, k), `比较条件缺少 ${k}`, `a comparison needs ${k}`));
    }
  }

  const { fact, operator, value, path } = rec;
  if (Object.hasOwn(rec, 'fact')) {
    if (typeof fact !== 'string' || fact === '') {
      out.push(schemeIssue('condition-property-type', joinPointer(at, 'fact'), 'fact 须为非空字符串', 'fact must be a non-empty string'));
    } else if (facts && !facts.has(fact)) {
      // long field lists are cut: the message names a few, the editor completes the rest
      const names = [...facts];
      const known = (names.length > 12 ? [...names.slice(0, 12), '…'] : names).join(', ') || '—';
      out.push(schemeIssue('unknown-fact', joinPointer(at, 'fact'), `此处没有事实“${fact}”(可用:${known})`, `no fact "${fact}" here (known: ${known})`));
    }
  }

  let op: string | undefined;
  if (Object.hasOwn(rec, 'operator')) {
    if (typeof operator !== 'string') {
      out.push(schemeIssue('condition-property-type', joinPointer(at, 'operator'), 'operator 须为字符串', 'operator must be a string'));
    } else if (operator.includes(':')) {
      out.push(
        schemeIssue('operator-decorator-unsupported', joinPointer(at, 'operator'), `不支持运算修饰(如 everyFact:):“${operator}”`, `operator decorators (e.g. everyFact:) are not supported: "${operator}"`),
      );
    } else if (!OPERATORS.has(operator)) {
      out.push(schemeIssue('unknown-operator', joinPointer(at, 'operator'), `未知的比较方式“${operator}”`, `unknown operator "${operator}" (allowed: ${CONDITION_OPERATORS.join(', ')})`));
    } else {
      op = operator;
    }
  }

  if (Object.hasOwn(rec, 'value')) checkValue(op, value, joinPointer(at, 'value'), out);

  if (Object.hasOwn(rec, 'path')) {
    if (typeof path !== 'string') {
      out.push(schemeIssue('condition-property-type', joinPointer(at, 'path'), 'path 须为字符串', 'path must be a string'));
    } else if (parseConditionPath(path) === undefined) {
      out.push(
        schemeIssue(
          'unsupported-path',
          joinPointer(at, 'path'),
          `不支持的路径“${path}”:只能用 $.名称、$[序号]、$['名称'] 的组合(名称由文字、数字、_、- 组成)`,
          `unsupported path "${path}": use only $.name, $[index] and $['name'] steps (names of letters, digits, _ and -)`,
        ),
      );
    }
  }
}

function checkValue(op: string | undefined, value: unknown, at: string, out: Issue[]): void {
  if (isFactReference(value)) {
    out.push(schemeIssue('fact-value-unsupported', at, '比较值不能引用其他事实({ fact: … })', 'the value cannot refer to another fact ({ fact: … })'));
    return;
  }
  if (op === undefined) return;
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(value)) {
      // JRE would search a string by substring and throw on anything else
      out.push(schemeIssue('in-value-not-array', at, `${op} 的比较值须为数组`, `the value of ${op} must be an array`));
      return;
    }
    value.forEach((v: unknown, i) => {
      if (v !== null && typeof v === 'object') identity(op, joinPointer(at, i), out);
    });
  } else if (NUMERIC_OPERATORS.has(op)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      out.push(schemeIssue('numeric-value-not-number', at, `${op} 的比较值须为数字`, `the value of ${op} must be a number`));
    }
  } else if (IDENTITY_OPERATORS.has(op) && value !== null && typeof value === 'object') {
    identity(op, at, out);
  }
}

function identity(op: string, at: string, out: Issue[]): void {
  out.push(
    schemeIssue(
      'value-compared-by-identity',
      at,
      `${op} 按同一性比较,对象或数组永远不会与事实值相等`,
      `${op} compares by identity: an object or array never equals a fact value`,
    ),
  );
}
