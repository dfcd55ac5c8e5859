/**
 * A scoring step as a Chinese sentence with names, for the clerk: where the
 * engine's own line (engine/explain.ts, shared with the CLI and kept under
 * 技术信息) says `票数 votes satisfied=30` or `事实 fact /facts/10
 * [supervision-finding] → 规则 rule inspection-finding`, this says
 * 「满意 30 票」 and 「第 11 条记录(监督检查发现问题)→ 规则“监督检查查实问题”」.
 */
import type { Scheme, Step } from '../../../engine/index.ts';
import { enumLabel } from './labels.ts';

const n = (x: number) => String(Math.round(x * 1e6) / 1e6);
// a computed value's inputs may be yes/no or dates (days since 1970-01-01, as the engine counts them)
const formulaValue = (v: number | boolean, date?: true) => (typeof v === 'boolean' ? (v ? '是' : '否') : date ? new Date(v * 86_400_000).toISOString().slice(0, 10) : n(v));
const signed = (x: number) => (x > 0 ? `+${n(x)}` : n(x));
const clause = (source: string | undefined) => (source ? `〔${source}〕` : '');

/** Names the sentences use, read from the scheme; an id is shown only where the scheme has no name for it. */
export interface StepNames {
  factType(id: string): string;
  /** A vote level or other field value, by its fact type's labels. */
  value(id: string): string;
  indicator(id: string): string;
  /** A selection, pool, ranking or class. */
  flow(id: string): string;
}

export function namesOf(scheme: Scheme | undefined): StepNames {
  const factTypes = new Map((scheme?.factTypes ?? []).map((f) => [f.id, f.name]));
  const labels = new Map<string, string>();
  for (const f of scheme?.factTypes ?? []) for (const [k, v] of Object.entries(f.labels ?? {})) if (!labels.has(k)) labels.set(k, v);
  const indicators = new Map<string, string>();
  const walk = (list: ReadonlyArray<{ id: string; name: string; children?: unknown; method?: unknown }>) =>
    list.forEach((i) => {
      indicators.set(i.id, i.name);
      // vote levels and grades are named by their method (满意, 基本满意…)
      const m = i.method as Record<string, unknown> | undefined;
      for (const key of ['levels', 'grades']) {
        const named = m?.[key];
        if (Array.isArray(named)) for (const x of named as Array<{ id?: unknown; name?: unknown }>) if (typeof x.id === 'string' && typeof x.name === 'string' && !labels.has(x.id)) labels.set(x.id, x.name);
      }
      if (Array.isArray(i.children)) walk(i.children as typeof list);
    });
  walk(scheme?.indicators ?? []);
  const flow = new Map<string, string>();
  const s = scheme as unknown as Record<string, unknown> | undefined;
  for (const key of ['selections', 'rankings', 'classifications', 'pools', 'exemptions']) {
    const list = s?.[key];
    if (Array.isArray(list)) for (const x of list as Array<{ id?: unknown; name?: unknown }>) if (typeof x.id === 'string' && typeof x.name === 'string') flow.set(x.id, x.name);
  }
  return {
    factType: (id) => factTypes.get(id) ?? id,
    value: (id) => labels.get(id) ?? enumLabel(id),
    indicator: (id) => indicators.get(id) ?? id,
    flow: (id) => flow.get(id) ?? id,
  };
}

const POLICY: Record<string, string> = { 'population-mean': '计有票单位的总平均分', 'small-sample': '按小样本折算' };
const policy = (p: string) => POLICY[p] ?? enumLabel(p);

