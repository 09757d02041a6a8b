import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../../src/github/retry.ts';

const now = 1_700_000_000_000;
const delay = (failure: Parameters<typeof retryDelayMs>[0], attempt = 0) => retryDelayMs(failure, attempt, DEFAULT_RETRY_POLICY, now);

describe('retryDelayMs', () => {
  it('backs off exponentially on 5xx for reads and updates, never for POST, and stops after the last retry', () => {
    expect([0, 1, 2].map((a) => delay({ status: 502, method: 'GET' }, a))).toEqual([1000, 2000, 4000]);
    expect(delay({ status: 500, method: 'PATCH' })).toBe(1000);
    expect(delay({ status: 503, method: 'POST' })).toBeNull();
    expect(delay({ status: 502, method: 'GET' }, 3)).toBeNull();
  });
  it('waits out rate limits as asked, but not a fork token 403, a 404 or a limit resetting in an hour', () => {
    expect(delay({ status: 429, method: 'POST', headers: { 'retry-after': '3' } })).toBe(3000);
    expect(delay({ status: 403, message: 'You have exceeded a secondary rate limit' })).toBe(60_000);
    expect(delay({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 30) } })).toBe(30_000);
    expect(delay({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) } })).toBeNull();
    expect(delay({ status: 403, message: 'Resource not accessible by integration' })).toBeNull();
    expect(delay({ status: 404 })).toBeNull();
  });
});
