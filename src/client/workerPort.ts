import type { Answer, Request, ToWorker } from '../protocol/messages';

/**
 * What the parts of the client use of the studio worker. StudioClient owns the Worker and
 * hands its parts this narrow view: they post and request, only StudioClient replaces it.
 */
export interface WorkerPort {
  /** Posts a message that expects no answer. */
  send(message: ToWorker): void;
  /** Posts a request; settles with its answer, or rejects with the worker's error for it. */
  request(message: Request): Promise<Answer>;
  /** As `request`, and tells the id the request was given, to cancel it or match its progress. */
  startRequest(message: Request): { requestId: number; answer: Promise<Answer> };
}
