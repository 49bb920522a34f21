import { ChartTable } from './ChartTable';
import { count } from '../../core/format';
import { binRange, type Bin } from './binRange';

/** The histogram's text alternative: every bin and its count, behind "Show as table". */
export function HistogramTable({ bins, format, label }: { bins: readonly Bin[]; format: (v: number) => string; label: string }) {
  return (
    <ChartTable
      label={label}
      columns={['Range', 'Texts']}
      rows={bins.map((b) => ({ key: b.from, cells: [binRange(b, format), count(b.count)] }))}
    />
  );
}
