import { Type, type Static } from '@sinclair/typebox';
import { Source } from '../scheme/common.ts';
import { StringEnum, doc } from '../scheme/kind-union.ts';

export const PERIOD_UNITS = ['month', 'quarter', 'half', 'date'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/**
 * The period a fact of a type belongs to (a monthly bulletin, a quarter's
 * inspection, a dated notice). Declared on the fact type, so conditions over a
 * unit's sequence of periods can be checked against it when the scheme is validated.
 */
export const PeriodDeclaration = Type.Object(
  {
    field: Type.String({ minLength: 1, ...doc('期别所在字段', 'field holding the period') }),
    unit: StringEnum(PERIOD_UNITS, {
      ...doc(
        '期别单位:月 month(YYYY-MM)、季度 quarter(YYYY-Q1…Q4)、半年 half(YYYY-H1、H2)或日期 date(YYYY-MM-DD)',
        'period unit: month (YYYY-MM), quarter (YYYY-Q1…Q4), half (YYYY-H1, H2) or date (YYYY-MM-DD)',
      ),
    }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('事实的期别(月、季、半年或日期)', 'the period of a fact: month, quarter, half or date') },
);
export type PeriodDeclaration = Static<typeof PeriodDeclaration>;

const PATTERNS: Record<PeriodUnit, RegExp> = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  half: /^(\d{4})-H([12])$/,
  date: /^(\d{4})-(\d{2})-(\d{2})$/,
};

const PER_YEAR: Record<Exclude<PeriodUnit, 'date'>, number> = { month: 12, quarter: 4, half: 2 };

/**
 * A period as a whole number whose successor is the next period: months,
 * quarters and halves count from year 0; a date is its day number (days since
 * 1970-01-01, UTC), so the difference of two dates is their distance in days.
 * undefined: not a period of this unit (the caller reports it with its pointer).
 */
export function periodOrdinal(value: unknown, unit: PeriodUnit): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = PATTERNS[unit].exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const part = Number(m[2]);
  if (unit !== 'date') return year * PER_YEAR[unit] + part - 1;
  const day = Number(m[3]);
  const t = Date.UTC(year, part - 1, day);
  const d = new Date(t);
  // 2-31 would roll over to March: not a date
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== part - 1 || d.getUTCDate() !== day) return undefined;
  return t / 86_400_000;
}

/** The period back as its text, for explanations. */
export function periodText(ordinal: number, unit: PeriodUnit): string {
  if (unit === 'date') return new Date(ordinal * 86_400_000).toISOString().slice(0, 10);
  const per = PER_YEAR[unit];
  const year = Math.floor(ordinal / per);
  const part = ordinal - year * per + 1;
  const y = String(year).padStart(4, '0');
  return unit === 'month' ? `${y}-${String(part).padStart(2, '0')}` : `${y}-${unit === 'quarter' ? 'Q' : 'H'}${part}`;
}

export const PERIOD_UNIT_ZH: Record<PeriodUnit, string> = { month: '月', quarter: '季度', half: '半年', date: '日' };

/**
 * `format: "date"` in a fact type's fields: a real calendar date. ajv knows no
 * formats by itself and would skip the keyword with a console warning, so a
 * date field read by a formula would go unchecked.
 */
export const DATE_FORMAT = { type: 'string' as const, validate: (s: string): boolean => periodOrdinal(s, 'date') !== undefined };
