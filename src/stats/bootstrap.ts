/**
 * Seeded percentile bootstrap. Resampling is the only randomness in a verdict, so it is driven by
 * mulberry32 with an explicit seed: the same rounds and seed always give the same interval.
 */
import { mulberry32 } from './rng.ts';

/** Default number of resamples: enough for stable 0.1%-level tails, cheap for tens of rounds. */
export const DEFAULT_RESAMPLES = 2000;

/**
 * Middle element (or mean of the two middle ones) of `xs`, found in O(n) by quickselect.
 * Reorders `xs` in place: callers pass scratch buffers.
 */
export function medianInPlace(xs: Float64Array, length = xs.length): number {
  if (length === 0) return Number.NaN;
  const mid = length >> 1;
  const upper = select(xs, 0, length - 1, mid);
  if (length % 2 === 1) return upper;
  // After selecting `mid`, everything left of it is <= it: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (xs[i] > lower) lower = xs[i];
  return (lower + upper) / 2;
}

/** k-th smallest of xs[lo..hi] (Hoare partition around the middle element; deterministic). */
function select(xs: Float64Array, lo: number, hi: number, k: number): number {
  while (lo < hi) {
    const pivot = xs[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i] < pivot) i++;
      while (xs[j] > pivot) j--;
      if (i <= j) {
        const t = xs[i];
        xs[i] = xs[j];
        xs[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k];
  }
  return xs[k];
}

/** A statistic computed from a resample (may reorder its argument). */
export type Statistic = (resample: Float64Array) => number;

/**
 * The bootstrap distribution of `statistic` over `resamples` resamples of `values` with
 * replacement, sorted ascending.
 */
export function bootstrapDistribution(
  values: readonly number[],
  statistic: Statistic,
  options: { seed: number; resamples?: number },
): Float64Array {
  const n = values.length;
  const count = options.resamples ?? DEFAULT_RESAMPLES;
  const out = new Float64Array(count);
  if (n === 0) return out.fill(Number.NaN);
  const random = mulberry32(options.seed);
  const scratch = new Float64Array(n);
  for (let b = 0; b < count; b++) {
    for (let i = 0; i < n; i++) scratch[i] = values[Math.floor(random() * n)];
    out[b] = statistic(scratch);
  }
  return out.sort();
}

/** Quantile q in [0, 1] of an ascending array, linear interpolation between order statistics (R type 7). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Two-sided percentile interval at level 1 - alpha from an ascending bootstrap distribution. */
export function percentileInterval(sorted: ArrayLike<number>, alpha: number): [number, number] {
  return [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)];
}

/** Share of the distribution at or above x, with the +1 correction so it is never exactly 0. */
export function tailAtOrAbove(sorted: ArrayLike<number>, x: number): number {
  let count = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i] >= x; i--) count++;
  return (count + 1) / (sorted.length + 1);
}

/** Share of the distribution at or below x, with the +1 correction. */
export function tailAtOrBelow(sorted: ArrayLike<number>, x: number): number {
  let count = 0;
  for (let i = 0; i < sorted.length && sorted[i] <= x; i++) count++;
  return (count + 1) / (sorted.length + 1);
}
