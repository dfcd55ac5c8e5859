/**
 * The score distribution as a histogram, with each class's cut-off drawn
 * where its members' scores end (the lowest score of an upper class, the
 * highest of a lower one).
 */
import { formatPoints, type RunResult } from '../../../../engine/index.ts';

const W = 560;
const H = 150;
const PAD = 24;
const BINS = 24;

export function DistributionChart({ result, digits }: { result: RunResult; digits: number }) {
  const scored = result.units.filter((u) => u.status === 'scored');
  if (scored.length === 0) return null;
  const totals = scored.map((u) => u.total);
  const lo = Math.floor(Math.min(...totals));
  const hi = Math.ceil(Math.max(...totals)) || lo + 1;
  const span = Math.max(hi - lo, 1);
  const bins = new Array<number>(BINS).fill(0);
  for (const t of totals) bins[Math.min(BINS - 1, Math.floor(((t - lo) / span) * BINS))]! += 1;
  const peak = Math.max(...bins);
  const x = (v: number) => PAD + ((v - lo) / span) * (W - 2 * PAD);
  const median = [...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)] ?? 0;
  const byId = new Map(scored.map((u) => [u.unit, u.total]));
  const cuts = result.classes
    .map((c) => {
      const ts = c.units.map((u) => byId.get(u)).filter((t): t is number => t !== undefined);
      if (ts.length === 0) return undefined;
      const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
      return { name: c.name, at: mean >= median ? Math.min(...ts) : Math.max(...ts) };
    })
    .filter((c): c is { name: string; at: number } => c !== undefined);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H + 30}`} role="img" aria-label="得分分布">
      {bins.map((b, i) => {
        const h = peak ? (b / peak) * H : 0;
        return <rect key={i} x={PAD + (i * (W - 2 * PAD)) / BINS + 1} y={H - h + 4} width={(W - 2 * PAD) / BINS - 2} height={h} className="bar"><title>{`${(lo + (i * span) / BINS).toFixed(1)}–${(lo + ((i + 1) * span) / BINS).toFixed(1)} 分:${b} 个单位`}</title></rect>;
      })}
      <line x1={PAD} x2={W - PAD} y1={H + 4} y2={H + 4} className="axis" />
      <text x={PAD} y={H + 20} className="tick">{lo}</text>
      <text x={W - PAD} y={H + 20} className="tick" textAnchor="end">{hi}</text>
      {cuts.map((c, i) => (
        <g key={c.name} className="cut">
          <line x1={x(c.at)} x2={x(c.at)} y1={4} y2={H + 4} />
          {/* labels near the right edge go to the left of their line */}
          <text x={x(c.at) + (x(c.at) > W * 0.7 ? -3 : 3)} y={12 + i * 12} textAnchor={x(c.at) > W * 0.7 ? 'end' : 'start'}>{`${c.name} ${formatPoints(c.at, digits)}`}</text>
        </g>
      ))}
    </svg>
  );
}
