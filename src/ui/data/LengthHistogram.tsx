import { Suspense } from 'react';
import type { LengthSummary } from '../../core/data/datasetStats';
import { ChartPlaceholder } from '../charts/ChartPlaceholder';
import { HistogramTable } from '../charts/HistogramTable';
import { HistogramBars } from '../charts/lazyCharts';
import { withUnit, count } from '../../core/format';

const characters = (n: number) => withUnit(n, 'character');

/** Bars of texts per length bin (characters); the texts beyond the 99th percentile are counted in words. */
export function LengthHistogram({ lengths, texts }: { lengths: LengthSummary; texts: number }) {
  const { bins } = lengths;
  if (bins.length === 0) return null;
  const end = bins[bins.length - 1].to + 1;
  return (
    <figure className="chart histogram" aria-label="Text length histogram">
      <Suspense fallback={<ChartPlaceholder height={180} />}>
        <HistogramBars
          bins={bins}
          label={`Histogram of text lengths in ${withUnit(bins.length, 'bin')} of ${characters(bins[0].to - bins[0].from + 1)}`}
          format={characters}
          xLabel="characters per text"
        />
      </Suspense>
      <HistogramTable bins={bins} format={characters} label="Texts per length" />
      <figcaption>
        Characters per text ({withUnit(texts, 'text')}): median {count(lengths.p50)}, 95th percentile {count(lengths.p95)}, longest {count(lengths.max)}.
        {lengths.overflow > 0 && ` ${withUnit(lengths.overflow, 'text')} longer than ${characters(end - 1)} ${lengths.overflow === 1 ? 'is' : 'are'} not drawn.`}
      </figcaption>
    </figure>
  );
}
