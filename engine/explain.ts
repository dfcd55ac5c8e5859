import { formatPoints } from './format/display-precision.ts';
import { assertNever } from './numbers.ts';
import type { UnitResult } from './run/result.ts';
import type { IndicatorTrace, Step } from './trace.ts';

const n = (x: number) => String(Math.round(x * 1e6) / 1e6);
const signed = (x: number) => (x > 0 ? `+${n(x)}` : n(x));
const fact = (f: { index: number; id?: string; type: string }) => `事实 fact /facts/${f.index}${f.id ? ` (${f.id})` : ''} [${f.type}]`;

const show = (v: number | boolean, date?: true) => (typeof v === 'boolean' ? (v ? '是' : '否') : date ? new Date(v * 86_400_000).toISOString().slice(0, 10) : n(v));

/** One line per step, Chinese first, so a reader can redo the arithmetic by hand. */
export function describeStep(s: Step): string {
  switch (s.kind) {
    case 'votes':
      return `票数 votes ${Object.entries(s.counts).map(([k, v]) => `${k}=${v}`).join(' ')},共 ${s.total} 票 → 得分率 ${n(s.ratio)} → ${n(s.points)} 分`;
    case 'no-votes':
      return `无票 no votes → ${s.policy} → ${n(s.points)} 分`;
    case 'blend':
      return `票数 ${s.votes} < ${s.minVotes}:总平均分 ${n(s.populationMean)}×${s.populationWeight} + 本单位 ${n(s.own)}×${s.ownWeight} = ${n(s.points)} 〔${s.source}〕`;
    case 'volume-weight':
      return `服务量 volume ${s.volume ?? '未报'} → 系数 ×${s.factor}:${n(s.before)} → ${n(s.after)} 〔${s.source}〕`;
    case 'base':
      return `基础分 base ${n(s.base)}`;
    case 'rule': {
      const mods = s.modifiers.map((m) => ` ×${m.factor}(${m.name})`).join('');
      const qty = s.quantity !== 1 ? ` ×${s.quantity}` : '';
      return `${fact(s.fact)} → 规则 rule ${s.rule}「${s.name}」${n(s.base)}${qty}${mods} = ${signed(s.points)}${s.group ? ` [组 ${s.group}]` : ''} 〔${s.source}〕`;
    }
    case 'exempt':
      return `${fact(s.fact)} → 规则 ${s.rule} 免于计分 exempt:${s.name} 〔${s.source}〕`;
    case 'deduped':
      return `${fact(s.fact)} → 同一“${s.key}”只计最高一项,已计 /facts/${s.keptFact.index},本项不计 〔${s.source}〕`;
    case 'group-cap':
      return `组 ${s.group}「${s.name}」合计 ${signed(s.raw)},限 ${n(s.cap)} → 计 ${signed(s.applied)} 〔${s.source}〕`;
    case 'cap':
      return `封顶 cap ${n(s.cap)}:${n(s.before)} → ${n(s.after)}${s.source ? ` 〔${s.source}〕` : ''}`;
    case 'floor':
      return `扣完为止 floor ${n(s.floor)}:${n(s.before)} → ${n(s.after)}`;
    case 'scale':
      return `折算 scale ${n(s.before)} ÷ ${n(s.from)} × ${n(s.to)} = ${n(s.after)}`;
    case 'round':
      return `舍入 round ${s.digits} 位(${s.mode}):${n(s.before)} → ${n(s.after)}`;
    case 'grade':
      return `${s.fact ? fact(s.fact) + ' → ' : ''}等次 grade ${s.name}${s.score !== undefined ? `,评分 ${n(s.score)}` : ''} → ${n(s.points)} 分`;
    case 'rank-deduction':
      return `主管单位 ${s.parent} 在“${s.group}”中得分 ${s.score ?? '—'},第 ${s.rank ?? '—'}${s.of !== null ? `/${s.of}` : '(上报名次 reported)'} 名;前 ${s.freeTop} 名不扣,此后每名 ${s.perPlace} → 扣 ${n(s.deduction)},得 ${n(s.points)} 〔${s.source}〕`;
    case 'reported':
      return `上报分 reported ${s.values.map((v) => `${n(v.value)}(/facts/${v.fact.index})`).join(', ')} → ${s.combine} ${n(s.result)}${s.scale !== undefined ? ` ÷ ${s.scale} 折算` : ''} → ${n(s.points)}`;
    case 'period-grade':
      return `${s.period}:初评 ${s.preliminary ?? '—'},加减 ${signed(s.adjustment)} → ${n(s.score)},第 ${s.rank}/${s.of} → ${s.grade} ${n(s.points)} 分`;
    case 'missing':
      return `无数据 missing → ${s.policy} → ${n(s.points)}`;
    case 'formula-input':
      return `输入 ${s.label}(${s.name})= ${s.value === null ? '缺失' : show(s.value, s.date)}:${s.detail}`;
    case 'formula-op':
      return `计算 ${s.text}:${s.with} → ${show(s.value, s.date)}`;
    case 'formula-result':
      return `计算式 ${s.expression} 的结果 = ${n(s.value)}`;
    case 'aggregate':
      return `${s.mode === 'sum' ? '合计 sum' : '平均 mean'} ${s.parts.map((p) => `${p.indicator} ${n(p.points)}`).join(s.mode === 'sum' ? ' + ' : ', ')} = ${n(s.points)}`;
    case 'not-selected':
      return `未入选 ${s.selection} → ${s.policy} → ${n(s.points)}${s.source ? ` 〔${s.source}〕` : ''}`;
    case 'pool':
      return `分池 pool ${s.pool}「${s.name}」:在筛选 ${s.selection} 的 ${s.members} 个同池单位中单独计算 (scored among its own pool) 〔${s.source}〕`;
    case 'variant':
      return `变体 variant ${s.variant}「${s.name}」${s.default ? '(缺省 default)' : '(条件成立 condition holds)'}${s.source ? ` 〔${s.source}〕` : ''}`;
    default:
      return assertNever(s);
  }
}

