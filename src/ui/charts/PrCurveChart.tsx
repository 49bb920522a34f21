import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { ChartTooltip, TICK } from './ChartTooltip';
import type { PrRow } from './PrTable';
import './charts.css';

export interface PrCurveChartProps {
  rows: readonly PrRow[];
  /** The current threshold's point. */
  here: { recall: number; precision: number };
  hidden: ReadonlySet<string>;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function PrTooltip({ active, payload }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload as PrRow;
  return (
    <ChartTooltip
      title={Number.isFinite(row.threshold) ? `Threshold ${row.threshold.toFixed(3)}` : 'Threshold above every score'}
      lines={[
        { label: 'recall', value: pct(row.recall) },
        { label: 'precision', value: pct(row.precision) },
      ]}
    />
  );
}

/** The precision–recall curve with the current threshold's point (recharts, memoised). */
function PrCurveChartInner({ rows, here, hidden }: PrCurveChartProps) {
  return (
    <div className="rc-plot">
      <ResponsiveContainer width="100%" height={260} initialDimension={{ width: 520, height: 260 }}>
        <LineChart data={rows as PrRow[]} title="Precision against recall, one point per threshold" margin={{ top: 8, right: 16, bottom: 20, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="recall"
            type="number"
            domain={[0, 1]}
            tick={TICK}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            label={{ value: 'recall (%)', position: 'insideBottom', offset: -12, fontSize: 12 }}
          />
          <YAxis
            tick={TICK}
            width={56}
            domain={[0, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            label={{ value: 'precision (%)', angle: -90, position: 'insideLeft', offset: 12, fontSize: 12 }}
          />
          <Tooltip content={PrTooltip} isAnimationActive={false} />
          <Line dataKey="precision" className="series-pr" name="precision" stroke="var(--chart-train)" strokeWidth={2} dot={false} hide={hidden.has('curve')} isAnimationActive={false} />
          {!hidden.has('here') && <ReferenceDot x={here.recall} y={here.precision} r={6} fill="var(--chart-val)" stroke="var(--panel)" strokeWidth={2} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

const PrCurveChart = memo(PrCurveChartInner);
export default PrCurveChart;
