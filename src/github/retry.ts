/**
 * When and how long to wait before repeating a GitHub API request.
 *
 * Two kinds of failure are worth a retry: server errors (5xx, and network errors, which Octokit
 * reports as status 500) and GitHub's secondary rate limits (403/429 with `retry-after`, or the
 * "secondary rate limit" message). Everything else (401, a 403 on a fork, 404, 422) is final.
 *
 * A POST that failed with a 5xx may still have been applied (the comment exists, the response was
 * lost), so POSTs are not retried here on 5xx: the sticky-comment logic searches again before it
 * re-creates (see comment.ts). A rate-limited request was refused before it ran, so any method may
 * be repeated.
 */

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** First 5xx back-off; doubled at each attempt. */
  baseDelayMs: number;
  /** A rate limit asking for a longer wait than this is reported instead of waited out. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 120_000 };

/** What a failed request looks like to the policy (a subset of Octokit's RequestError). */
export interface FailedRequest {
  status?: number;
  message?: string;
  method?: string;
  headers?: Record<string, string | number | undefined>;
}

/** GitHub's documented advice when a secondary limit gives no retry-after: wait at least a minute. */
const SECONDARY_LIMIT_DEFAULT_MS = 60_000;

/**
 * Milliseconds to wait before attempt number `attempt + 1` (attempt counts from 0), or null when
 * the request must not be retried.
 */
export function retryDelayMs(failure: FailedRequest, attempt: number, policy: RetryPolicy, nowMs: number): number | null {
  if (attempt >= policy.retries) return null;
  const status = failure.status ?? 0;
  const method = (failure.method ?? 'GET').toUpperCase();

  if (status === 403 || status === 429) {
    const wait = rateLimitWaitMs(failure, nowMs);
    if (wait === null) return null;
    return wait <= policy.maxDelayMs ? wait : null;
  }
  if (status >= 500 && status <= 599 && method !== 'POST') {
    return policy.baseDelayMs * 2 ** attempt;
  }
  return null;
}

/** Wait demanded by a rate-limit response, or null when the 403/429 is not a rate limit (e.g. a fork's read-only token). */
function rateLimitWaitMs(failure: FailedRequest, nowMs: number): number | null {
  const headers = failure.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
    return retryAfter * 1000;
  }
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - nowMs);
  }
  if (/secondary rate limit/i.test(failure.message ?? '')) return SECONDARY_LIMIT_DEFAULT_MS;
  return null;
}

export interface RetryHooks {
  sleep: (ms: number) => Promise<void>;
  /** Told about every retry (for a log line); never given the request's headers. */
  onRetry?: (info: { method: string; url: string; status: number; delayMs: number; attempt: number }) => void;
  now?: () => number;
}

/** Runs `send` and repeats it while the policy says the failure is worth another attempt. */
export async function withRetry<T>(
  send: () => Promise<T>,
  request: { method: string; url: string },
  policy: RetryPolicy,
  hooks: RetryHooks,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const failure = describeFailure(error, request.method);
      const delay = retryDelayMs(failure, attempt, policy, (hooks.now ?? Date.now)());
      if (delay === null) throw error;
      hooks.onRetry?.({ method: request.method, url: request.url, status: failure.status ?? 0, delayMs: delay, attempt: attempt + 1 });
      await hooks.sleep(delay);
    }
  }
}

function describeFailure(error: unknown, method: string): FailedRequest {
  const e = error as { status?: unknown; message?: unknown; response?: { headers?: Record<string, string | number | undefined> } };
  return {
    status: typeof e?.status === 'number' ? e.status : undefined,
    message: typeof e?.message === 'string' ? e.message : undefined,
    method,
    headers: e?.response?.headers,
  };
}
