import { afterEach, describe, expect, it, vi } from 'vitest';
import { runFeature } from '../../lib/page/feature';

describe('runFeature', () => {
  afterEach(() => vi.restoreAllMocks());
  it("logs a feature's failure and answers the fallback, never throwing", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(
      runFeature(
        'painting',
        () => {
          throw new Error('boom');
        },
        'fallback',
      ),
    ).toBe('fallback');
    expect(runFeature('counting', () => 42, 0)).toBe(42);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toBe('painting failed');
    expect(String(warn.mock.calls[0]?.[2])).toContain('Error: boom');
  });
});
