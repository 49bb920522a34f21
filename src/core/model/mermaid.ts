import type { ModelSpec } from './modelSpec';
import { summarizeModel } from './modelShapes';

/** Pipeline stages, in the order data flows through them. */
export const STAGES = ['data', 'preprocess', 'model', 'train', 'evaluate', 'export'] as const;
export type Stage = (typeof STAGES)[number];

const STAGE_TITLES: Record<Stage, string> = {
  data: 'Data',
  preprocess: 'Tokenizer',
  model: 'Model',
  train: 'Training',
  evaluate: 'Evaluation',
  export: 'Export',
};

/**
 * Makes any string safe inside a quoted Mermaid label: every character that is not plainly
 * harmless becomes a Mermaid entity (`#60;`), which Mermaid renders as that character's text.
 * So `<img onerror=…>` or `"]; click A call evil()` can neither close the label nor become markup.
 */
export function escapeMermaidLabel(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /[A-Za-z0-9 .,_/×%()-]/.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

export interface PipelineDetails {
  /** Dataset name, or null before one is loaded. User-supplied: escaped. */
  dataset?: string | null;
  /** Short live note per stage, e.g. { train: "epoch 3/10" }. */
  notes?: Partial<Record<Stage, string>>;
}

/** Flowchart of data → tokenizer → model → training → evaluation → export, `current` highlighted. */
export function pipelineDiagram(current: Stage, details: PipelineDetails = {}): string {
  const lines = ['flowchart LR'];
  const currentIndex = STAGES.indexOf(current);
  STAGES.forEach((stage, i) => {
    let label = STAGE_TITLES[stage];
    const note = stage === 'data' && details.dataset ? shorten(details.dataset, 28) : details.notes?.[stage];
    if (note) label += `<br/>${escapeMermaidLabel(note)}`;
    lines.push(`  ${stage}["${label}"]`);
    if (i > 0) lines.push(`  ${STAGES[i - 1]} --> ${stage}`);
    lines.push(`  class ${stage} ${i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo'}`);
  });
  lines.push('  classDef done fill:#dcfce7,stroke:#15803d,color:#14532d');
  lines.push('  classDef current fill:#dbeafe,stroke:#1d4ed8,stroke-width:3px,color:#1e3a8a');
  lines.push('  classDef todo fill:#f4f4f5,stroke:#a1a1aa,color:#3f3f46');
  return lines.join('\n');
}

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const shapeText = (shape: number[]) => `(${['batch', ...shape].join(', ')})`;

/** Flowchart of the layer stack with output shapes on the edges; branches drawn side by side. */
export function modelDiagram(spec: ModelSpec, classNames: readonly string[]): string {
  const summary = summarizeModel(spec, Math.max(classNames.length, 2));
  const lines = ['flowchart LR'];
  let previous: string[] = [];
  let previousShapes: number[][] = [];
  for (const layer of summary.layers) {
    const params = layer.params > 0 ? `<br/>${layer.params.toLocaleString('en-US')} params` : '';
    if (layer.outputShapes.length > 1) {
      const branches = layer.outputShapes.map((_, b) => `${layer.id}b${b}`);
      const kernels = layer.label.match(/×([\d/]+)/)?.[1].split('/') ?? [];
      branches.forEach((node, b) => {
        lines.push(`  ${node}["${escapeMermaidLabel(layer.label.replace(/×[\d/]+/, `×${kernels[b] ?? ''}`))}"]`);
        previous.forEach((p, j) => lines.push(`  ${p} -->|"${shapeText(previousShapes[j] ?? previousShapes[0])}"| ${node}`));
      });
      previous = branches;
      previousShapes = layer.outputShapes;
      continue;
    }
    lines.push(`  ${layer.id}["${escapeMermaidLabel(layer.label)}${params}"]`);
    previous.forEach((p, j) => lines.push(`  ${p} -->|"${shapeText(previousShapes[j])}"| ${layer.id}`));
    previous = [layer.id];
    previousShapes = layer.outputShapes;
  }
  const classes = classNames.length ? classNames.join(', ') : 'classes';
  lines.push(`  classes["${escapeMermaidLabel(shorten(classes, 60))}"]`);
  lines.push(`  output -->|"${shapeText(previousShapes[0])}"| classes`);
  return lines.join('\n');
}
