import { useShallow } from 'zustand/react/shallow';
import { studioClient } from '../../client/studioClient';
import { validateModelSpec } from '../../core/model/modelSpec';
import { halvingEpochs, halvingRungs } from '../../core/train/searchHalving';
import { gridSize } from '../../core/train/searchPlan';
import { defaultSearchForm, defaultTrialsAtOnce, SEARCH_METHODS, settingsFromForm, type SearchForm, type SearchMethod } from '../../core/train/searchSpace';
import { validateTrainConfig } from '../../core/train/trainConfig';
import { useStudio } from '../../store/store';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { useTrainer } from '../components/useTrainer';
import { SearchParamsForm } from './SearchParamsForm';
import { SearchProgress } from './SearchProgress';
import { SearchResults } from './SearchResults';

const METHOD_LABELS: Record<SearchMethod, string> = { grid: 'Grid', random: 'Random', halving: 'Successive halving' };

const METHOD_HINTS: Record<SearchMethod, string> = {
  grid: 'every combination (a range is spread over the grid points)',
  random: 'trials drawn at random with the seed',
  halving: 'random trials; each rung keeps the best 1/η and trains them longer',
};

/** What the plan will run, in a sentence: the grid's size or the halving rungs. */
function planText(form: SearchForm, epochs: number): string {
  const { settings, issues } = settingsFromForm(form);
  if (issues.length) return '';
  if (settings.method === 'grid') {
    const size = gridSize(settings.space, settings.gridPoints);
    return `The grid has ${size} combination${size === 1 ? '' : 's'}${size > settings.maxTrials ? `: more than ${settings.maxTrials} trials, raise Trials or give fewer values` : ''}.`;
  }
  if (settings.method === 'halving') {
    const rungs = halvingRungs(settings.maxTrials, epochs, settings.eta);
    const steps = rungs.map((r) => `${r.trials} × ${r.epochs} epoch${r.epochs === 1 ? '' : 's'}`).join(' → ');
    return `Rungs: ${steps} (${halvingEpochs(rungs)} epochs in all; the Train step’s Epochs is the most a trial gets).`;
  }
  return `${settings.maxTrials} trials, each with the Train step’s epochs unless Epochs is varied.`;
}

/**
 * "Search": the hyperparameter search's settings, Start search and Cancel, its progress and the
 * "Search results". Never beside a training run (or cross-validation): disabled with the reason.
 */
export function SearchSection() {
  const { stored, spec, config, status, trainStatus, hasData, crossValidating } = useStudio(
    useShallow((s) => ({
      stored: s.search.form,
      spec: s.model.spec,
      config: s.train.config,
      status: s.search.status,
      trainStatus: s.train.status,
      hasData: (s.data.summary?.classes.length ?? 0) >= 2,
      crossValidating: s.crossValidation.status !== 'idle',
    })),
  );
  const trainer = useTrainer();
  const edit = useStudio((s) => s.editSearchForm);
  const reset = useStudio((s) => s.resetSearchForm);
  const form = stored ?? defaultSearchForm(spec, config);
  const { issues } = settingsFromForm(form);
  const searching = status === 'running' || status === 'cancelling';
  const training = trainStatus === 'starting' || trainStatus === 'training' || trainStatus === 'paused' || trainStatus === 'stopping';
  const specOk = validateModelSpec(spec, 2).length === 0 && validateTrainConfig(config).length === 0;
  const blocked = !hasData
    ? 'Load a dataset with at least two classes first (Data step).'
    : training
      ? 'Training is running: wait for it to finish or stop it before searching.'
      : crossValidating
        ? 'Cross-validation is running: cancel it or wait for it to finish before searching.'
        : !specOk
        ? 'Fix the model and training settings first.'
        : issues.length
          ? 'Fix the search settings above.'
          : null;
  const set = (changes: Partial<SearchForm>) => edit({ ...form, ...changes });
  const onEngine = trainer?.label.what === 'WASM engine';
  const atOnce = form.parallel ?? defaultTrialsAtOnce(onEngine, navigator.hardwareConcurrency || 1);
  const general = issues.filter((i) => i.path === 'budget' || i.path === 'space' || i.path === 'method' || i.path === 'seed' || i.path === 'eta' || i.path === 'parallel');
  const client = studioClient().search;
  return (
    <section aria-labelledby="search-title" className="card search">
      <h3 id="search-title">Search</h3>
      <p className="hint">Trains several variations of the current settings on the same split and ranks them by validation accuracy.</p>
      <div className="grid">
        <SelectField label="Search method" value={form.method} options={SEARCH_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} hint={METHOD_HINTS[form.method]} disabled={searching} onChange={(method) => set({ method })} />
        <NumberField label="Trials" value={form.maxTrials} min={1} max={200} hint={form.method === 'halving' ? 'configurations at the first rung' : 'most trials to run'} disabled={searching} onChange={(maxTrials) => set({ maxTrials })} />
        <NumberField label="Minutes" value={form.maxMinutes} min={0.5} max={1440} step="any" hint="time budget" disabled={searching} onChange={(maxMinutes) => set({ maxMinutes })} />
        <NumberField label="Search seed" value={form.seed} hint="same seed, same trials" disabled={searching} onChange={(seed) => set({ seed })} />
        <SelectField
          label="Trials at once"
          value={String(atOnce) as '1' | '2'}
          options={[
            { value: '1', label: '1' },
            { value: '2', label: '2' },
          ]}
          hint={onEngine ? 'two trials train side by side, one per CPU core' : 'trials on the GPU run one at a time; 2 applies on the CPU engine'}
          disabled={searching}
          onChange={(value) => set({ parallel: value === '2' ? 2 : 1 })}
        />
        {form.method === 'halving' && <NumberField label="Keep 1/η per rung" value={form.eta} min={2} max={10} hint="η = 3 keeps a third" disabled={searching} onChange={(eta) => set({ eta })} />}
        {form.method === 'grid' && <NumberField label="Grid points per range" value={form.gridPoints} min={2} max={10} hint="values a range is spread over" disabled={searching} onChange={(gridPoints) => set({ gridPoints })} />}
      </div>
      <SearchParamsForm form={form} issues={issues} disabled={searching} onChange={edit} />
      {general.map((issue) => (
        <p key={issue.message} className="problem">
          {issue.message}
        </p>
      ))}
      <p className="hint">{planText(form, config.epochs)}</p>
      <div className="controls">
        <button type="button" className="primary" disabled={searching || blocked !== null} onClick={() => client.start()}>
          Start search
        </button>
        <button type="button" disabled={status !== 'running'} onClick={() => client.cancel()}>
          Cancel search
        </button>
        <button type="button" className="link" disabled={searching || stored === null} onClick={reset}>
          Reset to current settings
        </button>
        {blocked && !searching && <span className="hint">{blocked}</span>}
      </div>
      <SearchProgress />
      <SearchResults />
    </section>
  );
}
