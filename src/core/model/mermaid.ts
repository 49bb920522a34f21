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

/** Stage colours of the pipeline diagram (hex: Mermaid's classDef cannot read CSS variables). */
export interface DiagramPalette {
  doneFill: string;
  doneStroke: string;
  doneText: string;
  currentFill: string;
  currentStroke: string;
  currentText: string;
  todoFill: string;
  todoStroke: string;
  todoText: string;
}

/** The light theme's stage colours; the page passes its own (light or dark) from its CSS variables. */
export const LIGHT_PALETTE: DiagramPalette = {
  doneFill: '#dcfce7',
  doneStroke: '#15803d',
  doneText: '#14532d',
  currentFill: '#dbeafe',
  currentStroke: '#1d4ed8',
  currentText: '#1e3a8a',
  todoFill: '#f4f4f5',
  todoStroke: '#a1a1aa',
  todoText: '#3f3f46',
};

const hex = (value: string, fallback: string) => (/^#[0-9a-f]{3,8}$/i.test(value) ? value : fallback);

/** Flowchart of data → tokenizer → model → training → evaluation → export, `current` highlighted. */
export function pipelineDiagram(current: Stage, details: PipelineDetails = {}, palette: DiagramPalette = LIGHT_PALETTE): string {
  const lines = ['flowchart LR'];
  const currentIndex = STAGES.indexOf(current);
  STAGES.forEach((stage, i) => {
    let label = STAGE_TITLES[stage];
    const note = stage === 'data' && details.dataset ? shorten(details.dataset, 22) : details.notes?.[stage];
    if (note) label += `<br/>${escapeMermaidLabel(note)}`;
    lines.push(`  ${stage}["${label}"]`);
    if (i > 0) lines.push(`  ${STAGES[i - 1]} --> ${stage}`);
    lines.push(`  class ${stage} ${i < currentIndex ? 'done' : i === currentIndex ? 'current' : 'todo'}`);
  });
  // Only hex colours reach the source: a palette value can never close the statement.
  const p = (k: keyof DiagramPalette) => hex(palette[k], LIGHT_PALETTE[k]);
  lines.push(`  classDef done fill:${p('doneFill')},stroke:${p('doneStroke')},color:${p('doneText')}`);
  lines.push(`  classDef current fill:${p('currentFill')},stroke:${p('currentStroke')},stroke-width:3px,color:${p('currentText')}`);
  lines.push(`  classDef todo fill:${p('todoFill')},stroke:${p('todoStroke')},color:${p('todoText')}`);
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
