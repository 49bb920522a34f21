import type { FromWorker, ToWorker } from '../protocol/messages';

/** Sends a message to the page; the buffers in `transfer` move instead of being copied. */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** The page's message of one type, as the room that answers it receives it. */
export type MessageOf<T extends ToWorker['type']> = Extract<ToWorker, { type: T }>;
