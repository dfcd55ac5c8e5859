/**
 * The JSON Schema of the compact result document (engine/run/compact-result.ts),
 * from TypeBox like the scheme's: schemes/result.schema.json is generated from
 * it (`npm run schema:build`) and checked fresh. It states the envelope, the
 * units and their traces' references exactly; the parts the full result has
 * always had (issues, selections, rankings, classes, consequences,
 * completeness) are described as objects, as docs/data-format.md and the
 * engine's types describe them.
 */
import { Type } from '@sinclair/typebox';
import { doc } from '../scheme/kind-union.ts';
import { hoistDefs } from '../validate/structure.ts';
import { COMPACT_FORMAT, COMPACT_FORMAT_VERSION, DEF, SHARED_STEP_KEYS } from './compact-result.ts';

export const RESULT_SCHEMA_ID = 'https://pingyi.local/schema/result.schema.json';

const DefRef = Type.Integer({ minimum: 0, ...doc('defs 中的序号:此处省去的键及其值在那里', 'index into defs: the keys left out here, with their values') });

const CompactStep = Type.Object(
  { [DEF]: Type.Optional(DefRef), kind: Type.Optional(Type.String({ ...doc('步骤种类(有 $d 时在定义中)', 'step kind (in the def when $d is given)') })) },
  { additionalProperties: true, ...doc(`得分步骤;有 $d 时,${Object.keys(SHARED_STEP_KEYS).length} 种步骤各自的方案键在 defs 中`, 'a trace step; with $d, its scheme keys (per kind) are in defs') },
);

const CompactIndicator = Type.Recursive(
  (This) =>
    Type.Object(
      {
        [DEF]: DefRef,
        points: Type.Number({ ...doc('该单位此指标得分', 'the points of this unit on this indicator') }),
        steps: Type.Array(CompactStep),
        children: Type.Optional(Type.Array(This)),
      },
      { additionalProperties: false, ...doc('指标得分说明;id、名称、满分、是否计入总分在 defs 中', 'an indicator trace; id, name, max and outsideTotal are in defs') },
    ),
  { $id: 'CompactIndicator' },
);

const Loose = (zh: string, en: string) => Type.Object({}, { additionalProperties: true, ...doc(zh, en) });

const CompactUnit = Type.Object(
  {
    unit: Type.String(),
    name: Type.String(),
    parent: Type.Optional(Type.String()),
    category: Type.Optional(Type.String()),
    status: Type.Union([Type.Literal('scored'), Type.Literal('exempt')]),
    exemptBy: Type.Optional(Loose('免评依据', 'what exempts the unit')),
    inTotal: Type.Union([Type.Number(), Type.Null()]),
    outsideTotal: Type.Union([Type.Number(), Type.Null()]),
    total: Type.Union([Type.Number(), Type.Null()]),
    indicators: Type.Array(CompactIndicator),
    ranks: Type.Record(Type.String(), Type.Number()),
    classes: Type.Array(Type.String()),
    selections: Type.Array(Type.String()),
    vetoes: Type.Optional(Type.Array(Loose('一票否决', 'a veto'))),
  },
  { additionalProperties: false, ...doc('单位结果', 'a unit result') },
);

export const CompactResult = Type.Object(
  {
    format: Type.Literal(COMPACT_FORMAT),
    formatVersion: Type.Literal(COMPACT_FORMAT_VERSION),
    ok: Type.Boolean(),
    issues: Type.Array(Loose('问题 {code, path, message, severity, source, file?, line?}', 'a problem')),
    scheme: Type.Object({ id: Type.String(), version: Type.String() }),
    units: Type.Optional(Type.Array(CompactUnit)),
    selections: Type.Optional(Type.Array(Loose('入选', 'a selection'))),
    rankings: Type.Optional(Type.Array(Loose('排名', 'a ranking'))),
    classes: Type.Optional(Type.Array(Loose('等次', 'a class'))),
    consequences: Type.Optional(Type.Array(Loose('结果运用', 'a consequence'))),
    completeness: Type.Optional(Loose('数据完整性', 'data completeness')),
    display: Type.Optional(Type.Object({ digits: Type.Integer() })),
    defs: Type.Array(Loose('一次写出的方案内容(规则、条款、指标…),由 $d 引用', 'what the scheme says once (rules, clauses, indicators…), referred to by $d')),
  },
  { $id: RESULT_SCHEMA_ID, additionalProperties: false, ...doc('pingyi score --json 的紧凑结果', 'the compact result of pingyi score --json') },
);

export function resultJsonSchema(): Record<string, unknown> {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...hoistDefs(CompactResult) };
}
