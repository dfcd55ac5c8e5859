import { CONDITION_OPERATORS, type Condition, type ConditionOperator } from './condition-schema.ts';
import { parseConditionPath, resolveConditionPath } from './condition-path.ts';
import { cloneLikeJre } from './jre-clone.ts';

/**
 * A condition compiled to a synchronous predicate over a scope (fact name →
 * value). It decides exactly as json-rules-engine 7.3 does with
 * `allowUndefinedFacts: true` (proved by test/engine/conditions/
 * jre-equivalence.test.ts), so hot loops may call it instead of running JRE.
 *
 * Errors: JRE evaluates every leaf (no short-circuit) and rejects the run if
 * any leaf throws (e.g. `in` with a number value, or a numeric operator on an
 * object whose toString is not callable). The compiled form short-circuits
 * and runs the same JS operations, so: whenever JRE resolves, this returns
 * the same boolean without throwing; when this throws, JRE rejects too; when
 * JRE rejects, this may still return (the throwing leaf was skipped).
 */
export type CompiledCondition = (scope: Readonly<Record<string, unknown>>) => boolean;

type Test = (factValue: unknown) => boolean;

/** Conditions are scheme data and never mutated after loading, so the node itself is the cache key. */
const cache = new WeakMap<object, CompiledCondition>();
const isOwnEnumerable = Object.prototype.propertyIsEnumerable;
const ALWAYS: CompiledCondition = () => true;
const OPERATORS: ReadonlySet<string> = new Set(CONDITION_OPERATORS);
const BOOLEAN_KEYS = ['any', 'all', 'not'] as const; // JRE's precedence when several are present
const LEAF_KEYS: ReadonlySet<string> = new Set(['fact', 'operator', 'value', 'path']);

/** JRE reads a value `{ fact: … }` as a reference to another fact (almanac.getValue); not supported here. */
export function isFactReference(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}

/**
 * Compile once, evaluate many times. Throws (a programming error: validate
 * with checkCondition first) on what the language leaves out: condition
 * references, decorators, unknown operators, fact-valued values, params,
 * unknown properties, and paths outside the supported subset. Conditions
 * that checkCondition only flags as mistakes (`in` with a non-array, a
 * numeric operator with a string value, unknown facts) compile and keep
 * JRE's meaning, so the decision never depends on whether validation ran.
 */
export function compileCondition(c: Condition): CompiledCondition {
  return compileNode(c, '');
}

function compileNode(node: unknown, at: string): CompiledCondition {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    return refuse(at, '条件须为对象', 'a condition must be an object');
  }
  const hit = cache.get(node);
  if (hit) return hit;
  const compiled = build(node as Record<string, unknown>, at);
  cache.set(node, compiled);
  return compiled;
}

function build(node: Record<string, unknown>, at: string): CompiledCondition {
  if (Object.hasOwn(node, 'condition')) return refuse(`${at}/condition`, '不支持条件引用', 'condition references are not supported');
  const bool = BOOLEAN_KEYS.find((k) => Object.hasOwn(node, k));
  if (bool !== undefined) {
    const extra = Object.keys(node).find((k) => k !== bool);
    if (extra !== undefined) return refuse(`${at}/${extra}`, `多余的属性“${extra}”`, `unexpected property "${extra}"`);
    const sub = node[bool];
    if (bool === 'not') {
      if (Array.isArray(sub)) return refuse(`${at}/not`, 'not 须为单个条件', 'not takes one condition, not a list');
      const inner = compileNode(sub, `${at}/not`);
      return (scope) => !inner(scope);
    }
    if (!Array.isArray(sub)) return refuse(`${at}/${bool}`, `${bool} 须为条件列表`, `${bool} takes a list of conditions`);
    const children = sub.map((child: unknown, i) => compileNode(child, `${at}/${bool}/${i}`));
    return bool === 'all' ? allOf(children) : anyOf(children);
  }
  return compileLeaf(node, at);
}

function allOf(cs: readonly CompiledCondition[]): CompiledCondition {
  // JRE: an empty list passes, for `all` and (surprisingly) for `any` alike
  if (cs.length === 0) return ALWAYS;
  if (cs.length === 1) return cs[0] as CompiledCondition;
  return (scope) => {
    for (let i = 0; i < cs.length; i++) if (!(cs[i] as CompiledCondition)(scope)) return false;
    return true;
  };
}

