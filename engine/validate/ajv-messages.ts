import type { ErrorObject } from 'ajv';

/**
 * One message per ajv error, in Chinese and English, built from the error's
 * keyword and params rather than from ajv's English text (ajv-i18n leaves
 * parts of it untranslated: "数值过大(…):must be <= 5"). Allowed values are
 * listed in both languages, a missing field is named, and the recorded
 * value is shown when the caller knows it.
 */
export interface BilingualMessage {
  zh: string;
  en: string;
}

const TYPE_ZH: Record<string, string> = {
  string: '文字(字符串)',
  number: '数字',
  integer: '整数',
  boolean: '布尔值(true/false)',
  object: '对象',
  array: '数组(列表)',
  null: '空值 null',
};

const COMPARISON_ZH: Record<string, string> = { '<=': '不大于', '>=': '不小于', '<': '小于', '>': '大于' };

/** Lists longer than this are cut, with the number left out said. */
const MAX_LISTED = 20;

export function listValues(values: readonly unknown[]): BilingualMessage {
  const shown = values.slice(0, MAX_LISTED).map(show);
  const rest = values.length - shown.length;
  return {
    zh: shown.join('、') + (rest > 0 ? ` 等(另有 ${rest} 个)` : ''),
    en: shown.join(', ') + (rest > 0 ? ` … (${rest} more)` : ''),
  };
}

/** A value as a person reads it in a message: strings quoted, long values cut. */
export function show(v: unknown): string {
  let text: string;
  try {
    text = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : (JSON.stringify(v) ?? String(v));
  } catch {
    text = Object.prototype.toString.call(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const typeList = (t: unknown): string[] => (Array.isArray(t) ? t.map(String) : [String(t)]);

/** The Chinese half of a schema description written by `doc(zh, en)` ("中文 — English"). */
function zhDescription(schema: unknown): string | undefined {
  const d = (schema as { description?: unknown } | undefined)?.description;
  return typeof d === 'string' ? (d.split(' — ')[0] ?? d) : undefined;
}

/**
 * `value` is the value at the error's instance path when the caller has it
 * (ajv's `data` with `verbose`, or looked up in the record); it is quoted in
 * the message.
 */
export function describeAjvError(e: ErrorObject, value?: unknown): BilingualMessage {
  const p = e.params as Record<string, unknown>;
  const has = value !== undefined;
  const was = has ? { zh: `,实为 ${show(value)}`, en: `, got ${show(value)}` } : { zh: '', en: '' };
  switch (e.keyword) {
    case 'required':
      return { zh: `缺少字段 ${String(p.missingProperty)}`, en: `missing field ${String(p.missingProperty)}` };
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      const list = allowed.length > 0 ? listValues(allowed) : undefined;
      return {
        zh: `不认识的字段 ${String(p.additionalProperty)}${list ? `(可用字段:${list.zh})` : ''}`,
        en: `unknown field ${String(p.additionalProperty)}${list ? ` (allowed: ${list.en})` : ''}`,
      };
    }
    case 'type': {
      const want = typeList(p.type);
      const got = has ? { zh: `,实为${TYPE_ZH[kindOf(value)] ?? kindOf(value)} ${show(value)}`, en: `, got ${kindOf(value)} ${show(value)}` } : { zh: '', en: '' };
      return { zh: `须为${want.map((t) => TYPE_ZH[t] ?? t).join('或')}${got.zh}`, en: `must be ${want.join(' or ')}${got.en}` };
    }
    case 'enum': {
      const list = listValues((p.allowedValues as unknown[] | undefined) ?? []);
      return { zh: `取值须为以下之一:${list.zh}${was.zh}`, en: `must be one of: ${list.en}${was.en}` };
    }
    case 'const':
      return { zh: `取值须为 ${show(p.allowedValue)}${was.zh}`, en: `must be ${show(p.allowedValue)}${was.en}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const c = String(p.comparison);
      return { zh: `数值须${COMPARISON_ZH[c] ?? c} ${String(p.limit)}${was.zh}`, en: `must be ${c} ${String(p.limit)}${was.en}` };
    }
    case 'multipleOf':
      return { zh: `须为 ${String(p.multipleOf)} 的整数倍${was.zh}`, en: `must be a multiple of ${String(p.multipleOf)}${was.en}` };
    case 'minLength':
      return { zh: `至少 ${String(p.limit)} 个字符${was.zh}`, en: `must have at least ${String(p.limit)} characters${was.en}` };
    case 'maxLength':
      return { zh: `至多 ${String(p.limit)} 个字符`, en: `must have at most ${String(p.limit)} characters` };
    case 'pattern': {
      const what = zhDescription(e.parentSchema);
      return {
        zh: `格式不符${what ? `(${what})` : `(须匹配 ${String(p.pattern)})`}${was.zh}`,
        en: `must match the pattern ${String(p.pattern)}${was.en}`,
      };
    }
    case 'format':
      return { zh: `格式须为 ${String(p.format)}${was.zh}`, en: `must be a ${String(p.format)}${was.en}` };
    case 'minItems':
      return { zh: `至少要有 ${String(p.limit)} 项`, en: `must have at least ${String(p.limit)} items` };
    case 'maxItems':
      return { zh: `至多 ${String(p.limit)} 项`, en: `must have at most ${String(p.limit)} items` };
    case 'uniqueItems':
      return { zh: `第 ${String(p.j)} 项与第 ${String(p.i)} 项重复`, en: `items ${String(p.j)} and ${String(p.i)} are identical` };
    case 'minProperties':
      return { zh: `至少要有 ${String(p.limit)} 个字段`, en: `must have at least ${String(p.limit)} properties` };
    case 'maxProperties':
      return { zh: `至多 ${String(p.limit)} 个字段`, en: `must have at most ${String(p.limit)} properties` };
    case 'propertyNames':
      return { zh: `字段名 ${show(p.propertyName)} 不符合要求`, en: `property name ${show(p.propertyName)} is invalid` };
    case 'dependentRequired':
    case 'dependencies':
      return { zh: `有字段 ${String(p.property)} 时须同时有 ${String(p.deps)}`, en: `${String(p.property)} requires ${String(p.deps)}` };
    case 'discriminator':
      return { zh: `“${String(p.tag)}”的取值无效`, en: `invalid value of "${String(p.tag)}"` };
    case 'oneOf':
    case 'anyOf':
      return { zh: '不符合任何一种允许的写法', en: 'matches none of the allowed forms' };
    case 'not':
      return { zh: '此处不允许这种写法', en: 'this form is not allowed here' };
    case 'false schema':
      return { zh: '此处不允许有值', en: 'no value is allowed here' };
    default:
      return { zh: `不符合格式要求(${e.keyword})`, en: e.message ?? `does not match the format (${e.keyword})` };
  }
}
