import { memo } from 'react';
import { Brush, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { ChartTooltip, TICK, type TooltipLine } from './ChartTooltip';
import { exactValue, stepTitle, type Metric, type TrainRow } from './trainRows';
import './charts.css';

export interface MetricChartProps {
  rows: readonly TrainRow[];
  metric: Metric;
  batchesPerEpoch: number;
  hidden: ReadonlySet<string>;
  /** Smoothing weight 0–1; above 0 the raw batch series is drawn faint behind the smoothed one. */
  smoothing: number;
  log: boolean;
}

const NAMES: Record<string, string> = { batch: 'per batch', smooth: 'per batch, smoothed', train: 'train (epoch)', val: 'validation (epoch)' };

function TrainTooltip({ active, payload, label, metric, batchesPerEpoch }: TooltipContentProps & { metric: Metric; batchesPerEpoch: number }) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload as TrainRow;
  const step = Number(label ?? row.step);
  const title = row.epoch !== undefined ? `End of epoch ${row.epoch} · batch ${step}` : stepTitle(step, batchesPerEpoch);
  const lines: TooltipLine[] = payload
    .filter((p) => typeof p.value === 'number')
    .map((p) => ({ label: NAMES[String(p.dataKey)] ?? String(p.name), value: exactValue(metric, p.value as number), color: p.color }));
  return <ChartTooltip title={title} lines={lines} />;
}

/** The axis starts at a round step below the first point (0 for a whole run) and ends at the last point: it fits the data, zoomed or not. */
function roundDown(dataMin: number): number {
  if (!(dataMin >= 10)) return 0;
  const unit = 10 ** Math.floor(Math.log10(dataMin));
  return Math.floor(dataMin / unit) * unit;
}

const lossTick = (v: number) => (v >= 10 ? String(Math.round(v)) : v >= 0.01 || v === 0 ? v.toFixed(2) : v.toExponential(0));
const percentTick = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The recharts drawing of one training metric: per-batch values (raw faint behind the smoothed
 * series), per-epoch train and validation points, a zoomable step axis (Brush), no animation.
 * Memoised: a re-render of the panel with the same rows draws nothing.
 */
function MetricChartInner({ rows, metric, batchesPerEpoch, hidden, smoothing, log }: MetricChartProps) {
  const isLoss = metric === 'loss';
  const smoothed = smoothing > 0;
  const hideBatch = hidden.has('batch');
  return (
    <div className="rc-plot">
      <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 520, height: 280 }}>
        <LineChart data={rows as TrainRow[]} margin={{ top: 8, right: 16, bottom: 4, left: 4 }} title={isLoss ? 'Loss per batch and per epoch' : 'Accuracy per batch and per epoch'}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="step"
            type="number"
            domain={[roundDown, 'dataMax']}
            allowDecimals={false}
            tick={TICK}
            height={46}
            label={{ value: 'batches trained', position: 'insideBottom', offset: 6, fontSize: 12 }}
          />
          <YAxis
            tick={TICK}
            width={56}
            scale={isLoss && log ? 'log' : 'auto'}
            domain={isLoss ? (log ? ['auto', 'auto'] : [0, 'auto']) : [0, 1]}
            allowDataOverflow={isLoss && log}
            tickFormatter={isLoss ? lossTick : percentTick}
            label={{ value: isLoss ? `loss${log ? ' (log)' : ''}` : 'accuracy (%)', angle: -90, position: 'insideLeft', offset: 12, fontSize: 12 }}
          />
          <Tooltip content={(props) => <TrainTooltip {...props} metric={metric} batchesPerEpoch={batchesPerEpoch} />} isAnimationActive={false} />
          <Line
            dataKey="batch"
            className="series-batch"
            name="per batch"
            stroke="var(--chart-batch)"
            strokeOpacity={smoothed ? 0.25 : 0.9}
            strokeWidth={1}
            dot={false}
            activeDot={smoothed ? false : { r: 3 }}
            connectNulls
            hide={hideBatch}
            isAnimationActive={false}
          />
          <Line
            dataKey="smooth"
            className="series-smooth"
            name="per batch, smoothed"
            stroke="var(--chart-batch)"
            strokeWidth={2}
            dot={false}
            connectNulls
            hide={hideBatch || !smoothed}
            isAnimationActive={false}
          />
          <Line dataKey="train" className="series-train" name="train (epoch)" stroke="var(--chart-train)" strokeWidth={2} dot={{ r: 3 }} connectNulls hide={hidden.has('train')} isAnimationActive={false} />
          <Line
            dataKey="val"
            className="series-val"
            name="validation (epoch)"
            stroke="var(--chart-val)"
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={{ r: 3 }}
            connectNulls
            hide={hidden.has('val')}
            isAnimationActive={false}
          />
          {rows.length > 2 && <Brush dataKey="step" height={22} travellerWidth={8} stroke="var(--accent)" fill="var(--panel)" ariaLabel="Zoom on batches" />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

const MetricChart = memo(MetricChartInner);
export default MetricChart;
