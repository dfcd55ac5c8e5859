import type { ErrorObject } from 'ajv';
import type { BilingualMessage } from './ajv-messages.ts';

/**
 * A deduction or bonus rule without its amount: the editor creates a rule
 * with no points (a made-up default would validate and score silently), and
 * this says what the clerk has to fill in, in the clerk's words, instead of
 * “缺少字段 points”.
 */
export function missingPointsMessage(doc: unknown, e: ErrorObject): BilingualMessage | undefined {
  if (e.keyword !== 'required' || (e.params as { missingProperty?: unknown }).missingProperty !== 'points') return undefined;
  const m = /^(.*\/method)\/(rules|adjustments)\/\d+$/.exec(e.instancePath);
  if (!m) return undefined;
  const kind = kindAt(doc, m[1] ?? '');
  if (kind === 'deduction') return { zh: '请填写扣分分值', en: 'give the points this rule deducts' };
  if (kind === 'bonus') return { zh: '请填写加分分值', en: 'give the points this rule adds' };
  return { zh: '请填写分值', en: 'give the points of this rule' };
}

function kindAt(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const t of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[t.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur !== null && typeof cur === 'object' ? (cur as { kind?: unknown }).kind : undefined;
}
