import { memo } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { ChartTooltip, TICK } from './ChartTooltip';
import './charts.css';

/** One scored trial: its value of the chosen setting (a number, or a name such as "adam") and its score. */
export interface SearchPoint {
  trial: number;
  x: number | string;
  /** Validation accuracy, 0–1. */
  y: number;
  status: string;
}

export interface SearchChartProps {
  points: readonly SearchPoint[];
  /** The chosen setting's name, for the x axis. */
  xLabel: string;
  /** A log axis (the learning rate). */
  log: boolean;
  /** Category axis: optimizers, kernel-size sets. */
  categorical: boolean;
  /** The best trial, drawn in the accent colour. */
  best: number | null;
}

function PointTooltip({ active, payload, xLabel }: TooltipContentProps & { xLabel: string }) {
  const point = active ? (payload?.[0]?.payload as SearchPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <ChartTooltip
      title={`Trial ${point.trial} (${point.status})`}
      lines={[
        { label: xLabel, value: String(point.x) },
        { label: 'validation accuracy', value: `${(point.y * 100).toFixed(2)}%` },
      ]}
    />
  );
}

/** Validation accuracy of each scored trial against one setting (recharts scatter, no animation, memoised). */
/** A numeric axis with room around the points: ×/÷ 1.5 on a log axis (ticks at the powers of ten inside), 5% of the span on a linear one. */
function numericAxis(points: readonly SearchPoint[], log: boolean): { domain: [number, number]; ticks?: number[] } {
  const xs = points.map((p) => Number(p.x));
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  if (log) {
    const domain: [number, number] = [lo / 1.5, hi * 1.5];
    const decades = [];
    for (let k = Math.ceil(Math.log10(domain[0])); 10 ** k <= domain[1]; k++) decades.push(Number((10 ** k).toPrecision(1)));
    return { domain, ticks: decades.length >= 2 ? decades : undefined };
  }
  const pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(lo) * 0.1, 1);
  return { domain: [lo - pad, hi + pad] };
}

function SearchChartInner({ points, xLabel, log, categorical, best }: SearchChartProps) {
  const axis = categorical ? null : numericAxis(points, log);
  const others = points.filter((p) => p.trial !== best);
  const winner = points.filter((p) => p.trial === best);
  return (
    <div className="rc-plot">
      <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 520, height: 240 }}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 20, left: 4 }} title={`Validation accuracy against ${xLabel}`}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type={categorical ? 'category' : 'number'}
            scale={log ? 'log' : 'auto'}
            domain={axis?.domain}
            ticks={axis?.ticks}
            allowDuplicatedCategory={false}
            tick={TICK}
            tickFormatter={(v: number | string) => (typeof v === 'number' ? String(Number(v.toPrecision(2))) : v)}
            label={{ value: `${xLabel}${log ? ' (log scale)' : ''}`, position: 'insideBottom', offset: -12, fontSize: 12 }}
          />
          <YAxis dataKey="y" type="number" domain={[0, 1]} tick={TICK} width={48} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} />
          <Tooltip content={(props) => <PointTooltip {...props} xLabel={xLabel} />} isAnimationActive={false} />
          <Scatter name="trials" data={others as SearchPoint[]} fill="var(--chart-val)" isAnimationActive={false} />
          <Scatter name="best trial" data={winner as SearchPoint[]} fill="var(--chart-train)" shape="star" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

const SearchChart = memo(SearchChartInner);
export default SearchChart;
