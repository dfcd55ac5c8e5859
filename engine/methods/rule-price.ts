import { dataIssue, joinPointer } from '../issue.ts';
import type { IndexedFact } from '../facts/facts-index.ts';
import type { CompiledRule } from './adjustments.ts';
import type { MethodContext } from './method.ts';

/**
 * What one matched fact costs or earns before modifiers: the rule's points
 * (fixed, a range read from the fact, or a table row) times its quantity.
 * Bad input is reported at the fact's field and the match is not counted.
 */
export function price(c: CompiledRule, item: IndexedFact, ctx: MethodContext, rulesPointer: string): { base: number; quantity: number } | undefined {
  const p = c.rule.points;
  const fact = item.fact;
  let base: number;
  switch (p.kind) {
    case 'fixed':
      base = p.value;
      for (const f of c.amountFields) {
        if (fact[f] === undefined) continue;
        ctx.report(
          dataIssue(
            'amount-ignored',
            joinPointer('', 'facts', item.ref.index, f),
            `规则“${c.rule.name}”(${c.rule.source})为固定分值 ${p.value} 分,记录中的 ${f} = ${JSON.stringify(fact[f])} 不起作用`,
            `rule "${c.rule.id}" has fixed points ${p.value}; the recorded ${f} = ${JSON.stringify(fact[f])} is ignored`,
            'warning',
          ),
        );
      }
      break;
    case 'range': {
      const v = fact[p.field];
      if (v === undefined) return missingField(c, item, p.field, ctx);
      if (typeof v !== 'number' || v < p.min || v > p.max) {
        ctx.report(
          dataIssue(
            'amount-out-of-range',
            joinPointer('', 'facts', item.ref.index, p.field),
            `规则“${c.rule.name}”(${c.rule.source})视情分值应在 ${p.min}–${p.max} 之间,记录为 ${JSON.stringify(v)}`,
            `rule "${c.rule.id}" takes an amount within ${p.min}–${p.max}; the fact records ${JSON.stringify(v)} (scheme ${rulesPointer}/${c.index}/points)`,
          ),
        );
        return undefined;
      }
      base = v;
      break;
    }
    case 'table': {
      const key = fact[p.field];
      if (key === undefined) return missingField(c, item, p.field, ctx);
      // own rows only: a recorded "toString" is not a row of the table
      const row = String(key);
      const v = Object.hasOwn(p.values, row) ? p.values[row] : undefined;
      if (v === undefined) {
        ctx.report(
          dataIssue(
            'table-key-unknown',
            joinPointer('', 'facts', item.ref.index, p.field),
            `规则“${c.rule.name}”的分值表没有“${row}”这一项(可选:${Object.keys(p.values).join('、')})`,
            `rule "${c.rule.id}" has no row "${row}" (rows: ${Object.keys(p.values).join(', ')})`,
          ),
        );
        return undefined;
      }
      base = v;
      break;
    }
    default: {
      const never: never = p;
      return never;
    }
  }
  let quantity = 1;
  if (c.rule.quantityField !== undefined) {
    const q = fact[c.rule.quantityField];
    quantity = q === undefined ? 1 : Number(q);
    if (!(Number.isFinite(quantity) && quantity >= 0)) {
      ctx.report(
        dataIssue(
          'bad-quantity',
          joinPointer('', 'facts', item.ref.index, c.rule.quantityField),
          `规则“${c.rule.name}”的数量(人次)须为不小于 0 的数,记录为 ${JSON.stringify(q)}`,
          `rule "${c.rule.id}" needs a quantity ≥ 0; the fact records ${JSON.stringify(q)}`,
        ),
      );
      return undefined;
    }
  }
  return { base, quantity };
}

/** A rule reads a field the fact does not have: name the field, never "undefined". */
function missingField(c: CompiledRule, item: IndexedFact, field: string, ctx: MethodContext): undefined {
  ctx.report(
    dataIssue(
      'missing-field',
      joinPointer('', 'facts', item.ref.index, field),
      `缺少字段 ${field}(规则“${c.rule.name}”按此字段计分,${c.rule.source})`,
      `missing field ${field} (rule "${c.rule.id}" prices the fact by it)`,
    ),
  );
  return undefined;
}

