import { useShallow } from 'zustand/react/shallow';
import { pipelineDiagram, type Stage } from '../core/mermaid';
import { useStudio } from '../store/store';
import { MermaidFigure } from './components/MermaidFigure';

/** The compact data → … → export diagram above every panel, with the current stage highlighted. */
export function PipelineDiagram() {
  const { step, dataset, classes } = useStudio(
    useShallow((s) => ({ step: s.step, dataset: s.data.table?.name ?? null, classes: s.data.summary?.classes.length ?? null })),
  );
  // Only what the user changes goes into the source: a Mermaid render costs the main thread
  // 100–400 ms, so live training state is shown beside the diagram, never inside it.
  const notes: Partial<Record<Stage, string>> = { model: classes ? `${classes} classes` : undefined };
  const source = pipelineDiagram(step, { dataset, notes });
  return (
    <MermaidFigure
      label="Pipeline diagram"
      className="pipeline"
      source={source}
      description={`Pipeline: data, tokenizer, model, training, evaluation, export. Current stage: ${step}.`}
    />
  );
}
