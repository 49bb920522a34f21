import { count } from '../../core/format';

export interface Bin {
  /** First value in the bin, inclusive. */
  from: number;
  /** Last value in the bin, inclusive. */
  to: number;
  count: number;
}

interface Props {
  bins: readonly Bin[];
  /** Accessible name of the drawing, e.g. "Histogram of text lengths in 20 bins". */
  label: string;
  /** Value with its unit, e.g. "40 tokens". */
  format: (value: number) => string;
  /** A vertical limit line after this value; bins past it are drawn in the warning colour. */
  limit?: { after: number; label: string };
  height?: number;
}

const WIDTH = 560;
const PAD = { left: 40, right: 8, top: 8, bottom: 24 };

/** Bars of counts per bin on a shared scale, for the length and token-count histograms. */
export function HistogramBars({ bins, label, format, limit, height = 150 }: Props) {
  const top = Math.max(1, ...bins.map((b) => b.count));
  const end = bins[bins.length - 1].to + 1;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (v: number) => PAD.left + (Math.min(v, end) / end) * plotW;
  const y = (n: number) => PAD.top + plotH - (n / top) * plotH;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="line-chart" role="img" aria-label={label}>
      <line className="grid-line" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top)} y2={y(top)} />
      <text className="tick" x={PAD.left - 4} y={y(top) + 4} textAnchor="end">
        {count(top)}
      </text>
      <text className="tick" x={PAD.left - 4} y={y(0)} textAnchor="end">
        0
      </text>
      {bins.map((b) => (
        <rect
          key={b.from}
          className={limit && b.from > limit.after ? 'hist-bar hist-cut' : 'hist-bar'}
          x={x(b.from) + 0.5}
          y={y(b.count)}
          width={Math.max(1, x(b.to + 1) - x(b.from) - 1)}
          height={y(0) - y(b.count)}
        >
          <title>{`${b.from === b.to ? format(b.from) : `${count(b.from)}–${format(b.to)}`}: ${count(b.count)} texts`}</title>
        </rect>
      ))}
      <text className="tick" x={x(0)} y={height - 6}>
        0
      </text>
      <text className="tick" x={x(end)} y={height - 6} textAnchor="end">
        {format(end)}
      </text>
      {limit && limit.after < end && (
        <g>
          <line className="hist-limit" x1={x(limit.after + 1)} x2={x(limit.after + 1)} y1={PAD.top} y2={y(0)} />
          <text className="axis-label" x={x(limit.after + 1) + 4} y={PAD.top + 10}>
            {limit.label}
          </text>
        </g>
      )}
    </svg>
  );
}
