/**
 * 预览与解释: score a data set with the draft in the page (the engine's
 * scoreScheme) — the ranked table (filter by category, sort by any
 * indicator), classes and consequences, the distribution with class
 * cut-offs; a click on a unit opens its explanation.
 */
import { useMemo, useState } from 'react';
import { displayDigits, formatPoints, rosterOrderTies, scoreScheme, TIE_MARK, type RunResult, type Scheme } from '../../../../engine/index.ts';
import type { SchemeDetail } from '../../api/types.ts';
import { DataPicker, type DataChoice, type DataSources } from './data-source.tsx';
import { DistributionChart } from './distribution-chart.tsx';
import { Explanation } from './explanation.tsx';

type SortKey = 'rank' | 'total' | string;
const signed = (x: string) => (x.startsWith('-') ? `−${x.slice(1)}` : x === '0' ? x : `+${x}`);

function pointerOfIndicator(scheme: Scheme, id: string): string | undefined {
  let found: string | undefined;
  const walk = (list: Scheme['indicators'], at: string) =>
    list.forEach((n, i) => {
      if (found) return;
      if (n.id === id) found = `${at}/${i}`;
      walk(n.children ?? [], `${at}/${i}/children`);
      (n.variants ?? []).forEach((v, j) => walk(v.children, `${at}/${i}/variants/${j}/children`));
    });
  walk(scheme.indicators, '/indicators');
  return found;
}

