import { useState } from 'react';
import type { DatasetSummary, TableInfo } from '../../protocol/messages';
import { columnOrder } from '../../core/data/textColumns';
import { RawPreview } from './RawPreview';
import { UsedPreview } from './UsedPreview';

/**
 * One preview of the data, two ways to read it: the file's rows as read (every column, the
 * chosen ones marked), or the examples as training sees them (after mapping, skipped rows and
 * dropped duplicates).
 */
export function DataPreview({ table, summary, textColumns, labelColumn }: { table: TableInfo; summary: DatasetSummary | null; textColumns: number[]; labelColumn: number }) {
  // Until the user picks a view: the file as read, or the joined texts once several text columns are checked.
  const [picked, setView] = useState<'file' | 'used' | null>(null);
  const view = picked ?? (textColumns.length > 1 ? 'used' : 'file');
  const used = view === 'used' && summary !== null && summary.preview.length > 0;
  return (
    <div className="data-preview">
      <div className="row preview-head">
        <h3>Preview</h3>
        <div className="segmented" role="group" aria-label="Preview shows">
          <button type="button" aria-pressed={!used} onClick={() => setView('file')}>
            File as read
          </button>
          <button type="button" aria-pressed={used} disabled={!summary || summary.preview.length === 0} onClick={() => setView('used')}>
            As training sees it
          </button>
        </div>
      </div>
      {used ? (
        <UsedPreview summary={summary} textNames={columnOrder(textColumns).map((c) => table.columns[c] ?? '')} labelName={table.columns[labelColumn] ?? ''} />
      ) : (
        <RawPreview table={table} textColumns={textColumns} labelColumn={labelColumn} />
      )}
    </div>
  );
}
