import { Type, type Static } from '@sinclair/typebox';
import { ConditionSchema } from '../conditions/condition-schema.ts';
import { Id, Int, Num, Source } from './common.ts';
import { KindUnion, StringEnum, doc } from './kind-union.ts';

export const TieBreakKey = KindUnion(
  [
    Type.Object(
      { kind: Type.Literal('indicator'), id: Id, order: StringEnum(['desc', 'asc']) },
      { additionalProperties: false, ...doc('按某指标得分', 'by an indicator') },
    ),
  ],
  doc('并列时比较的项', 'tie-break key'),
);

export const TieBreak = Type.Object(
  {
    keys: Type.Array(TieBreakKey),
    otherwise: StringEnum(['shared', 'roster-order', 'error'], {
      ...doc('仍并列时:并列同名次 shared、按名单顺序 roster-order、或报错 error(不得并列)', 'still tied: share the rank, roster order, or an error'),
    }),
    source: Type.Optional(Source),
  },
  { additionalProperties: false, ...doc('并列处理规则', 'declared tie-break') },
);
export type TieBreak = Static<typeof TieBreak>;

export const Basis = KindUnion(
  [
    Type.Object({ kind: Type.Literal('total') }, { additionalProperties: false, ...doc('总成绩', 'total') }),
    Type.Object({ kind: Type.Literal('indicator'), id: Id }, { additionalProperties: false, ...doc('某指标得分', 'an indicator') }),
  ],
  doc('排序依据', 'ranking basis'),
);
export type Basis = Static<typeof Basis>;

/** 免评: a unit whose history holds `outcome` in every one of `yearsAgo` is not scored. */
export const HistoryExemption = Type.Object(
  {
    kind: Type.Literal('history'),
    id: Id,
    name: Type.String(),
    outcome: Id,
    yearsAgo: Type.Array(Int({ minimum: 1 }), { minItems: 1 }),
    source: Source,
  },
  { additionalProperties: false, ...doc('按往年结果免评', 'exemption from history') },
);

/** Units this scheme does not score (e.g. a category evaluated by another body), chosen by a condition on `$unit` / `$parent`. */
export const ConditionExemption = Type.Object(
  { kind: Type.Literal('condition'), id: Id, name: Type.String(), when: ConditionSchema, source: Source },
  { additionalProperties: false, ...doc('按条件不参加本方案评议(如另行评议的类别)', 'units outside this scheme, by a condition on the unit') },
);

export const Exemption = KindUnion([HistoryExemption, ConditionExemption], doc('免评', 'exemption'));
export type Exemption = Static<typeof Exemption>;

/** Candidates for a later round: top N and bottom N on a basis, plus carry-overs from history. */
export const Selection = Type.Object(
  {
    id: Id,
    name: Type.String(),
    basis: Basis,
    top: Int({ minimum: 0 }),
    bottom: Int({ minimum: 0 }),
    carryOver: Type.Optional(
      Type.Object({ outcome: Id, yearsAgo: Int({ minimum: 1 }) }, { additionalProperties: false, ...doc('上一年度某结果直接列入', 'units with an earlier outcome enter directly') }),
    ),
    tieBreak: TieBreak,
    source: Source,
  },
  { additionalProperties: false, ...doc('入围筛选', 'selection for a later round') },
);
export type Selection = Static<typeof Selection>;

export const Pool = KindUnion(
  [
    Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false, ...doc('全部参评单位', 'all scored units') }),
    Type.Object({ kind: Type.Literal('selection'), id: Id }, { additionalProperties: false, ...doc('某次筛选入围的单位', 'units of a selection') }),
  ],
  doc('排名范围', 'who is ranked'),
);

export const Ranking = Type.Object(
  {
    id: Id,
    name: Type.String(),
    basis: Basis,
    pool: Pool,
    groupBy: StringEnum(['none', 'category'], { ...doc('整体排名或分类别排名', 'overall or per category') }),
    tieBreak: TieBreak,
    source: Source,
  },
  { additionalProperties: false, ...doc('排名', 'ranking') },
);
export type Ranking = Static<typeof Ranking>;

/** 满意 / 不满意 / 最不满意 …: the top or bottom of a ranking (per group), by count or percent, optionally only units with an earlier outcome. */
export const Classification = Type.Object(
  {
    id: Id,
    name: Type.String(),
    ranking: Id,
    from: StringEnum(['top', 'bottom']),
    count: Type.Optional(Int({ minimum: 0 })),
    percent: Type.Optional(Num({ minimum: 0, maximum: 100 })),
    rounding: Type.Optional(StringEnum(['floor', 'ceil', 'round'])),
    within: Type.Optional(Id),
    excludes: Type.Optional(Type.Array(Id, { ...doc('已属这些等次的单位不再参与本等次(如不满意单位不取满意单位)', 'units already in these classes are not eligible') })),
    history: Type.Optional(
      Type.Object(
        {
          outcome: Id,
          yearsAgo: Type.Array(Int({ minimum: 1 }), { minItems: 1, ...doc('往前第几年(1 = 上一年度)', 'years back (1 = last year)') }),
          source: Type.Optional(Source),
        },
        {
          additionalProperties: false,
          ...doc(
            '往年结果条件:按名次选出的单位中,只保留所列各年度均为该结果的单位(如连续两年倒数第一)',
            'history condition: of the units taken by place, keep only those whose history holds the outcome in every listed year (e.g. last two years running)',
          ),
        },
      ),
    ),
    source: Source,
  },
  { additionalProperties: false, ...doc('等次认定', 'classification') },
);
export type Classification = Static<typeof Classification>;

export const Consequence = Type.Object(
  {
    id: Id,
    name: Type.String(),
    class: Id,
    target: StringEnum(['parent', 'unit']),
    measure: Type.Optional(Type.String({ ...doc('计分对象(如“考绩”)', 'what the points apply to, e.g. 考绩') })),
    points: Type.Optional(Num()),
    note: Type.Optional(Type.String()),
    replaces: Type.Optional(Id),
    source: Source,
  },
  { additionalProperties: false, ...doc('结果运用;replaces:同一单位适用本项时取代所列结果运用(如最不满意的 −10 取代不满意的 −5)', 'consequence of a classification; `replaces` drops another consequence for the same unit') },
);
export type Consequence = Static<typeof Consequence>;
