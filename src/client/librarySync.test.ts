import { describe, expect, it } from 'vitest';
import { LibrarySync, type LibraryChange } from './librarySync';

/** Channels of one name that deliver to each other, as BroadcastChannel does across tabs. */
function channels() {
  const all: { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void; close(): void }[] = [];
  const make = () => {
    const ch = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage: (m: unknown) => all.filter((o) => o !== ch).forEach((o) => o.onmessage?.({ data: m } as MessageEvent)),
      close: () => undefined,
    };
    all.push(ch);
    return ch;
  };
  return make;
}

describe('LibrarySync', () => {
  it('announces saves, renames and deletes to the other tabs only', () => {
    const make = channels();
    const seenA: LibraryChange[] = [];
    const seenB: LibraryChange[] = [];
    const a = new LibrarySync((c) => seenA.push(c), { channel: make(), locks: null });
    new LibrarySync((c) => seenB.push(c), { channel: make(), locks: null });
    a.announce({ type: 'saved', name: 'm' });
    a.announce({ type: 'renamed', name: 'm', newName: 'n' });
    a.announce({ type: 'deleted', name: 'n' });
    expect(seenA).toEqual([]);
    expect(seenB).toEqual([
      { type: 'saved', name: 'm' },
      { type: 'renamed', name: 'm', newName: 'n' },
      { type: 'deleted', name: 'n' },
    ]);
  });

  it('ignores messages that are not library changes', () => {
    const make = channels();
    const seen: LibraryChange[] = [];
    const other = make();
    new LibrarySync((c) => seen.push(c), { channel: make(), locks: null });
    other.postMessage({ type: 'renamed', name: 'x' });
    other.postMessage('hello');
    expect(seen).toEqual([]);
  });

  it('runs writes one at a time under the lock', async () => {
    let tail = Promise.resolve();
    const order: string[] = [];
    const locks = {
      request<T>(_name: string, run: () => Promise<T>): Promise<T> {
        const result = tail.then(run);
        tail = result.then(
          () => undefined,
          () => undefined,
        );
        return result;
      },
    };
    const sync = new LibrarySync(() => undefined, { channel: null, locks });
    const slow = sync.write(async () => {
      order.push('a start');
      await new Promise((r) => setTimeout(r, 20));
      order.push('a end');
    });
    const fast = sync.write(async () => {
      order.push('b');
    });
    await Promise.all([slow, fast]);
    expect(order).toEqual(['a start', 'a end', 'b']);
  });

  it('works without BroadcastChannel or Web Locks', async () => {
    const sync = new LibrarySync(() => undefined, { channel: null, locks: null });
    await expect(sync.write(async () => 7)).resolves.toBe(7);
    sync.announce({ type: 'saved', name: 'x' });
  });
});
