import { useStudio } from '../store/store';
import { DataPanel } from './panels/DataPanel';
import { PreprocessPanel } from './panels/PreprocessPanel';
import { ModelPanel } from './panels/ModelPanel';
import { TrainPanel } from './panels/TrainPanel';
import { EvaluatePanel } from './panels/EvaluatePanel';
import { ExportPanel } from './panels/ExportPanel';
import { assertNever } from '../core/model/modelSpec';
import { ErrorBoundary } from './components/ErrorBoundary';

/** The panel of the current step, as the rail's tab panel. */
export function StepPanel() {
  const step = useStudio((s) => s.step);
  const panel = (() => {
    switch (step) {
      case 'data':
        return <DataPanel />;
      case 'preprocess':
        return <PreprocessPanel />;
      case 'model':
        return <ModelPanel />;
      case 'train':
        return <TrainPanel />;
      case 'evaluate':
        return <EvaluatePanel />;
      case 'export':
        return <ExportPanel />;
      default:
        return assertNever(step);
    }
  })();
  return (
    <div role="tabpanel" id={`panel-${step}`} aria-labelledby={`tab-${step}`} className="panel">
      <ErrorBoundary resetKey={step}>{panel}</ErrorBoundary>
    </div>
  );
}
