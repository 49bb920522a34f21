import { describe, expect, it } from 'vitest';
import { runPool } from './trialPool';

/** A promise settled by hand, to order the tasks' ends. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('runPool', () => {
  it('runs two at once and delivers in task order when the second ends first', async () => {
    const ends = [deferred<string>(), deferred<string>(), deferred<string>()];
    const started: [number, number][] = [];
    const delivered: [number, string][] = [];
    const done = runPool(3, 2, () => true, (i, slot) => (started.push([i, slot]), ends[i].promise), (i, r) => delivered.push([i, r]));
    await tick();
    expect(started).toEqual([[0, 0], [1, 1]]);
    ends[1].resolve('b');
    await tick();
    // Task 1 ended first: held back until task 0 is delivered; its slot takes task 2.
    expect(delivered).toEqual([]);
    expect(started).toEqual([[0, 0], [1, 1], [2, 1]]);
    ends[0].resolve('a');
    await tick();
    expect(delivered).toEqual([[0, 'a'], [1, 'b']]);
    ends[2].resolve('c');
    expect(await done).toBe(3);
    expect(delivered).toEqual([[0, 'a'], [1, 'b'], [2, 'c']]);
  });

  it('with one slot runs the tasks one after another', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const started = await runPool(
      4,
      1,
      () => true,
      async (i) => {
        most = Math.max(most, ++running);
        await tick();
        running--;
        return i * 10;
      },
      (_, r) => order.push(r),
    );
    expect(started).toBe(4);
    expect(most).toBe(1);
    expect(order).toEqual([0, 10, 20, 30]);
  });

  it('starts nothing more once canStart says no (Cancel), and delivers what was running', async () => {
    let cancelled = false;
    const ends = [deferred<number>(), deferred<number>()];
    const delivered: number[] = [];
    const done = runPool(5, 2, () => !cancelled, (i) => ends[i].promise, (i) => delivered.push(i));
    await tick();
    cancelled = true;
    ends[0].resolve(0);
    ends[1].resolve(1);
    expect(await done).toBe(2);
    expect(delivered).toEqual([0, 1]);
  });

  it('never uses more slots than tasks, and does nothing for none', async () => {
    const slots: number[] = [];
    expect(await runPool(1, 2, () => true, async (_, slot) => slots.push(slot), () => undefined)).toBe(1);
    expect(slots).toEqual([0]);
    expect(await runPool(0, 2, () => true, async () => 1, () => undefined)).toBe(0);
  });
});
