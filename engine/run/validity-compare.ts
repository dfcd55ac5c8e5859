import { compileCondition } from '../conditions/index.ts';
import type { Dataset, Fact } from '../data/dataset.ts';
import { dataIssue, joinPointer, type Issue } from '../issue.ts';
import type { Scheme } from '../scheme/scheme.ts';
import type { Operand, ValidityRule } from '../scheme/validity.ts';

type CompareRule = Extract<ValidityRule, { kind: 'compare' }>;
type Op = CompareRule['operator'];

const SYMBOL: Record<Op, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' };

function holds(op: Op, a: number, b: number): boolean {
  switch (op) {
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'eq':
      return a === b;
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** What a comparison looks at: one record of the checked type, or one group of a grouped count (or the season as a whole). */
type Row = { index: number; fact: Fact } | { group: string | undefined };

/** One side of a comparison, resolved against the data set once. */
interface Side {
  zh: string;
  en: string;
  /** The number for a row (undefined: not a number) and the pointer of the record it comes from. */
  read(row: Row): { value: number | undefined; at: string };
  /** A grouped count: the fields it groups by, the keys of its groups in the order of the data, and the records of a row's group. */
  groups?: { by: readonly string[]; keys: readonly string[]; records(row: Row): readonly number[] };
}

const num = (v: unknown, factor = 1): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v * factor : undefined);
/** A pointer at one record (or a field of it), not at the whole list or nothing. */
const isRecord = (p: string) => p.startsWith('/facts/');
const times = (factor: number | undefined) => (factor === undefined ? '' : ` × ${factor}`);

/**
 * A `compare` validity rule. With `factType` + `field`, every record of the type is
 * checked (its own other fields, the one record of another type, a count in the group
 * sharing its fields); with `left`, the two operands come from different records, group
 * by group when a count is grouped. A record that must be the only one of its type and
 * is missing or repeated is an error where it is (or should be), never a silent pass.
 */
export function checkCompare(rule: CompareRule, scheme: Scheme, data: Dataset, byType: ReadonlyMap<string, readonly number[]>, issues: Issue[], voided: Set<number>): void {
  const names = new Map(scheme.factTypes.map((t) => [t.id, t.name]));
  const typeName = (t: string) => `“${names.get(t) ?? t}”`;

  const single = (o: Extract<Operand, { kind: 'field' }> & { factType: string }): Side | undefined => {
    const found = byType.get(o.factType) ?? [];
    if (found.length === 0) {
      issues.push(
        dataIssue(
          'validity-record-missing',
          '/facts',
          `有效性规则“${rule.name}”要读取${typeName(o.factType)}记录的 ${o.field},数据中没有这条记录:无法检查,本次评议无效(${rule.source})`,
          `validity rule ${rule.id} reads ${o.field} of the ${o.factType} record, and the data holds none: the rule cannot be checked, the run is invalid`,
        ),
      );
      return undefined;
    }
    const [first] = found as [number];
    if (found.length > 1) {
      for (const extra of found.slice(1)) {
        issues.push(
          dataIssue(
            'validity-record-ambiguous',
            joinPointer('', 'facts', extra),
            `有效性规则“${rule.name}”只读取一条${typeName(o.factType)}记录,数据中有 ${found.length} 条(第一条在 /facts/${first}):无法确定用哪一条,请删去多余的记录(${rule.source})`,
            `validity rule ${rule.id} reads the one ${o.factType} record, and the data holds ${found.length} (the first at /facts/${first}): remove the extra records`,
          ),
        );
      }
      return undefined;
    }
    const fact = data.facts[first] as Fact;
    const at = joinPointer('', 'facts', first, o.field);
    const value = num(fact[o.field], o.factor);
    return { zh: `${typeName(o.factType)}记录的 ${o.field}${times(o.factor)}`, en: `${o.field}${times(o.factor)} of the ${o.factType} record`, read: () => ({ value, at }) };
  };

  const count = (o: Extract<Operand, { kind: 'count' }>): Side => {
    const when = o.when ? compileCondition(o.when) : undefined;
    const groups = new Map<string, { first: number; n: number; seen: Set<string>; records: number[] }>();
    const keyOf = (f: Fact) => (o.groupBy ? JSON.stringify(o.groupBy.map((g) => f[g] ?? null)) : '');
    for (const i of byType.get(o.factType) ?? []) {
      const f = data.facts[i] as Fact;
      // every record forms its group (a ballot with no 满意 pick counts 0); only matching records are counted
      const key = keyOf(f);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { first: i, n: 0, seen: new Set(), records: [] }));
      g.records.push(i);
      if (when && !when(f)) continue;
      if (o.distinct === undefined) g.n += 1;
      else if (f[o.distinct] !== undefined && !g.seen.has(JSON.stringify(f[o.distinct]))) {
        g.seen.add(JSON.stringify(f[o.distinct]));
        g.n += 1;
      }
    }
    const per = o.groupBy ? { zh: `(每组 ${o.groupBy.join(' + ')})`, en: ` per ${o.groupBy.join(' + ')}` } : { zh: '', en: '' };
    const matching = o.when ? { zh: '满足条件的', en: 'matching ' } : { zh: '', en: '' };
    const zh = o.distinct === undefined ? `${matching.zh}${typeName(o.factType)}记录数` : `${matching.zh}${typeName(o.factType)}记录中不同 ${o.distinct} 的个数`;
    const en = o.distinct === undefined ? `the number of ${matching.en}${o.factType} records` : `the number of distinct ${o.distinct} among ${matching.en}${o.factType} records`;
    const groupOf = (row: Row) => groups.get('fact' in row ? keyOf(row.fact) : (row.group ?? ''));
    return {
      zh: zh + per.zh,
      en: en + per.en,
      read: (row) => {
        const g = groupOf(row);
        return { value: g?.n ?? 0, at: g ? joinPointer('', 'facts', g.first) : '/facts' };
      },
      ...(o.groupBy ? { groups: { by: o.groupBy, keys: [...groups.keys()], records: (row: Row) => groupOf(row)?.records ?? [] } } : {}),
    };
  };

  const side = (o: Operand): Side | undefined => {
    switch (o.kind) {
      case 'field':
        if (o.factType !== undefined) return single({ ...o, factType: o.factType });
        return {
          zh: `${o.field}${times(o.factor)}`,
          en: `${o.field}${times(o.factor)}`,
          read: (row) => ('fact' in row ? { value: num(row.fact[o.field], o.factor), at: joinPointer('', 'facts', row.index, o.field) } : { value: undefined, at: '/facts' }),
        };
      case 'value':
        return { zh: String(o.value), en: String(o.value), read: () => ({ value: o.value, at: '' }) };
      case 'count':
        return count(o);
      default: {
        const never: never = o;
        return never;
      }
    }
  };

  const perRecord = rule.factType !== undefined && rule.field !== undefined;
  const left = perRecord ? side({ kind: 'field', field: rule.field as string }) : rule.left ? side(rule.left) : undefined;
  const right = side(rule.than);
  if (!left || !right) return;
  let rows: Row[];
  if (perRecord) {
    rows = (byType.get(rule.factType as string) ?? []).map((index) => ({ index, fact: data.facts[index] as Fact }));
    // no record to check is not a pass: the cross-record form says the same of its one record (single above)
    if (rows.length === 0) {
      const t = rule.factType as string;
      issues.push(
        dataIssue(
          'validity-record-missing',
          '/facts',
          `有效性规则“${rule.name}”要检查每条${typeName(t)}记录的 ${rule.field},数据中没有这类记录:无法检查,本次评议无效(${rule.source})`,
          `validity rule ${rule.id} checks ${rule.field} of every ${t} record, and the data holds none: the rule cannot be checked, the run is invalid`,
        ),
      );
      return;
    }
  } else {
    const grouped = [left.groups, right.groups].filter((g): g is NonNullable<Side['groups']> => g !== undefined);
    rows = grouped.length === 0 ? [{ group: undefined }] : [...new Set(grouped.flatMap((g) => g.keys))].map((group) => ({ group }));
  }
  const by = left.groups?.by ?? right.groups?.by;
  for (const row of rows) {
    const a = left.read(row);
    const b = right.read(row);
    const group = 'group' in row ? row.group : undefined;
    const label = group !== undefined && by ? ` [${by.map((f, j) => `${f}=${String((JSON.parse(group) as unknown[])[j])}`).join(', ')}]` : '';
    if (a.value === undefined || b.value === undefined) {
      issues.push(
        dataIssue(
          'validity-missing-field',
          a.value === undefined ? a.at : b.at,
          `有效性规则“${rule.name}”须有数值 ${left.zh} 与 ${right.zh}${label}(${rule.source})`,
          `validity rule ${rule.id} needs numbers ${left.en} and ${right.en}${label}`,
        ),
      );
    } else if (!holds(rule.operator, a.value, b.value) && rule.onBreak === 'void') {
      // 作废: the records of the group the grouped count names (every record of it, matching `when` or not)
      const records = [...new Set([left, right].flatMap((x) => x.groups?.records(row) ?? []))];
      for (const i of records) voided.add(i);
      const at = records.length > 0 ? joinPointer('', 'facts', records[0] as number) : ([a.at, b.at].find(isRecord) ?? '/facts');
      issues.push(
        dataIssue(
          'validity-void',
          at,
          `“${rule.name}”要求 ${left.zh} ${SYMBOL[rule.operator]} ${right.zh}${label},实际为 ${a.value} 与 ${b.value}:该组 ${records.length} 条记录作废,不计分(${rule.source})`,
          `${rule.id} requires ${left.en} ${SYMBOL[rule.operator]} ${right.en}${label}; the data has ${a.value} and ${b.value}: the group's ${records.length} records are void and not scored`,
          'warning',
        ),
      );
    } else if (!holds(rule.operator, a.value, b.value)) {
      // at the left side's record (else the right side's: a group only one side has, a constant); the other record is named in the message
      const at = [a.at, b.at].find(isRecord) ?? '/facts';
      const other = [a.at, b.at].find((p) => isRecord(p) && p !== at);
      const also = other ? { zh: `(另见 ${other})`, en: ` (see also ${other})` } : { zh: '', en: '' };
      issues.push(
        dataIssue(
          'validity-broken',
          at,
          `本次评议无效:“${rule.name}”要求 ${left.zh} ${SYMBOL[rule.operator]} ${right.zh}${label},实际为 ${a.value} 与 ${b.value}${also.zh}(${rule.source})`,
          `the run is invalid: ${rule.id} requires ${left.en} ${SYMBOL[rule.operator]} ${right.en}${label}; the data has ${a.value} and ${b.value}${also.en}`,
        ),
      );
    }
  }
}

/** Every fact type a validity rule reads (its records, and those of its operands): a new one may change the verdict. */
export function validityFactTypes(rule: ValidityRule): string[] {
  switch (rule.kind) {
    case 'compare':
      return [rule.factType, ...[rule.left, rule.than].map((o) => (o && o.kind !== 'value' ? o.factType : undefined))].filter((t): t is string => t !== undefined);
    case 'count':
      return [rule.factType];
    default: {
      const never: never = rule;
      return never;
    }
  }
}
