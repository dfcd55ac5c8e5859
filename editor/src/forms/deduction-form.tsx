/** 扣分制: each rule a sentence 「[事项] 每次扣 [2] 分;同组合计最多扣 [6] 分;依据 [条款]」. */
import { AdjustmentForm, type MethodFormProps } from './adjustment-form.tsx';

export function DeductionForm(props: MethodFormProps) {
  return <AdjustmentForm {...props} verb="扣" />;
}
