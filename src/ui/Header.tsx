import { useShallow } from 'zustand/react/shallow';
import { currentModel } from '../store/exportSlice';
import { useStudio } from '../store/store';
import { badgeText } from '../core/train/trainerLabel';
import { useTrainer } from './components/useTrainer';

/**
 * Studio name, dataset in use and the backend badge: what the current model will train on
 * (or trains on now), in a word, with the reason on hover and focus.
 */
export function Header() {
  const dataset = useStudio((s) => s.data.table?.name ?? null);
  const model = useStudio(useShallow((s) => currentModel(s.exporting)));
  const trainer = useTrainer();
  const label = trainer ? badgeText(trainer.label) : 'Starting…';
  const detail = trainer ? trainer.reason : 'Finding out what this browser can train on';
  const tone = !trainer ? '' : trainer.label.where === 'GPU' ? 'badge-ok' : 'badge-cpu';
  return (
    <header className="header">
      <h1>Text Classifier Studio</h1>
      <span className="dataset" title="Dataset in use">
        {dataset ? <>Dataset: <strong>{dataset}</strong></> : 'No dataset yet'}
      </span>
      {model && (
        <span className="dataset" title="Current model">
          Model: <strong>{model.name}</strong> (trained on {model.dataset})
        </span>
      )}
      {/* The reason shows on hover and focus from data-tip (CSS), so its text is not in the page twice. */}
      <span className={`badge ${tone}`} tabIndex={0} data-tip={detail} aria-label={`Backend: ${label}. ${detail}`}>
        {label}
      </span>
    </header>
  );
}
