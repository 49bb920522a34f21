import { useId, useState } from 'react';
import { studioClient } from '../../client/studioClient';
import type { SavedModelInfo } from '../../protocol/messages';
import { formatBytes, percent } from '../../core/format';

export interface SavedModelItemProps {
  model: SavedModelInfo;
  busy: boolean;
  /** Asks the library to confirm deleting this model. */
  onDelete: (name: string) => void;
}

/** One saved model: what it is, and Load, Rename, Duplicate, Delete. */
export function SavedModelItem({ model: m, busy, onDelete }: SavedModelItemProps) {
  const [renaming, setRenaming] = useState(false);
  const [newName, setNewName] = useState(m.name);
  const client = studioClient();
  const inputId = useId();
  return (
    <li aria-label={m.name}>
      <div>
        <strong>{m.name}</strong>
        <span className="hint">
          Saved {new Date(m.savedAt).toLocaleString()} · dataset {m.dataset} · {m.classes.length} classes · validation accuracy {percent(m.valAccuracy)} · {m.backend} ·{' '}
          {m.totalParams.toLocaleString('en-US')} parameters · {formatBytes(m.sizeBytes)}
        </span>
      </div>
      {renaming ? (
        <form
          className="item-actions"
          onSubmit={(e) => {
            e.preventDefault();
            setRenaming(false);
            if (newName.trim() && newName.trim() !== m.name) void client.library.renameModel(m.name, newName.trim());
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setRenaming(false);
          }}
        >
          <label htmlFor={inputId} className="visually-hidden">
            New name for {m.name}
          </label>
          <input id={inputId} type="text" value={newName} maxLength={120} autoFocus onChange={(e) => setNewName(e.target.value)} />
          <button type="submit" disabled={busy}>
            Save name
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="item-actions">
          <button type="button" disabled={busy} onClick={() => void client.library.loadModel(m.name)}>
            Load
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setNewName(m.name);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <button type="button" disabled={busy} onClick={() => void client.library.duplicateModel(m.name)}>
            Duplicate
          </button>
          <button type="button" disabled={busy} onClick={() => onDelete(m.name)}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
