import { useMemo, useState } from 'react';
import { misclassified, type Misclassified } from '../../core/eval/evaluation';
import { useTexts } from './useTexts';
import type { SplitReport } from './useSplitReport';
import { percent as pct } from '../../core/format';

const LIMIT = 500;
type SortKey = 'confidence' | 'truth' | 'predicted';

/** "Misclassified examples": true and predicted label with confidence; sortable and searchable. */
export function MisclassifiedTable({ report }: { report: SplitReport }) {
  const { data, predicted, classes } = report;
  const K = classes.length;
  const all = useMemo(() => misclassified(data.truth, predicted, data.probs, K), [data, predicted, K]);
  const top = all.slice(0, LIMIT);
  const { texts } = useTexts(useMemo(() => top.map((m) => data.rows[m.index]), [top, data]));
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'confidence', descending: true });
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const withText = top.map((m, j) => ({ ...m, text: texts?.[j] ?? '' }));
    const q = query.trim().toLowerCase();
    const filtered = q ? withText.filter((r) => r.text.toLowerCase().includes(q) || classes[r.truth].toLowerCase().includes(q) || classes[r.predicted].toLowerCase().includes(q)) : withText;
    const value = (m: Misclassified) => (sort.key === 'confidence' ? m.confidence : classes[m[sort.key]]);
    return filtered.sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      const order = x < y ? -1 : x > y ? 1 : a.index - b.index;
      return sort.descending ? -order : order;
    });
  }, [top, texts, query, sort, classes]);
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : key === 'confidence' })}>
        {label} {sort.key === key ? (sort.descending ? '▼' : '▲') : ''}
      </button>
    </th>
  );
  return (
    <section aria-label="Misclassified examples" className="card">
      <h3>
        Misclassified examples: {all.length.toLocaleString('en-US')} of {data.truth.length.toLocaleString('en-US')}
        {all.length > LIMIT ? ` (the ${LIMIT} most confident shown)` : ''}
      </h3>
      {all.length === 0 ? (
        <p className="empty">No mistakes on this split.</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="mis-search">Search mistakes</label>
            <input id="mis-search" type="search" value={query} placeholder="words or a label" onChange={(e) => setQuery(e.target.value)} />
          </div>
          <div className="table-scroll">
            <table aria-label="Misclassified">
              <thead>
                <tr>
                  <th scope="col">Text</th>
                  {header('truth', 'True label')}
                  {header('predicted', 'Predicted')}
                  {header('confidence', 'Confidence')}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.index}>
                    <td className="text-cell">{texts ? r.text : '…'}</td>
                    <td>{classes[r.truth]}</td>
                    <td>{classes[r.predicted]}</td>
                    <td className="num">{pct(r.confidence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 && <p className="empty">No mistake matches “{query}”.</p>}
        </>
      )}
    </section>
  );
}
