import { Type, type NumberOptions, type IntegerOptions, type Static } from '@sinclair/typebox';
import { StringEnum, doc } from './kind-union.ts';

/**
 * The largest magnitude of any number in a scheme. JSON reads `1e999` as
 * Infinity and JSON Schema's `type: number` accepts it, so every number of the
 * format is bounded: far above any real points, cap, base or count, and far
 * below where sums of a city-year's facts could overflow or lose integers.
 */
export const MAX_NUMBER = 1e9;

/** A finite number within ±MAX_NUMBER (the options narrow it further). */
export const Num = (options: NumberOptions = {}) => Type.Number({ minimum: -MAX_NUMBER, maximum: MAX_NUMBER, ...options });

/** A finite integer within ±MAX_NUMBER (the options narrow it further). */
export const Int = (options: IntegerOptions = {}) => Type.Integer({ minimum: -MAX_NUMBER, maximum: MAX_NUMBER, ...options });

export const Id = Type.String({ pattern: '^[a-z0-9][a-z0-9-]*$', ...doc('标识:小写字母、数字与连字符', 'identifier: lowercase letters, digits and hyphens') });

/** Every rule cites the clause it implements, so a reader can check it against the document. */
export const Source = Type.String({ minLength: 1, ...doc('出处:所依据的文件条款', 'source: the clause of the document this implements') });

export const Rounding = Type.Object(
  {
    digits: Int({ minimum: 0, maximum: 6, ...doc('保留小数位数', 'decimal digits kept') }),
    mode: StringEnum(['half-up', 'half-even', 'floor', 'ceil'], {
      ...doc('舍入方式:四舍五入 half-up、银行家 half-even、向下 floor、向上 ceil', 'rounding mode'),
    }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('舍入规则', 'declared rounding') },
);
export type Rounding = Static<typeof Rounding>;

/** A date as written in a scheme window: `YYYY-MM-DD`. */
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...doc('日期 YYYY-MM-DD', 'date YYYY-MM-DD') });

export const TimeWindow = Type.Object(
  { from: DateString, to: DateString, source: Type.Optional(Source) },
  { additionalProperties: false, ...doc('时间窗口(含首尾日)', 'time window, both ends included') },
);
export type TimeWindow = Static<typeof TimeWindow>;
