import { Type, type Static } from '@sinclair/typebox';
import { doc } from '../scheme/kind-union.ts';
import type { SchemeCase } from './case.ts';

/**
 * The case-file format (`schemes/<id>/cases/*.json`) as a schema with a
 * description on every key, for the generated reference (docs/reference.md)
 * and for checking each case file before it runs (check-case-file.ts): a
 * misspelled key (`totl`, `clases`) would otherwise check nothing and pass.
 * The compile-time check at the bottom keeps it in step with `SchemeCase`.
 */
export const CASE_SCHEMA_ID = 'https://pingyi.local/schema/case.schema.json';
const closed = { additionalProperties: false } as const;
/** Measure → points; `notes` is the one reserved key: exactly these notes (通报批评…) reach the target. */
const TargetConsequences = Type.Object(
  { notes: Type.Optional(Type.Array(Type.String(), doc('恰好这些结果运用说明(note,如“通报批评”;顺序不计)', 'exactly these consequence notes (order ignored)'))) },
  {
    additionalProperties: Type.Number(doc('计分对象 → 分值(误差 1e-6 内相等)', 'measure → points (equal within 1e-6)')),
    ...doc('计分对象 → 分值;notes 为结果运用说明', 'measure → points; `notes` lists the consequence notes'),
  },
);
const Why = Type.Union([Type.String(), Type.Array(Type.String())], doc('手工计算过程及所依据的条款(期望值的来源,不得抄程序输出)', 'the hand computation and the clauses it follows (never the program\'s own output)'));

export const UnitExpectationSchema = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('scored'), Type.Literal('exempt')], doc('计分 scored 或免评 exempt', 'scored or exempt'))),
    total: Type.Optional(Type.Number(doc('总成绩(误差 1e-6 内相等)', 'total (equal within 1e-6)'))),
    inTotal: Type.Optional(Type.Number(doc('分值内得分', 'points inside the total'))),
    outsideTotal: Type.Optional(Type.Number(doc('分值外加减分', 'points outside the total'))),
    indicators: Type.Optional(Type.Record(Type.String(), Type.Number(), doc('指标标识 → 得分', 'indicator id → points'))),
    ranks: Type.Optional(Type.Record(Type.String(), Type.Number(), doc('排名标识 → 名次', 'ranking id → rank'))),
    classes: Type.Optional(Type.Array(Type.String(), doc('恰好属于这些等次(顺序不计)', 'exactly these classes (order ignored)'))),
    selections: Type.Optional(Type.Array(Type.String(), doc('恰好入选这些筛选', 'exactly these selections'))),
    why: Type.Optional(Why),
  },
  { ...closed, ...doc('对某一单位的期望', 'what is expected of one unit') },
);

export const CaseExpectationSchema = Type.Object(
  {
    ok: Type.Boolean(doc('运行是否无错误;证明错误数据被拒绝的案例为 false', 'whether the run has no error; false for a case proving bad input is rejected')),
    issues: Type.Optional(
      Type.Array(
        Type.Object(
          { code: Type.String(doc('问题代码', 'issue code')), path: Type.Optional(Type.String(doc('JSON Pointer(缺省:任意位置)', 'JSON Pointer (default: anywhere)'))) },
          { ...closed, ...doc('必须报告的问题', 'an issue that must be reported') },
        ),
        doc('必须报告的问题(代码与位置)', 'issues that must be reported (code and path)'),
      ),
    ),
    onlyIssues: Type.Optional(Type.Boolean(doc('为 true 时不得报告 issues 之外的任何问题(含警告)', 'when true, no issue beyond `issues` may be reported (warnings included)'))),
    units: Type.Optional(Type.Record(Type.String(), UnitExpectationSchema, doc('单位标识 → 期望', 'unit id → expectation'))),
    selections: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object(
          {
            size: Type.Optional(Type.Number(doc('入选单位数', 'number of members'))),
            includes: Type.Optional(Type.Array(Type.String(), doc('必须入选的单位', 'units that must be in it'))),
            excludes: Type.Optional(Type.Array(Type.String(), doc('不得入选的单位', 'units that must not be in it'))),
          },
          { ...closed, ...doc('对某次筛选的期望', 'what is expected of a selection') },
        ),
        doc('筛选标识 → 期望', 'selection id → expectation'),
      ),
    ),
    classes: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()), doc('等次标识 → 恰好这些单位', 'class id → exactly these units'))),
    consequences: Type.Optional(
      Type.Record(Type.String(), TargetConsequences, doc('对象(主管单位或单位)标识 → 计分对象 → 分值,及 notes 说明', 'target id → measure → points, and `notes`')),
    ),
    why: Type.Optional(Why),
  },
  { ...closed, ...doc('期望结果;数值在 1e-6 内相等即通过(手算的循环小数写到 6 位以上)', 'expected results; numbers pass when equal within 1e-6 (write repeating decimals to 6+ places)') },
);

export const SchemeCaseSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ examples: ['../../case.schema.json'], ...doc('JSON Schema 的位置,供编辑器补全与校验', 'where the JSON Schema is, for editors') })),
    name: Type.String(doc('案例名称', 'case name')),
    description: Type.Optional(Type.String(doc('说明', 'description'))),
    input: Type.Union([Type.Object({}, { additionalProperties: true }), Type.String()], doc('数据集(内联),或相对案例文件的数据文件名', 'the data set inline, or a data file name relative to the case file')),
    useSchemeRoster: Type.Optional(Type.Boolean(doc('数据中没有单位时使用方案自带的名单 roster.json', "use the scheme's shipped roster.json when the input has no units"))),
    expect: CaseExpectationSchema,
  },
  {
    $id: CASE_SCHEMA_ID,
    ...closed,
    ...doc(
      '方案测试案例(cases/*.json);不认识的键(如把 total 写成 totl)是错误 case-unknown-key,案例不通过',
      'scheme test case (cases/*.json); an unknown key (totl for total) is the error case-unknown-key and fails the case',
    ),
  },
);

// compile-time: every case the schema describes is a SchemeCase (keys and value types agree)
type Described = Omit<Static<typeof SchemeCaseSchema>, 'input' | '$schema'> & { input: SchemeCase['input'] };
export const caseSchemaMatches = (c: Described): SchemeCase => c;
