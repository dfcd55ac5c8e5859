import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Id, Int, Num, Source } from './common.ts';
import { Basis } from './flow-basis.ts';
import { KindUnion, StringEnum, doc } from './kind-union.ts';
import { SelectionReason } from './scoring-pool.ts';

export const TieBreakKey = KindUnion(
  [
    Type.Object(
      { kind: Type.Literal('indicator'), id: Id, order: StringEnum(['desc', 'asc'], { ...doc('高者在前 desc 或低者在前 asc', 'higher first (desc) or lower first (asc)') }) },
      { additionalProperties: false, ...doc('按某指标得分', 'by an indicator') },
    ),
  ],
  doc('并列时比较的项', 'tie-break key'),
);

export const TieBreak = Type.Object(
  {
    keys: Type.Array(TieBreakKey, { ...doc('依次比较的项(可为空:直接按 otherwise)', 'keys compared in order (may be empty: straight to `otherwise`)') }),
    otherwise: StringEnum(['shared', 'roster-order', 'error'], {
      ...doc('仍并列时:并列同名次 shared、按名单顺序 roster-order、或报错 error(不得并列)', 'still tied: share the rank, roster order, or an error'),
    }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('并列处理规则', 'declared tie-break') },
);
export type TieBreak = Static<typeof TieBreak>;

export { Basis } from './flow-basis.ts';

/** 免评: a unit whose history holds `outcome` in every one of `yearsAgo` is not scored. */
export const HistoryExemption = Type.Object(
  {
    kind: Type.Literal('history'),
    id: Id,
    name: Type.String({ ...doc('免评规则名称', 'exemption name') }),
    outcome: Id,
    yearsAgo: Type.Array(Int({ minimum: 1 }), { minItems: 1, ...doc('往前第几年(1 = 上一年度)', 'years back (1 = last year)') }),
    atLeast: Type.Optional(Int({ minimum: 1, ...doc('所列年度中至少几年为该结果(缺省:全部)', 'how many of the listed years must hold the outcome (default: all)') })),
    source: Source,
  },
  { additionalProperties: false, ...doc('按往年结果免评', 'exemption from history') },
);

/** Units this scheme does not score (e.g. a category evaluated by another body), chosen by a condition on `$unit` / `$parent`. */
export const ConditionExemption = Type.Object(
  { kind: Type.Literal('condition'), id: Id, name: Type.String({ ...doc('免评规则名称', 'exemption name') }), when: ConditionSchema, source: Source },
  { additionalProperties: false, ...doc('按条件不参加本方案评议(如另行评议的类别)', 'units outside this scheme, by a condition on the unit') },
);

export const Exemption = KindUnion([HistoryExemption, ConditionExemption], doc('免评', 'exemption'));
export type Exemption = Static<typeof Exemption>;

/** Units an office names (市评议办确定的名单), given as facts of a declared type. */
export const ListedUnits = Type.Object(
  {
    factType: Id,
    when: Type.Optional(ConditionSchema),
    source: Source,
  },
  { additionalProperties: false, ...doc('以事实给出的名单(如评议办确定的网络评议单位)', 'units named by facts, e.g. the office’s list for the network round') },
);

/** Candidates for a later round: top N and bottom N on a basis, plus carry-overs from history, plus units listed as facts. */
export const Selection = Type.Object(
  {
    id: Id,
    name: Type.String({ ...doc('筛选名称', 'selection name') }),
    basis: Basis,
    top: Int({ minimum: 0, ...doc('取前 N 名', 'the top N on the basis') }),
    bottom: Int({ minimum: 0, ...doc('取后 N 名', 'the bottom N on the basis') }),
    carryOver: Type.Optional(
      Type.Object({ outcome: Id, yearsAgo: Int({ minimum: 1, ...doc('往前第几年(1 = 上一年度)', 'years back (1 = last year)') }) }, { additionalProperties: false, ...doc('上一年度某结果直接列入', 'units with an earlier outcome enter directly') }),
    ),
    listed: Type.Optional(ListedUnits),
    tieBreak: TieBreak,
    source: Source,
  },
  { additionalProperties: false, ...doc('入围筛选', 'selection for a later round') },
);
export type Selection = Static<typeof Selection>;

export const Pool = KindUnion(
  [
    Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false, ...doc('全部参评单位', 'all scored units') }),
    Type.Object(
      {
        kind: Type.Literal('selection'),
        id: Id,
        reasons: Type.Optional(
          Type.Array(SelectionReason, {
            minItems: 1,
            ...doc('只取以这些方式入围的单位(分池单独排名,如名单单位与计算入围单位分开)', 'only units that entered this way (separate pools ranked separately)'),
          }),
        ),
      },
      { additionalProperties: false, ...doc('某次筛选入围的单位', 'units of a selection') },
    ),
  ],
  doc('排名范围', 'who is ranked'),
);

export const Ranking = Type.Object(
  {
    id: Id,
    name: Type.String({ ...doc('排名名称', 'ranking name') }),
    basis: Basis,
    pool: Pool,
    groupBy: StringEnum(['none', 'category'], { ...doc('整体排名或分类别排名', 'overall or per category') }),
    tieBreak: TieBreak,
    source: Source,
  },
  { additionalProperties: false, ...doc('排名', 'ranking') },
);
export type Ranking = Static<typeof Ranking>;

export { Classification, Veto, VetoEffect, ScoreBand, HistoryCondition, TiePolicy } from './classes.ts';
export type { ClassKind } from './classes.ts';

export const Consequence = Type.Object(
  {
    id: Id,
    name: Type.String({ ...doc('结果运用名称', 'consequence name') }),
    class: Type.Optional(Id),
    onFact: Type.Optional(
      Type.Object(
        { factType: Id, when: Type.Optional(ConditionSchema) },
        { additionalProperties: false, ...doc('由事实直接触发(如查实问题即通报批评),与 class 二选一', 'triggered by a fact directly (e.g. a verified problem → 通报批评); instead of class') },
      ),
    ),
    target: StringEnum(['parent', 'unit'], { ...doc('作用于主管单位 parent 或参评单位 unit', 'applies to the parent or to the unit') }),
    measure: Type.Optional(Type.String({ ...doc('计分对象(如“考绩”)', 'what the points apply to, e.g. 考绩') })),
    points: Type.Optional(Num({ ...doc('加减分值(负数为扣分)', 'points added (negative: deducted)') })),
    note: Type.Optional(Type.String({ ...doc('说明(如“通报批评”)', 'note, e.g. 通报批评') })),
    replaces: Type.Optional(Id),
    source: Source,
  },
  { additionalProperties: false, ...doc('结果运用;replaces:同一单位适用本项时取代所列结果运用(如最不满意的 −10 取代不满意的 −5)', 'consequence of a classification; `replaces` drops another consequence for the same unit') },
);
export type Consequence = Static<typeof Consequence>;
