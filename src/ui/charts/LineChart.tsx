import { linearScale, linePath, niceTicks } from '../../core/train/chartScale';

export interface Series {
  name: string;
  color: string;
  points: readonly { x: number; y: number }[];
  /** Draw a dot at every point (for the few per-epoch points). */
  dots?: boolean;
  dashed?: boolean;
  width?: number;
}

interface Props {
  series: Series[];
  xLabel: string;
  /** Fixed y range, e.g. [0, 1] for accuracy; otherwise fitted to the data from 0. */
  yDomain?: [number, number];
  formatY: (v: number) => string;
}

const W = 560;
const H = 220;
const M = { top: 10, right: 14, bottom: 34, left: 52 };

/**
 * A plain SVG line chart. Hand-written instead of a charting library because a chart update
 * must cost the main thread well under a frame while the GPU (or SwiftShader) saturates the CPU;
 * measured with recharts, each per-batch update was a 100–280 ms long task on 2 cores.
 */
export function LineChart({ series, xLabel, yDomain, formatY }: Props) {
  const all = series.flatMap((s) => s.points);
  const xMax = Math.max(1, ...all.map((p) => p.x));
  const yMax = yDomain ? yDomain[1] : Math.max(...all.map((p) => (Number.isFinite(p.y) ? p.y : 0)), 0.1);
  const xt = niceTicks(0, xMax, 6);
  const yt = niceTicks(yDomain ? yDomain[0] : 0, yMax, 4);
  const sx = linearScale(xt.min, xt.max, M.left, W - M.right);
  const sy = linearScale(yt.min, yt.max, H - M.bottom, M.top);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="line-chart" aria-hidden="true">
      {yt.values.map((v) => (
        <g key={`y${v}`}>
          <line x1={M.left} x2={W - M.right} y1={sy(v)} y2={sy(v)} className="grid-line" />
          <text x={M.left - 6} y={sy(v)} className="tick" textAnchor="end" dominantBaseline="middle">
            {formatY(v)}
          </text>
        </g>
      ))}
      {xt.values.map((v) => (
        <text key={`x${v}`} x={sx(v)} y={H - M.bottom + 14} className="tick" textAnchor="middle">
          {v}
        </text>
      ))}
      <text x={W - M.right} y={H - 4} className="axis-label" textAnchor="end">
        {xLabel}
      </text>
      {series.map((s) => (
        <g key={s.name}>
          <path d={linePath(s.points, sx, sy)} fill="none" stroke={s.color} strokeWidth={s.width ?? 2} strokeDasharray={s.dashed ? '5 3' : undefined} />
          {s.dots && s.points.map((p) => <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={3} fill={s.color} />)}
        </g>
      ))}
    </svg>
  );
}
