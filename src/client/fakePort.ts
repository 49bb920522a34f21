/**
 * A stand-in for the studio worker in the client's unit tests (not imported by the app): it
 * records what is sent, and each request waits until the test answers or fails it.
 */
import type { Answer, Request, ToWorker } from '../protocol/messages';
import type { WorkerPort } from './workerPort';

interface Asked {
  message: Request;
  answer(reply: Answer): void;
  fail(error: Error): void;
}

export class FakePort implements WorkerPort {
  readonly sent: ToWorker[] = [];
  readonly asked: Asked[] = [];
  private nextId = 1;

  send(message: ToWorker): void {
    this.sent.push(message);
  }

  request(message: Request): Promise<Answer> {
    return this.startRequest(message).answer;
  }

  startRequest(message: Request): { requestId: number; answer: Promise<Answer> } {
    const requestId = this.nextId++;
    const answer = new Promise<Answer>((resolve, reject) => this.asked.push({ message, answer: resolve, fail: reject }));
    return { requestId, answer };
  }
}
