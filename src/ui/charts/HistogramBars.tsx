import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { count } from '../../core/format';
import { ChartTooltip, TICK } from './ChartTooltip';
import { binRange, type Bin } from './binRange';
import './charts.css';

export interface HistogramProps {
  bins: readonly Bin[];
  /** Accessible name of the drawing, e.g. "Histogram of text lengths in 20 bins". */
  label: string;
  /** Value with its unit, e.g. "40 tokens". */
  format: (value: number) => string;
  /** Axis title with its unit, e.g. "characters per text". */
  xLabel: string;
  /** A limit line after this value; bins past it are drawn in the warning colour. */
  limit?: { after: number; label: string };
  height?: number;
}

interface Row {
  key: string;
  from: number;
  count: number;
  cut: boolean;
  range: string;
}

function BinTooltip({ active, payload }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload as Row;
  return <ChartTooltip title={row.range} lines={[{ label: 'texts', value: count(row.count) }]} />;
}

/** Bars of texts per bin, drawn by recharts, for the length and token-count histograms. */
function HistogramBarsInner({ bins, label, format, xLabel, limit, height = 180 }: HistogramProps) {
  const rows: Row[] = bins.map((b) => ({ key: String(b.from), from: b.from, count: b.count, cut: limit !== undefined && b.from > limit.after, range: binRange(b, format) }));
  // The line stands in the bin where texts start to be cut (categories have no positions between).
  const cutBin = limit ? bins.find((b) => b.to > limit.after) : undefined;
  return (
    <div className="rc-plot">
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 520, height }}>
        <BarChart data={rows} title={label} margin={{ top: 16, right: 12, bottom: 18, left: 4 }} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="key" tick={TICK} interval="preserveStartEnd" minTickGap={16} label={{ value: xLabel, position: 'insideBottom', offset: -12, fontSize: 12 }} />
          <YAxis tick={TICK} width={48} allowDecimals={false} tickFormatter={(v: number) => count(v)} label={{ value: 'texts', angle: -90, position: 'insideLeft', offset: 12, fontSize: 12 }} />
          <Tooltip content={BinTooltip} isAnimationActive={false} cursor={{ fill: 'var(--grid)', fillOpacity: 0.5 }} />
          <Bar dataKey="count" name="texts" isAnimationActive={false} className="hist-bars">
            {rows.map((r) => (
              <Cell key={r.key} fill={r.cut ? 'var(--bad)' : 'var(--bar-best)'} />
            ))}
          </Bar>
          {limit && cutBin && (
            <ReferenceLine x={String(cutBin.from)} stroke="var(--bad)" strokeWidth={2} strokeDasharray="4 3" label={{ value: limit.label, position: 'insideTopRight', fontSize: 12, fill: 'var(--bad)' }} />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const HistogramBars = memo(HistogramBarsInner);
export default HistogramBars;
