import { describe, expect, it } from 'vitest';
import { emptyValidationMessage } from './runData';

describe('emptyValidationMessage', () => {
  it('does not suggest a larger validation split when no class has 3 examples', () => {
    const labels = Int32Array.from({ length: 20_000 }, (_, i) => i % 10_000);
    const message = emptyValidationMessage(labels, 10_000);
    expect(message).toContain('each of the 10,000 classes has fewer than 3 examples');
    expect(message).toContain('a larger validation split cannot help');
    expect(message).not.toContain('raise the validation split');
  });

  it('suggests more rows or a larger split when a class could give validation rows', () => {
    expect(emptyValidationMessage(Int32Array.from([0, 0, 0, 1]), 2)).toContain('raise the validation split');
  });
});
