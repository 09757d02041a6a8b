/**
 * The exact distribution-free interval that goes with the Hodges-Lehmann estimate: order statistics
 * of the Walsh averages cut at the Wilcoxon signed-rank critical value. It assumes only that d is
 * symmetric about its centre, which holds exactly under "no change" because base and head run in
 * random order within a round. A percentile bootstrap with few rounds (or two-humped rounds, such
 * as a JIT that sometimes fails to optimise) is too narrow; compare decides on the wider of the two.
 */

const cdfCache = new Map<number, Float64Array>();

/** P(T+ <= t) for t = 0..n(n+1)/2 under the null, by counting subsets of ranks 1..n with each sum. */
export function signedRankCdf(n: number): Float64Array {
  const cached = cdfCache.get(n);
  if (cached) return cached;
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let t = Math.min(max, (rank * (rank + 1)) / 2); t >= rank; t--) counts[t] += counts[t - rank];
  }
  const total = 2 ** n;
  const cdf = new Float64Array(max + 1);
  let running = 0;
  for (let t = 0; t <= max; t++) {
    running += counts[t];
    cdf[t] = running / total;
  }
  cdfCache.set(n, cdf);
  return cdf;
}

/**
 * Two-sided interval for the centre of `d` at confidence >= 1 - alpha: [W(k+1), W(M-k)] of the
 * sorted Walsh averages, k the largest count with P(T+ <= k) <= alpha/2. Null when n is too small
 * for any interval at that level (e.g. fewer than 6 rounds at 95%): no claim can be made yet.
 */
export function walshInterval(d: readonly number[], alpha: number): [number, number] | null {
  const n = d.length;
  if (n === 0) return null;
  const cdf = signedRankCdf(n);
  let k = -1;
  while (k + 1 < cdf.length && cdf[k + 1] <= alpha / 2) k++;
  if (k < 0) return null;
  const walsh = new Float64Array((n * (n + 1)) / 2);
  let w = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[w++] = (d[i] + d[j]) / 2;
  walsh.sort();
  return [walsh[k], walsh[walsh.length - 1 - k]];
}
