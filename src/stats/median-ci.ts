import type { SortedSamples } from './sorted.ts';

/** P(X <= k) for X ~ Binomial(n, 1/2), exact for the sample sizes we see (n <= a few thousand). */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // log-space to stay finite for large n
  let logTerm = -n * Math.LN2; // log C(n,0) 2^-n
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}

/**
 * Distribution-free confidence interval of the median from order statistics: [x(k), x(n-k+1)] with
 * the largest k whose two-sided coverage is still >= `level`. Exact and deterministic, no resampling.
 * With too few samples for the level (n < 6 at 95%), the full range is returned: the widest honest answer.
 */
export function medianConfidenceInterval(sorted: SortedSamples, level = 0.95): [number, number] {
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const alpha = (1 - level) / 2;
  let k = 0; // 1-based rank of the lower bound; 0 = none found
  for (let candidate = 1; candidate <= Math.floor((n + 1) / 2); candidate++) {
    if (binomialHalfCdf(candidate - 1, n) <= alpha) k = candidate;
    else break;
  }
  if (k === 0) return [sorted[0], sorted[n - 1]];
  return [sorted[k - 1], sorted[n - k]];
}