export function PreviewView(props: { detail: SchemeDetail; scheme: Scheme | undefined; errors: number; validating: boolean; sources: DataSources | undefined; data: DataChoice | undefined; setData: (d: DataChoice | undefined) => void; jump: (p: string) => void }) {
  const { detail, scheme, errors, validating, sources, data, setData, jump } = props;
  const [category, setCategory] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'rank', desc: false });
  const [open, setOpen] = useState<string>();
  const run = useMemo((): { result?: RunResult; error?: string } => {
    if (!scheme || !data) return {};
    try {
      return { result: scoreScheme(scheme, data.dataset) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [scheme, data]);
  const result = run.result;
  // one precision everywhere: the scheme's display digits, as the CLI prints them
  const digits = scheme ? displayDigits(scheme) : 3;
  const n = (x: number | undefined) => (x === undefined ? '—' : formatPoints(x, digits));
  const ties = useMemo(() => (result ? rosterOrderTies(result) : new Set<string>()), [result]);
  const headline = scheme?.rankings[0]?.id;
  const columns = scheme?.indicators.map((i) => ({ id: i.id, name: i.name })) ?? [];
  const rows = useMemo(() => {
    if (!result) return [];
    const list = result.units.filter((u) => !category || u.category === category);
    const value = (u: RunResult['units'][number]): number => {
      if (sort.key === 'rank') return headline ? (u.ranks[headline] ?? Infinity) : 0;
      if (sort.key === 'total') return u.status === 'scored' ? u.total : -Infinity;
      return u.indicators.find((t) => t.id === sort.key)?.points ?? -Infinity;
    };
    return [...list].sort((a, b) => (sort.desc ? value(b) - value(a) : value(a) - value(b)));
  }, [result, category, sort, headline]);
  const unit = result?.units.find((u) => u.unit === open);
  const head = (key: SortKey, label: string) => (
    <th>
      <button type="button" className="link" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : key !== 'rank' })}>
        {label} {sort.key === key ? (sort.desc ? '▼' : '▲') : ''}
      </button>
    </th>
  );

  return (
    <main className="preview-view">
      <div className="diff-head">
        <DataPicker schemeId={detail.id} sources={sources} value={data} onChange={setData} />
        {scheme && (
          <label>
            类别
            <select value={category} onChange={(e) => setCategory(e.target.value)} aria-label="按类别筛选">
              <option value="">全部</option>
              {scheme.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {errors > 0 && <span className="bad">草稿有 {errors} 个错误,预览仅供参考</span>}
      </div>
      {!scheme && (validating ? <p className="muted">校验中…</p> : <p className="bad">草稿结构有误,无法计分。</p>)}
      {run.error && <p className="bad">计分失败:{run.error}</p>}
      {result && (
        <div className="preview-body">
          <div className="preview-main">
            {!result.ok && (
              <details className="bad">
                <summary>此数据有 {result.issues.filter((i) => i.severity === 'error').length} 个错误</summary>
                <ul>{result.issues.slice(0, 30).map((i, k) => <li key={k}>{i.message.zh} <code>{i.path}</code></li>)}</ul>
              </details>
            )}
            <DistributionChart result={result} digits={digits} />
            <table className="grid ranked">
              <thead>
                <tr>
                  {head('rank', '名次')}
                  <th>单位</th>
                  <th>类别</th>
                  {columns.map((c) => head(c.id, c.name))}
                  {head('total', '总成绩')}
                  <th>等次</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <tr key={u.unit} className={open === u.unit ? 'selected' : undefined} data-unit={u.unit}>
                    <td className="num">
                      {headline ? String(u.ranks[headline] ?? '—') : ''}
                      {ties.has(u.unit) && <span className="tie" title="与相邻单位同分,其他并列规则不能区分,按名单顺序定先后">{TIE_MARK}</span>}
                    </td>
                    <td>
                      <button type="button" className="link unit-link" onClick={() => setOpen(u.unit)}>
                        {u.name}
                      </button>
                      {u.status === 'exempt' && <span className="tag">免评</span>}
                    </td>
                    <td>{scheme?.categories.find((c) => c.id === u.category)?.name ?? u.category ?? ''}</td>
                    {columns.map((c) => (
                      <td key={c.id} className="num">{n(u.indicators.find((t) => t.id === c.id)?.points)}</td>
                    ))}
                    <td className="num"><strong>{u.status === 'scored' ? n(u.total) : '—'}</strong></td>
                    <td>{u.classes.map((c) => <span key={c} className="tag">{result.classes.find((k) => k.id === c)?.name ?? c}</span>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {ties.size > 0 && (
              <p className="muted small" data-testid="tie-legend">
                {TIE_MARK} 与相邻单位同分且其他并列规则不能区分,按名单顺序定先后({ties.size} 个单位)
              </p>
            )}
            {result.consequences.length > 0 && (
              <section>
                <h3>结果运用</h3>
                <ul>
                  {result.consequences.slice(0, 50).map((c) => (
                    <li key={`${c.target}-${c.id}`}>
                      {c.target === 'parent' ? '主管单位' : '单位'} {(c.target === 'parent' ? data?.dataset.parents?.find((p) => p.id === c.id)?.name : result.units.find((u) => u.unit === c.id)?.name) ?? c.id}:
                      {/* summed per measure as the CLI does (考绩 +10), the items behind it on demand */}
                      <strong data-testid="consequence-total">{Object.entries(c.totals).map(([m, p]) => `${m} ${signed(formatPoints(p, digits))}`).join(',')}</strong>
                      {Object.keys(c.totals).length === 0 && c.items.map((i) => i.note ?? i.name).join(';')}
                      {Object.keys(c.totals).length > 0 && c.items.length > 0 && (
                        <details className="inline">
                          <summary>{c.items.length} 项</summary>
                          <ul>
                            {c.items.map((i, k) => (
                              <li key={k}>
                                {i.note ?? i.name}
                                {i.points !== undefined ? ` ${i.measure ?? ''} ${signed(formatPoints(i.points, digits))}` : ''}
                                {c.target === 'parent' ? `(${result.units.find((u) => u.unit === i.unit)?.name ?? i.unit})` : ''}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          {unit && scheme && (
            <Explanation
              scheme={scheme}
              unit={unit}
              nameOf={(id) => scheme.rankings.find((r) => r.id === id)?.name ?? scheme.classifications?.find((c) => c.id === id)?.name ?? result.classes.find((c) => c.id === id)?.name ?? id}
              onClose={() => setOpen(undefined)}
              jumpTo={(id) => {
                const p = pointerOfIndicator(scheme, id);
                if (p) jump(p);
              }}
            />
          )}
        </div>
      )}
    </main>
  );
}
