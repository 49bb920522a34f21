import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ExportStatus } from './ExportStatus';
import { SavedModelItem } from './SavedModelItem';
import { StorageUsage } from './StorageUsage';

/** The models saved in this browser, and how much room they take. */
export function LibraryCard() {
  const { saved, busy, storage } = useStudio(useShallow((s) => ({ saved: s.exporting.saved, busy: s.exporting.busy, storage: s.exporting.storage })));
  const [deleting, setDeleting] = useState<string | null>(null);
  return (
    <div className="card">
      <h3 id="saved-title">Saved models</h3>
      <StorageUsage storage={storage} />
      {saved.length === 0 ? (
        <p className="empty">No saved models in this browser yet. Saved and imported models stay here after a reload.</p>
      ) : (
        <ul aria-label="Saved models" className="library">
          {saved.map((m) => (
            <SavedModelItem key={m.name} model={m} busy={busy !== null} onDelete={setDeleting} />
          ))}
        </ul>
      )}
      <ExportStatus scope="library" />
      <ConfirmDialog
        request={deleting ? { title: `Delete “${deleting}”?`, body: 'It is removed from this browser and cannot be brought back, unless you downloaded it.', confirmLabel: 'Delete' } : null}
        onConfirm={() => {
          const name = deleting;
          setDeleting(null);
          if (name) void studioClient().library.deleteModel(name);
        }}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