export function explainIndicator(t: IndicatorTrace, indent = ''): string[] {
  const head = `${indent}${t.name} ${t.id}:${n(t.points)} / ${n(t.max)}${t.outsideTotal ? '(分值外 outside the total)' : ''}`;
  const lines = [head];
  const leafSteps = t.children ? t.steps.filter((s) => s.kind !== 'aggregate') : t.steps;
  for (const s of leafSteps) lines.push(`${indent}  · ${describeStep(s)}`);
  for (const c of t.children ?? []) lines.push(...explainIndicator(c, indent + '  '));
  if (t.children) {
    const agg = t.steps.find((s) => s.kind === 'aggregate');
    if (agg) lines.push(`${indent}  = ${describeStep(agg)}`);
  }
  return lines;
}

const VETO_EFFECT: Record<NonNullable<UnitResult['vetoes']>[number]['effect'], string> = {
  force: '直接定等 forced into a class',
  remove: '不得评为 kept out of classes',
  cap: '等次封顶 class capped',
};

export interface ExplainOptions {
  /** Display digits of totals (`displayDigits(scheme)`), as in the ranked table. */
  digits?: number;
  /** Class names by id (`result.classes`), so the trace names classes as the table does. */
  classNames?: ReadonlyMap<string, string>;
}

/** The full explanation of one unit's score: every indicator, every step, and the total. */
export function explainUnit(u: UnitResult, opts: ExplainOptions = {}): string {
  if (u.status === 'exempt' && u.exemptBy) {
    return `${u.name} (${u.unit}):免评 exempt — ${u.exemptBy.name}${u.exemptBy.years.length ? `,${u.exemptBy.years.join('、')} 年` : ''} 〔${u.exemptBy.source}〕`;
  }
  const total = (x: number) => (opts.digits === undefined ? n(x) : formatPoints(x, opts.digits));
  const lines = [`${u.name} (${u.unit})${u.parent ? ` 主管单位 ${u.parent}` : ''}${u.category ? ` 类别 ${u.category}` : ''}`];
  for (const t of u.indicators) lines.push(...explainIndicator(t, '  '));
  lines.push(`  总分内 inside the total ${total(u.inTotal)} + 分值外 outside ${total(u.outsideTotal)} = 总成绩 total ${total(u.total)}`);
  const ranks = Object.entries(u.ranks).map(([k, v]) => `${k} 第 ${v} 名`);
  if (ranks.length) lines.push(`  排名 rank: ${ranks.join(';')}`);
  if (u.classes.length) lines.push(`  等次 classes: ${u.classes.map((c) => opts.classNames?.get(c) ?? c).join('、')}`);
  // a veto decides a class whatever the points: without this line the trace would not say why
  for (const v of u.vetoes ?? []) lines.push(`  一票否决 veto:${v.name}(${VETO_EFFECT[v.effect]})← ${fact(v.fact)} 〔${v.source}〕`);
  if (u.selections.length) lines.push(`  入选 selected: ${u.selections.join('、')}`);
  return lines.join('\n');
}
