import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common.ts';
import { KindUnion, doc } from './kind-union.ts';

export const Basis = KindUnion(
  [
    Type.Object({ kind: Type.Literal('total') }, { additionalProperties: false, ...doc('总成绩', 'total') }),
    Type.Object({ kind: Type.Literal('indicator'), id: Id }, { additionalProperties: false, ...doc('某指标得分', 'an indicator') }),
  ],
  doc('排序依据', 'ranking basis'),
);
export type Basis = Static<typeof Basis>;
