import { useShallow } from 'zustand/react/shallow';
import { pipelineDiagram, type Stage } from '../core/model/mermaid';
import { currentModel } from '../store/exportSlice';
import { useStudio, type StudioState } from '../store/store';
import { MermaidFigure } from './components/MermaidFigure';
import { count, percent } from '../core/format';
import { diagramPalette, useScheme } from './components/diagramPalette';

/** The compact data → … → export diagram above every panel, with the current stage highlighted. */
export function PipelineDiagram() {
  const { step, dataset, classes, live } = useStudio(
    useShallow((s) => ({ step: s.step, dataset: s.data.table?.name ?? null, classes: currentModel(s.exporting)?.classes ?? s.data.summary?.classes.length ?? null, live: liveStatus(s) })),
  );
  // Only what the user changes goes into the source: a Mermaid render costs the main thread
  // 100–400 ms, so live training state is shown beside the diagram, never inside it.
  const notes: Partial<Record<Stage, string>> = { model: classes ? classesText(classes) : undefined };
  const palette = diagramPalette(useScheme());
  const source = pipelineDiagram(step, { dataset, notes }, palette);
  return (
    <MermaidFigure
      label="Pipeline diagram"
      heading="Pipeline"
      className="pipeline"
      source={source}
      description={`Pipeline: data${dataset ? ` (${dataset})` : ''}, tokenizer, model${classes ? ` (${classesText(classes)})` : ''}, training, evaluation, export. Current stage: ${step}.`}
      caption={live}
    />
  );
}

/** One line of what is happening now, e.g. "Training: epoch 3/10". */
function liveStatus(s: StudioState): string {
  const { status, progress, config } = s.train;
  if (s.data.loading) return `Data: reading “${s.data.loading}”…`;
  if (status === 'starting') return 'Training: preparing…';
  if (status === 'training' && progress) return `Training: epoch ${progress.epoch}/${config.epochs}`;
  if (status === 'paused' && progress) return `Training paused: epoch ${progress.epoch}/${config.epochs}`;
  if (status === 'stopping') return 'Training: stopping…';
  if (status === 'error') return 'Training failed: see the Train step';
  if (status === 'done' && s.train.result) return `Trained: validation accuracy ${percent(s.train.result.valAccuracy)}`;
  if (s.data.summary) return `Data: ${count(s.data.summary.examples)} ${s.data.summary.examples === 1 ? 'example' : 'examples'}, ${classesText(s.data.summary.classes.length)}`;
  return 'Load a dataset to begin';
}

const classesText = (n: number) => `${n} ${n === 1 ? 'class' : 'classes'}`;
