/**
 * Every problem the engine finds in the document, at once, in Chinese or
 * English; a click selects the node and the range in Monaco.
 */
import { useState } from 'react';
import type { Issue } from '../../../../engine/index.ts';
import type { Select } from './selection.ts';

export function ProblemsPane({ problems, select, validationMs }: { problems: Issue[]; select: Select; validationMs: number }) {
  const [lang, setLang] = useState<'zh' | 'en'>('zh');
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems-pane" aria-label="问题" data-validation-ms={validationMs.toFixed(2)}>
      <div className="pane-title">
        <span>
          {errors > 0 ? <span className="bad">{errors} 个错误</span> : <span className="good">无错误</span>} · {problems.length - errors} 个警告
        </span>
        <span className="muted small">校验用时 {validationMs.toFixed(1)} ms</span>
        <span className="spacer" />
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label="切换语言">
          {lang === 'zh' ? 'English' : '中文'}
        </button>
      </div>
      {problems.length === 0 ? (
        <p className="muted empty">方案通过校验,可以发布。</p>
      ) : (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.path}-${i}`}>
              <button type="button" className={`problem ${p.severity}`} onClick={() => select(p.path, { reveal: true })} data-code={p.code} data-path={p.path}>
                <span className="sev">{p.severity === 'error' ? '错误' : '警告'}</span>
                <span className="msg">{p.message[lang]}</span>
                <code className="muted">
                  {p.code} {p.path || '/'}
                </code>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
