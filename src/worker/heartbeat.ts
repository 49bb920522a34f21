/// <reference lib="webworker" />
import type { Post } from './post';

/**
 * Holds `lock` until this worker ends, then tells the page it does. A worker that ends without
 * an error event (`self.close()`, a browser reclaiming memory) releases its Web Locks, so the
 * page, waiting for the same lock, learns at once that the worker is gone.
 */
export function holdAliveLock(lock: string | undefined, post: Post): void {
  if (!lock || typeof navigator === 'undefined' || !navigator.locks) return;
  void navigator.locks.request(lock, () => {
    post({ type: 'lockHeld', lock });
    return new Promise<never>(() => undefined);
  });
}
