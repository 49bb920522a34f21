import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';

const BACKEND_LABELS = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU', engine: 'WASM engine' } as const;

/** Studio name, dataset in use and the backend badge (fallback reason on hover and focus). */
export function Header() {
  const { dataset, backend } = useStudio(useShallow((s) => ({ dataset: s.data.table?.name ?? null, backend: s.train.backend })));
  const label = backend ? BACKEND_LABELS[backend.name] : 'Starting…';
  const detail = backend
    ? backend.fallbackReason
      ? `Running on ${label} because: ${backend.fallbackReason}`
      : `Running on ${label}${backend.adapter ? ` (${backend.adapter})` : ''}`
    : 'Choosing a backend';
  return (
    <header className="header">
      <h1>Text Classifier Studio</h1>
      <span className="dataset" title="Dataset in use">
        {dataset ? <>Dataset: <strong>{dataset}</strong></> : 'No dataset yet'}
      </span>
      <span
        className={`badge ${backend?.fallbackReason ? 'badge-warn' : backend ? 'badge-ok' : ''}`}
        tabIndex={0}
        title={detail}
        aria-label={`Backend: ${label}. ${detail}`}
      >
        {label}
        {backend?.fallbackReason ? ' (fallback)' : ''}
        <span className="tooltip" aria-hidden="true">
          {detail}
        </span>
      </span>
    </header>
  );
}
