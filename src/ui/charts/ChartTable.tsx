import type { Key, ReactNode } from 'react';
import './charts.css';

/** One row of a chart's table: a stable key and its cells, in column order. */
export interface ChartTableRow {
  key: Key;
  cells: readonly ReactNode[];
}

/**
 * A chart's text alternative behind "Show as table": the values it draws, as a named table that
 * scrolls in its own box. `empty`, when given, is said instead of a table without rows.
 */
export function ChartTable({ label, columns, rows, empty }: { label: string; columns: readonly ReactNode[]; rows: readonly ChartTableRow[]; empty?: string }) {
  return (
    <details className="chart-table">
      <summary>Show as table</summary>
      {empty !== undefined && rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="table-scroll">
          <table aria-label={label}>
            <thead>
              <tr>
                {columns.map((column, i) => (
                  <th key={i} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