export function describeStepZh(s: Step, names: StepNames): string {
  const fact = (f: { index: number; type: string }) => `第 ${f.index + 1} 条记录(${names.factType(f.type)})`;
  switch (s.kind) {
    case 'votes':
      return `${Object.entries(s.counts).map(([k, v]) => `${names.value(k)} ${v} 票`).join(',')},共 ${s.total} 票;得分率 ${n(s.ratio)},计 ${n(s.points)} 分`;
    case 'no-votes':
      return `没有票:${policy(s.policy)},计 ${n(s.points)} 分${clause(s.source)}`;
    case 'blend':
      return `票数 ${s.votes} 少于 ${s.minVotes}:总平均分 ${n(s.populationMean)} × ${s.populationWeight} + 本单位 ${n(s.own)} × ${s.ownWeight} = ${n(s.points)} 分${clause(s.source)}`;
    case 'volume-weight':
      return `服务量 ${s.volume ?? '未报'},系数 × ${s.factor}:${n(s.before)} → ${n(s.after)} 分${clause(s.source)}`;
    case 'base':
      return `基础分 ${n(s.base)} 分`;
    case 'rule': {
      const mods = s.modifiers.map((m) => `,${m.name} × ${m.factor}`).join('');
      const qty = s.quantity !== 1 ? ` × ${s.quantity}` : '';
      return `${fact(s.fact)}:规则“${s.name}”${n(s.base)} 分${qty}${mods},计 ${signed(s.points)} 分${clause(s.source)}`;
    }
    case 'exempt':
      return `${fact(s.fact)}:${s.name},免于计分${clause(s.source)}`;
    case 'deduped':
      return `${fact(s.fact)}:与第 ${s.keptFact.index + 1} 条记录为同一事项,只计分值最高的一条,本条不计${clause(s.source)}`;
    case 'group-cap':
      return `“${s.name}”合计 ${signed(s.raw)} 分,最多 ${n(s.cap)} 分,计 ${signed(s.applied)} 分${clause(s.source)}`;
    case 'cap':
      return `最高 ${n(s.cap)} 分:${n(s.before)} → ${n(s.after)} 分${clause(s.source)}`;
    case 'floor':
      return `扣完为止(最低 ${n(s.floor)} 分):${n(s.before)} → ${n(s.after)} 分`;
    case 'scale':
      return `折算为指标分值:${n(s.before)} ÷ ${n(s.from)} × ${n(s.to)} = ${n(s.after)} 分`;
    case 'round':
      return `按方案保留 ${s.digits} 位小数(${enumLabel(s.mode)}):${n(s.before)} → ${n(s.after)} 分`;
    case 'grade':
      return `${s.fact ? `${fact(s.fact)}:` : ''}等次“${s.name}”${s.score !== undefined ? `(评分 ${n(s.score)})` : ''},计 ${n(s.points)} 分`;
    case 'rank-deduction':
      return `主管单位在“${s.group}”中${s.score !== null ? `得分 ${n(s.score)},` : ''}第 ${s.rank ?? '—'} 名${s.of !== null ? `(共 ${s.of} 个)` : '(上报名次)'};前 ${s.freeTop} 名不扣,此后每名扣 ${n(s.perPlace)} 分,扣 ${n(s.deduction)} 分,得 ${n(s.points)} 分${clause(s.source)}`;
    case 'reported':
      return `上报分数 ${s.values.map((v) => `${n(v.value)}(第 ${v.fact.index + 1} 条记录)`).join('、')},${enumLabel(s.combine)}得 ${n(s.result)}${s.scale !== undefined ? `,÷ ${s.scale} 折算` : ''},计 ${n(s.points)} 分`;
    case 'period-grade':
      return `${names.value(s.period)}:初评 ${s.preliminary ? names.value(s.preliminary) : '—'},加减 ${signed(s.adjustment)} 后 ${n(s.score)} 分,第 ${s.rank} 名(共 ${s.of} 个),定为 ${names.value(s.grade)},计 ${n(s.points)} 分`;
    case 'missing':
      return `没有数据:${policy(s.policy)},计 ${n(s.points)} 分`;
    case 'formula-input':
      return `${s.label} = ${s.value === null ? '缺失' : formulaValue(s.value, s.date)}:${s.detail}`;
    case 'formula-op':
      return `计算 ${s.text}:${s.with},得 ${formulaValue(s.value, s.date)}`;
    case 'formula-result':
      return `按计算式 ${s.expression} 得 ${n(s.value)}`;
    case 'aggregate':
      return `${s.mode === 'sum' ? '合计' : '平均'} ${s.parts.map((p) => `${names.indicator(p.indicator)} ${n(p.points)}`).join(s.mode === 'sum' ? ' + ' : '、')} = ${n(s.points)} 分`;
    case 'not-selected':
      return `未入选“${names.flow(s.selection)}”:${policy(s.policy)},计 ${n(s.points)} 分${clause(s.source)}`;
    case 'pool':
      return `在“${s.name}”的 ${s.members} 个单位中单独计算${clause(s.source)}`;
    case 'variant':
      return `按“${s.name}”计分${s.default ? '(其他情形)' : '(条件成立)'}${clause(s.source)}`;
    default: {
      const never: never = s;
      return never;
    }
  }
}
