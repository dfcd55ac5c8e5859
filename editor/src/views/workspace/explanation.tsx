/**
 * One unit's explanation: every indicator with its steps (fact → rule →
 * clause → points, caps, floors, blends, rounding) in the engine's own words,
 * and the sum that gives its total — shown so a clerk can add it up. Steps
 * read as Chinese sentences with names; the engine's own line is under 技术信息.
 */
import { useMemo, type ReactNode } from 'react';
import { describeStep, type IndicatorTrace, type Scheme, type UnitResult } from '../../../../engine/index.ts';
import { describeStepZh, namesOf, type StepNames } from '../../i18n/describe-step.ts';
import { Tech, TechPanel } from '../../i18n/tech-info.tsx';

const n = (x: number) => String(Math.round(x * 1e6) / 1e6);

export function Explanation({ unit, nameOf, jumpTo, onClose, scheme }: { unit: UnitResult; nameOf: (id: string) => string; jumpTo: (indicatorId: string) => void; onClose: () => void; scheme?: Scheme }) {
  const names = useMemo(() => namesOf(scheme), [scheme]);
  return <TechPanel render={(toggle) => <Explained unit={unit} nameOf={nameOf} jumpTo={jumpTo} onClose={onClose} names={names} toggle={toggle} />} />;
}

function Explained({ unit, nameOf, jumpTo, onClose, names, toggle }: { unit: UnitResult; nameOf: (id: string) => string; jumpTo: (indicatorId: string) => void; onClose: () => void; names: StepNames; toggle: ReactNode }) {
  const inside = unit.indicators.filter((t) => !t.outsideTotal);
  const outside = unit.indicators.filter((t) => t.outsideTotal);
  const sumInside = inside.reduce((a, t) => a + t.points, 0);
  const sumOutside = outside.reduce((a, t) => a + t.points, 0);
  return (
    <aside className="explanation" aria-label={`${unit.name} 的得分解释`}>
      <div className="pane-title">
        <strong>{unit.name}</strong>
        <Tech>
          <code className="muted">{unit.unit}</code>
        </Tech>
        <span className="spacer" />
        {toggle}
        <button type="button" className="icon" aria-label="关闭解释" onClick={onClose}>×</button>
      </div>
      {unit.status === 'exempt' && unit.exemptBy ? (
        <p>
          免评:{unit.exemptBy.name} {unit.exemptBy.years.join('、')}〔{unit.exemptBy.source}〕
        </p>
      ) : (
        <>
          <ul className="trace">
            {unit.indicators.map((t) => (
              <TraceNode key={t.id} t={t} jumpTo={jumpTo} names={names} />
            ))}
          </ul>
          <div className="sum-line" data-testid="explanation-sum">
            {inside.map((t) => n(t.points)).join(' + ')} = <strong data-testid="sum-inside">{n(sumInside)}</strong>(总分内)
            {outside.length > 0 && (
              <>
                {' '}
                + {outside.map((t) => n(t.points)).join(' + ')}(分值外)
              </>
            )}
            {' '}
            = <strong data-testid="sum-total">{n(sumInside + sumOutside)}</strong>
            {unit.total !== sumInside + sumOutside && Math.abs(unit.total - (sumInside + sumOutside)) > 1e-9 && <span className="muted">,按方案舍入为 {n(unit.total)}</span>}
            {' · '}总成绩 <strong data-testid="unit-total">{n(unit.total)}</strong>
          </div>
          {Object.keys(unit.ranks).length > 0 && (
            <p className="muted">
              排名:
              {Object.entries(unit.ranks)
                .map(([k, v]) => `${nameOf(k)} 第 ${v} 名`)
                .join(';')}
            </p>
          )}
          {unit.classes.length > 0 && <p>等次:{unit.classes.map(nameOf).join('、')}</p>}
        </>
      )}
    </aside>
  );
}

function Line({ step, names }: { step: IndicatorTrace['steps'][number]; names: StepNames }) {
  return (
    <>
      {describeStepZh(step, names)}
      <Tech>{describeStep(step)}</Tech>
    </>
  );
}

function TraceNode({ t, jumpTo, names }: { t: IndicatorTrace; jumpTo: (id: string) => void; names: StepNames }) {
  const own = t.children ? t.steps.filter((s) => s.kind !== 'aggregate') : t.steps;
  const agg = t.children ? t.steps.find((s) => s.kind === 'aggregate') : undefined;
  return (
    <li data-trace={t.id}>
      <button type="button" className="link" onClick={() => jumpTo(t.id)}>
        {t.name}
      </button>{' '}
      <strong>{n(t.points)}</strong> <span className="muted">/ {n(t.max)}</span>
      {t.outsideTotal && <span className="tag">总分外</span>}
      {own.length > 0 && (
        <ul className="steps">
          {own.map((s, i) => (
            <li key={i}>
              <Line step={s} names={names} />
            </li>
          ))}
        </ul>
      )}
      {t.children && (
        <ul className="trace">
          {t.children.map((c) => (
            <TraceNode key={c.id} t={c} jumpTo={jumpTo} names={names} />
          ))}
        </ul>
      )}
      {agg && (
        <div className="muted small">
          = <Line step={agg} names={names} />
        </div>
      )}
    </li>
  );
}