function anyOf(cs: readonly CompiledCondition[]): CompiledCondition {
  if (cs.length === 0) return ALWAYS;
  if (cs.length === 1) return cs[0] as CompiledCondition;
  return (scope) => {
    for (let i = 0; i < cs.length; i++) if ((cs[i] as CompiledCondition)(scope)) return true;
    return false;
  };
}

function compileLeaf(node: Record<string, unknown>, at: string): CompiledCondition {
  const extra = Object.keys(node).find((k) => !LEAF_KEYS.has(k));
  if (extra !== undefined) return refuse(`${at}/${extra}`, `不支持的属性“${extra}”`, `unsupported property "${extra}"`);
  const { fact, operator, value, path } = node;
  if (typeof fact !== 'string' || fact === '') return refuse(`${at}/fact`, 'fact 须为非空字符串', 'fact must be a non-empty string');
  if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
    return refuse(`${at}/operator`, `不支持的比较方式“${String(operator)}”`, `unsupported operator "${String(operator)}"`);
  }
  if (!Object.hasOwn(node, 'value')) return refuse(`${at}/value`, '缺少 value', 'value is missing');
  if (isFactReference(value)) return refuse(`${at}/value`, '不支持以事实作为比较值', 'fact-valued values are not supported');
  let keys: readonly string[] | undefined;
  // JRE skips a falsy path; only a TS caller can pass undefined, JSON cannot
  if (path !== undefined) {
    keys = typeof path === 'string' ? parseConditionPath(path) : undefined;
    if (keys === undefined) return refuse(`${at}/path`, `不支持的路径 ${String(path)}`, `unsupported path ${String(path)}`);
  }
  const test = operatorTest(operator as ConditionOperator, value);
  // Own enumerable only: JRE loads the scope with for…in, so `toString` and
  // friends inherited from Object.prototype are missing facts, not functions.
  if (keys === undefined) return (scope) => test(isOwnEnumerable.call(scope, fact) ? scope[fact] : undefined);
  const ks = keys;
  return (scope) => test(resolveConditionPath(isOwnEnumerable.call(scope, fact) ? scope[fact] : undefined, ks));
}

/** `parseFloat(x).toString() !== 'NaN'` in JRE: the same test without allocating a string. */
function isNumberLike(a: unknown): boolean {
  return !Number.isNaN(Number.parseFloat(a as string));
}

interface Searchable {
  indexOf(x: unknown): number;
}

function operatorTest(operator: ConditionOperator, value: unknown): Test {
  // JRE's operator code, run on JRE's copy of the value (see jre-clone.ts);
  // the casts keep JS semantics (coercion, TypeError) identical to its untyped code
  const v = cloneLikeJre(value);
  const num = v as number;
  switch (operator) {
    case 'equal':
      return (a) => a === v;
    case 'notEqual':
      return (a) => a !== v;
    case 'in':
    case 'notIn': {
      // an array is searched with indexOf, a string by substring (JRE quirk);
      // anything else throws on use, as JRE's b.indexOf does
      const list = v as Searchable;
      return operator === 'in' ? (a) => list.indexOf(a) > -1 : (a) => list.indexOf(a) === -1;
    }
    case 'contains':
      return (a) => Array.isArray(a) && a.indexOf(v) > -1;
    case 'doesNotContain':
      return (a) => Array.isArray(a) && a.indexOf(v) === -1;
    case 'lessThan':
      return (a) => isNumberLike(a) && (a as number) < num;
    case 'lessThanInclusive':
      return (a) => isNumberLike(a) && (a as number) <= num;
    case 'greaterThan':
      return (a) => isNumberLike(a) && (a as number) > num;
    case 'greaterThanInclusive':
      return (a) => isNumberLike(a) && (a as number) >= num;
  }
}

function refuse(at: string, zh: string, en: string): never {
  throw new Error(`compileCondition ${at || '/'}: ${en}; ${zh} (validate with checkCondition first)`);
}
