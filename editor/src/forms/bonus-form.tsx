/** 加分项: each rule a sentence 「[事项] 每次加 [1] 分;同组合计最多加 [3] 分;依据 [条款]」. */
import { AdjustmentForm, type MethodFormProps } from './adjustment-form.tsx';

export function BonusForm(props: MethodFormProps) {
  return <AdjustmentForm {...props} verb="加" />;
}
