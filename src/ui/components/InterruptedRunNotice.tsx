import { withUnit } from '../../core/format';
import { useState } from 'react';
import { forgetRun, readInterruptedRun, type InterruptedRun } from '../../client/interruptedRun';
import { studioClient } from '../../client/studioClient';
import { useStudio } from '../../store/store';

const time = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Puts an interrupted run's settings back, and its dataset when it was a sample. */
function restore(run: InterruptedRun): void {
  const store = useStudio.getState();
  store.editSpec(structuredClone(run.spec));
  store.setTrainConfig(structuredClone(run.config));
  if (run.tokenizer) store.setTokenizerOptions(run.tokenizer);
  const { textColumns, labelColumn } = run.dataset;
  // The columns come back when the same file (or sample) is read again.
  if (textColumns?.length && labelColumn) studioClient().data.preferColumns(run.dataset.name, textColumns, labelColumn);
  const sample = run.dataset.sampleId ? store.data.samples.find((s) => s.id === run.dataset.sampleId) : undefined;
  if (sample) {
    store.selectSample(sample.id);
    void studioClient().data.loadSample(sample);
  }
}

/**
 * After a reload or a closed tab: a run that was still training then is named here, with its
 * settings and dataset offered again (an uploaded file must be chosen again: the browser
 * cannot reopen it by itself).
 */
export function InterruptedRunNotice() {
  const [run, setRun] = useState(readInterruptedRun);
  const [restored, setRestored] = useState<string | null>(null);
  if (restored) {
    return (
      <p role="status" className="notice">
        {restored}
      </p>
    );
  }
  if (!run) return null;
  const isFile = !run.dataset.sampleId;
  const close = (message: string | null) => {
    forgetRun();
    setRun(null);
    setRestored(message);
  };
  return (
    <section role="region" aria-label="Interrupted run" className="notice">
      <p role="alert">
        A training run was interrupted: the page was closed or reloaded while it trained (started {time(run.startedAt)} on “{run.dataset.name}”,{' '}
        {withUnit(run.config.epochs, 'epoch')}).
        {run.checkpoint
          ? ` Its best weights so far (epoch ${run.checkpoint.epoch}, validation accuracy ${(run.checkpoint.valAccuracy * 100).toFixed(1)}%) are kept as “${run.checkpoint.name}” under Saved models in the Export step: load it to evaluate, save or download it.`
          : ' No epoch had finished, so no weights were kept.'}
        {isFile ? ` Restore its settings, then choose “${run.dataset.name}” again under "Upload dataset": the browser cannot reopen a file by itself.` : ' Restore its settings and dataset to train it again.'}
      </p>
      <button
        type="button"
        onClick={() => {
          restore(run);
          close(isFile ? `Settings restored. Choose “${run.dataset.name}” again under "Upload dataset", then press Train.` : `Settings and “${run.dataset.name}” restored: press Train to run it again.`);
        }}
      >
        Restore settings{isFile ? '' : ' and dataset'}
      </button>{' '}
      <button type="button" onClick={() => close(null)}>
        Dismiss
      </button>
    </section>
  );
}
