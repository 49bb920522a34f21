import { describe, expect, it } from 'vitest';
import { storageFailure } from './runHistory';

describe('storageFailure', () => {
  it.each([
    ['a full quota without a message', new DOMException('', 'QuotaExceededError'), /storage for this page is full/],
    ['a quota message', new Error('Quota exceeded.'), /storage for this page is full/],
    ['a private window', new DOMException('', 'InvalidStateError'), /does not allow storage here \(InvalidStateError/],
    ['any other error', new Error('disk on fire'), /^disk on fire\. The model/],
    ['no reason at all', new DOMException('', ''), /^the browser gave no reason\./],
  ])('%s', (_, error, message) => {
    expect(storageFailure(error)).toMatch(message);
  });
});
