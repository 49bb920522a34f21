/**
 * The search's trial pool: runs tasks 0…count−1 on up to `slots` at once, each slot taking the
 * next task when its last one ends, and hands the results over in task order (a task that ends
 * early waits for the ones before it), so a search's reports come in the same order however the
 * slots' timing falls. `canStart` is asked before each task starts (budget, Cancel): once it says
 * no, no slot starts another; tasks already running finish and are delivered.
 */
export async function runPool<R>(
  count: number,
  slots: number,
  canStart: (index: number) => boolean,
  start: (index: number, slot: number) => Promise<R>,
  deliver: (index: number, result: R) => void,
): Promise<number> {
  let next = 0;
  let stopped = false;
  let delivered = 0;
  const ready = new Map<number, R>();
  const flush = () => {
    while (ready.has(delivered)) {
      const result = ready.get(delivered) as R;
      ready.delete(delivered);
      deliver(delivered, result);
      delivered++;
    }
  };
  const slot = async (id: number) => {
    while (!stopped && next < count) {
      if (!canStart(next)) {
        stopped = true;
        return;
      }
      const index = next++;
      ready.set(index, await start(index, id));
      flush();
    }
  };
  const used = Math.max(1, Math.min(Math.floor(slots), count));
  await Promise.all(Array.from({ length: count === 0 ? 0 : used }, (_, id) => slot(id)));
  return next;
}
