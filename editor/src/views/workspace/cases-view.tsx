/**
 * 方案用例: the scheme's shipped cases (the same as `pingyi test`) run in the
 * page against the draft — pass or fail, with the numbers that differ.
 */
import { useEffect, useState } from 'react';
import { checkCase, checkCaseFile, scoreScheme, type CaseFailure, type Scheme } from '../../../../engine/index.ts';
import { api, ApiError } from '../../api/client.ts';
import type { ShippedCase } from '../../api/types.ts';
import { caseDataset } from './data-source.tsx';

interface Outcome {
  name: string;
  failures?: CaseFailure[];
  error?: string;
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function CasesView({ schemeId, scheme, errors }: { schemeId: string; scheme: Scheme | undefined; errors: number }) {
  const [cases, setCases] = useState<ShippedCase[]>();
  const [outcomes, setOutcomes] = useState<Outcome[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.cases(schemeId).then(setCases, (e: unknown) => setError(e instanceof ApiError ? e.refusal.message.zh : String(e)));
  }, [schemeId]);

  const runAll = async () => {
    if (!scheme || !cases) return;
    const out: Outcome[] = [];
    for (const c of cases) {
      // a misspelled expectation key would check nothing: the case file's own schema first
      const shape = checkCaseFile(c.case);
      if (!shape.case) {
        out.push({ name: c.case.name, failures: shape.issues.map((i) => ({ where: i.path, expected: '案例文件格式', actual: i.message.zh })) });
        continue;
      }
      try {
        const data = await caseDataset(schemeId, c);
        out.push({ name: c.case.name, failures: checkCase(scoreScheme(scheme, data), c.case.expect) });
      } catch (e) {
        out.push({ name: c.case.name, error: e instanceof Error ? e.message : String(e) });
      }
    }
    setOutcomes(out);
  };

  const passed = outcomes?.filter((o) => o.failures && o.failures.length === 0).length ?? 0;
  const ran = outcomes?.filter((o) => o.failures).length ?? 0;
  return (
    <main className="cases-view page">
      <div className="diff-head">
        <button type="button" className="primary" onClick={() => void runAll()} disabled={!scheme || !cases}>
          用当前草稿运行全部用例
        </button>
        {outcomes && (
          <span data-testid="cases-summary" className={passed === ran ? 'good' : 'bad'}>
            {passed} / {ran} 通过{ran < outcomes.length ? `(另有 ${outcomes.length - ran} 个用例未能运行,见下)` : ''}
          </span>
        )}
        {errors > 0 && <span className="bad">草稿有 {errors} 个错误</span>}
        {error && <span className="bad">{error}</span>}
      </div>
      {cases && cases.length === 0 && <p className="muted">本方案没有用例。</p>}
      <ul className="cases">
        {(cases ?? []).map((c, i) => {
          const o = outcomes?.[i];
          return (
            <li key={c.name} data-case={c.name} className={o ? (o.error ? 'skip' : o.failures?.length === 0 ? 'pass' : 'fail') : undefined}>
              <strong>{o ? (o.error ? '— 未能在页面运行' : o.failures?.length === 0 ? '✓ 通过' : '✗ 未通过') : '·'}</strong> {c.case.name}
              {c.case.description && <p className="muted small">{c.case.description}</p>}
              {o?.error && <p className="bad">{o.error}</p>}
              {o?.failures && o.failures.length > 0 && (
                <table className="grid">
                  <thead>
                    <tr>
                      <th>位置</th>
                      <th>期望</th>
                      <th>实际</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.failures.slice(0, 50).map((f, k) => (
                      <tr key={k}>
                        <td>{f.where}</td>
                        <td className="num">{show(f.expected)}</td>
                        <td className="num bad">{show(f.actual)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          );
        })}
      </ul>
    </main>
  );
}
