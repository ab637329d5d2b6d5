import { maxBatchSizeOf } from '../max-batch-size-of';
import { parseCapabilityManifest } from '../capability-manifest';

describe('maxBatchSizeOf', () => {
  it('reads the batch size of the capability manifest', () => {
    expect(maxBatchSizeOf({ capabilities: parseCapabilityManifest({ batch: { maxSize: 50 } }) }, 100)).toBe(50);
  });

  it('falls back when the legacy system declares no batch endpoint or no manifest', () => {
    expect(maxBatchSizeOf({ capabilities: parseCapabilityManifest({ batch: false }) }, 100)).toBe(100);
    expect(maxBatchSizeOf({}, 7)).toBe(7);
  });
});
