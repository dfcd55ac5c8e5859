import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';
import { KindUnion, doc } from './kind-union.ts';

export const Basis = KindUnion(
  [
    Type.Object({ kind: Type.Literal('total') }, { additionalProperties: false, ...doc('总成绩', 'total') }),
    Type.Object({ kind: Type.Literal('indicator'), id: Id }, { additionalProperties: false, ...doc('某指标得分', 'an indicator') }),
  ],
  doc('排序依据:总成绩 total,或某一指标得分 indicator(筛选取前/后 N 名、排名均按此值)', 'what units are ordered by: the total, or one indicator\'s points (for a selection\'s top / bottom N and for rankings)'),
);
export type Basis = Static<typeof Basis>;
