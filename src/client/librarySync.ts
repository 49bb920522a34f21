/**
 * The model library is one IndexedDB per origin, shared by every tab of the studio; each tab
 * has its own worker. Writes (save, import, rename, duplicate, delete) take one Web Lock, so
 * two tabs never write at once, and each write is announced on a BroadcastChannel, so every
 * other tab refreshes its "Saved models" list at once. Browsers without either API still work,
 * a tab at a time.
 */

/** What another tab changed in the library. */
export type LibraryChange =
  | { type: 'saved'; name: string }
  | { type: 'deleted'; name: string }
  | { type: 'renamed'; name: string; newName: string };

/** Name of the Web Lock every library write holds, and of the channel that announces it. */
export const LIBRARY_LOCK = 'text-classifier-studio:library';
const CHANNEL = 'text-classifier-studio:library';

interface Channel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const isChange = (x: unknown): x is LibraryChange => {
  const m = x as Partial<LibraryChange> | null;
  return typeof m?.name === 'string' && (m.type === 'saved' || m.type === 'deleted' || (m.type === 'renamed' && typeof m.newName === 'string'));
};

export class LibrarySync {
  private readonly channel: Channel | null;
  private readonly locks: Locks | null;

  /** `onChange` runs for each change another tab announces (never for this tab's own). */
  constructor(
    onChange: (change: LibraryChange) => void,
    env: { channel?: Channel | null; locks?: Locks | null } = {},
  ) {
    this.channel = env.channel !== undefined ? env.channel : typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    // Node's BroadcastChannel (unit tests) would otherwise keep the process alive.
    (this.channel as { unref?: () => void } | null)?.unref?.();
    this.locks = env.locks !== undefined ? env.locks : ((globalThis.navigator as { locks?: Locks } | undefined)?.locks ?? null);
    if (this.channel) {
      this.channel.onmessage = (event) => {
        if (isChange(event.data)) onChange(event.data);
      };
    }
  }

  /** Runs a library write under the library's Web Lock (waits for another tab's write to end). */
  write<T>(run: () => Promise<T>): Promise<T> {
    return this.locks ? this.locks.request(LIBRARY_LOCK, run) : run();
  }

  /** Tells the other tabs what changed. */
  announce(change: LibraryChange): void {
    try {
      this.channel?.postMessage(change);
    } catch {
      // A closed channel (the page is unloading): the other tabs refresh on their next action.
    }
  }

  close(): void {
    this.channel?.close();
  }
}
