import { computePreprocessStats } from '../../core/text/preprocessReport';
import type { MessageOf, Post } from '../post';
import { session } from '../session';

/** The Preprocess step's statistics of the mapped dataset; the sorted lengths travel as a transferable. */
export function postPreprocessStats(message: MessageOf<'preprocessStats'>, post: Post): void {
  const dataset = session.dataset;
  if (!dataset) throw new Error('Load a dataset and choose its columns in the Data step first.');
  const started = performance.now();
  const stats = computePreprocessStats(dataset.texts, dataset.labels, message.request);
  const elapsedMs = performance.now() - started;
  post({ type: 'preprocessStatsReady', requestId: message.requestId, stats, elapsedMs }, [stats.sortedLengths.buffer]);
}
