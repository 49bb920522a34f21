import { studioClient } from '../client/studioClient';

/** First visit: read the sample manifest, load the first sample, list saved models. */
export async function boot(): Promise<void> {
  const client = studioClient();
  const samples = await client.loadManifest();
  void client.refreshModels();
  if (samples[0]) await client.loadSample(samples[0]);
}
