import type { TableInfo } from '../../protocol/messages';
import { withUnit } from '../../core/format';

/** "Data preview": the first rows of the file as read, the chosen columns marked. */
export function RawPreview({ table, textColumns, labelColumn }: { table: TableInfo; textColumns: number[]; labelColumn: number }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Data preview, scrolls">
      <table aria-label="Data preview">
        <caption>
          First rows of “{table.name}” ({withUnit(table.rowCount, 'row')}{table.hasHeader ? ', header row detected' : ', no header row'})
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={i === labelColumn ? 'col-label' : textColumns.includes(i) ? 'col-text' : ''}>
                {c}
                {i === labelColumn ? ' (label)' : textColumns.includes(i) ? ' (text)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.preview.map((row, r) => (
            <tr key={r}>
              <td className="num">{table.previewRows[r]}</td>
              {table.columns.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
