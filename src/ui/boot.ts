import { studioClient } from '../client/studioClient';
import { refreshRuns } from '../client/runHistory';
import { specFromHash } from '../core/model/specJson';
import { useStudio } from '../store/store';

/** First visit: read the sample manifest, load the first sample, list saved models. */
export async function boot(): Promise<void> {
  const client = studioClient();
  applySharedSpec();
  const samples = await client.data.loadManifest();
  void client.library.refreshModels();
  void refreshRuns();
  if (samples[0]) await client.data.loadDefaultSample(samples[0]);
}

/** A link made with "Copy link" carries a model spec in its fragment: open with that model. */
function applySharedSpec(): void {
  try {
    const spec = specFromHash(location.hash);
    if (spec) useStudio.getState().editSpec(spec);
  } catch (error) {
    useStudio.getState().showDataError(`The model in this link could not be read: ${(error as Error).message} The default model is used instead.`);
  }
}
