import { useRef, useState } from 'react';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';
import { ExportStatus } from './ExportStatus';

/** "Import model": a downloaded .zip, or its files chosen together, back into the library. */
export function ImportCard() {
  const busy = useStudio((s) => s.exporting.busy);
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="card">
      <h3>Import</h3>
      <p className="lead">
        Bring back a .zip from “Download model”, or select its files together: <code>model.json</code>, the <code>.bin</code> weights,{' '}
        <code>tokenizer.json</code> and <code>metadata.json</code>. It is checked, then stored in this browser’s library.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor="import-name">Import as</label>
          <input id="import-name" type="text" value={name} maxLength={120} placeholder="name of the file" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="import-model">Import model</label>
          <input
            ref={input}
            id="import-model"
            type="file"
            multiple
            accept=".zip,.json,.bin,application/zip,application/json"
            disabled={busy !== null}
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              if (files.length === 0) return;
              void studioClient()
                .library.importModel(files, name)
                .then(() => {
                  // Choosing the same file again must import again.
                  if (input.current) input.current.value = '';
                });
            }}
          />
        </div>
      </div>
      <ExportStatus scope="import" />
    </div>
  );
}
