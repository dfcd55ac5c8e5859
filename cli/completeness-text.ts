import type { Completeness } from '../engine/index.ts';

/** The data-completeness summary a clerk reads before trusting the table. */
export function completenessText(c: Completeness): string {
  const lines = [`数据完整性 data completeness(共 ${c.facts} 条事实 facts):`];
  for (const f of c.factTypes) {
    const who = f.target === 'parent' ? '主管单位 parents' : '单位 units';
    const missing = f.without > 0 ? `,无记录 without ${f.without}${f.with > 0 && f.firstIds.length ? `(如 e.g. ${f.firstIds.join('、')}${f.without > f.firstIds.length ? ' …' : ''})` : ''}` : '';
    lines.push(`  ${f.name} ${f.factType}:${f.facts} 条 facts;有记录的${who} with records ${f.with}${missing}`);
  }
  for (const d of c.defaulted) {
    lines.push(
      `  ! ${d.name} ${d.indicator}:${d.units} 个单位缺数据,按方案规定 ${d.policy} 计分${d.zero ? `(其中 ${d.zero} 个计 0 分)` : ''} — ${d.units} unit(s) without data scored by policy ${d.policy}${d.zero ? ` (${d.zero} taken as 0)` : ''}`,
    );
  }
  return lines.join('\n');
}
