import { useState } from 'react';
import { parseSpecFile, specFileText, specToHash } from '../../core/model/specJson';
import type { ModelSpec } from '../../core/model/modelSpec';

/** The spec as a file (download, import) and as a link. */
export function SpecShare({ spec, onImport }: { spec: ModelSpec; onImport: (spec: ModelSpec) => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const link = `${location.origin}${location.pathname}${specToHash(spec)}`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([specFileText(spec)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'model-spec.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <section aria-label="Share the model" className="card">
      <h3>Share the model</h3>
      <div className="row">
        <button type="button" onClick={download}>
          Download spec
        </button>
        <div className="field">
          <label htmlFor="import-spec">Import spec</label>
          <input
            id="import-spec"
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              try {
                onImport(parseSpecFile(await file.text()));
                setMessage({ text: `Imported the model from “${file.name}”.`, error: false });
              } catch (error) {
                setMessage({ text: `“${file.name}” is not a model spec: ${(error as Error).message}`, error: true });
              }
            }}
          />
        </div>
        <button
          type="button"
          onClick={() => {
            history.replaceState(null, '', link);
            navigator.clipboard?.writeText(link).then(
              () => setMessage({ text: 'Link copied: it opens the studio with this model.', error: false }),
              () => setMessage({ text: 'The address bar now holds the link to this model: copy it from there.', error: false }),
            );
          }}
        >
          Copy link
        </button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'good'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
