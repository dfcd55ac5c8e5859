/**
 * Every problem the engine finds in the document, at once, in Chinese; the
 * code, the JSON Pointer and the English text behind 技术信息. A click
 * selects the node and the range in Monaco.
 */
import type { ReactNode } from 'react';
import { Tech, TechPanel, useTech } from '../../i18n/tech-info.tsx';
import type { Validation } from '../../validation/use-validation.ts';
import type { Select } from './selection.ts';

export function ProblemsPane(props: { validation: Validation; select: Select }) {
  return <TechPanel render={(toggle) => <Problems {...props} toggle={toggle} />} />;
}

function Problems({ validation, select, toggle }: { validation: Validation; select: Select; toggle: ReactNode }) {
  const tech = useTech();
  const problems = validation.problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems-pane" aria-label="问题" data-version={validation.version} aria-busy={validation.pending}>
      <div className="pane-title">
        <span>
          {errors > 0 ? <span className="bad">{errors} 个错误</span> : <span className="good">无错误</span>} · {problems.length - errors} 个警告
        </span>
        <span className="muted small">{validation.version < 0 ? '校验中…' : `校验用时 ${validation.ms.toFixed(1)} 毫秒`}</span>
        <span className="spacer" />
        {toggle}
      </div>
      {validation.version < 0 ? (
        <p className="muted empty">正在载入校验程序…</p>
      ) : problems.length === 0 ? (
        <p className="muted empty">方案通过校验,可以发布。</p>
      ) : (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.path}-${i}`}>
              <button type="button" className={`problem ${p.severity}`} onClick={() => select(p.path, { reveal: true })} data-code={p.code} data-path={p.path}>
                <span className="sev">{p.severity === 'error' ? '错误' : '警告'}</span>
                <span className="msg">{p.message.zh}</span>
                <Tech>
                  <code className="muted">
                    {p.code} {p.path || '/'}
                  </code>
                  {tech && <span className="muted en">{p.message.en}</span>}
                </Tech>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
