import type { LengthSummary } from '../../core/data/datasetStats';
import { HistogramBars } from '../charts/HistogramBars';
import { withUnit, count } from '../../core/format';

/** Bars of texts per length bin (characters); the texts beyond the 99th percentile are counted in words. */
export function LengthHistogram({ lengths, texts }: { lengths: LengthSummary; texts: number }) {
  const { bins } = lengths;
  if (bins.length === 0) return null;
  const end = bins[bins.length - 1].to + 1;
  return (
    <figure className="chart histogram" aria-label="Text length histogram">
      <HistogramBars bins={bins} height={140} label={`Histogram of text lengths in ${bins.length} bins of ${withUnit(bins[0].to - bins[0].from + 1, 'character')}`} format={(n) => withUnit(n, 'character')} />
      <figcaption>
        Characters per text ({count(texts)} texts): median {count(lengths.p50)}, 95th percentile {count(lengths.p95)}, longest {count(lengths.max)}.
        {lengths.overflow > 0 && ` ${count(lengths.overflow)} texts longer than ${withUnit(end - 1, 'character')} are not drawn.`}
      </figcaption>
    </figure>
  );
}
