/**
 * Paired log-ratio statistics for compare. Each round measures base and head back to back, so the
 * machine's drift cancels inside a round: d = ln(head / base). Changes are reported as fractions
 * (exp(d) - 1; -0.07 = 7% lower throughput).
 */
import { mulberry32 } from './rng.ts';
import { bootstrapDistribution, medianInPlace, percentileInterval, tailAtOrAbove, tailAtOrBelow } from './bootstrap.ts';

/** Location estimator of the paired log-ratios. */
export type Estimator = 'median' | 'hodges-lehmann';

/** ln(head / base) per round; rounds where either side is missing or not positive are dropped. */
export function logRatios(base: readonly number[], head: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(base.length, head.length); i++) {
    if (base[i] > 0 && head[i] > 0 && Number.isFinite(base[i]) && Number.isFinite(head[i])) out.push(Math.log(head[i] / base[i]));
  }
  return out;
}

/** Median of a list (does not modify it). */
export function median(values: readonly number[]): number {
  return medianInPlace(Float64Array.from(values));
}

/**
 * Hodges-Lehmann estimate: the median of all pairwise (Walsh) averages (x_i + x_j) / 2, i <= j.
 * As robust as the median to a wild round, but close to the mean's efficiency when rounds are well
 * behaved: fewer rounds for the same interval width.
 */
export function hodgesLehmann(values: ArrayLike<number>, scratch?: Float64Array): number {
  const n = values.length;
  const size = (n * (n + 1)) / 2;
  const walsh = scratch && scratch.length >= size ? scratch : new Float64Array(size);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[k++] = (values[i] + values[j]) / 2;
  return medianInPlace(walsh, size);
}

/** The estimator as a bootstrap statistic, reusing one scratch buffer across resamples. */
function statisticFor(estimator: Estimator, n: number): (xs: Float64Array) => number {
  if (estimator === 'median') return (xs) => medianInPlace(xs);
  const scratch = new Float64Array((n * (n + 1)) / 2);
  return (xs) => hodgesLehmann(xs, scratch);
}

/** Point estimate and bootstrap distribution of the paired log-ratio location. */
export interface PairedBootstrap {
  /** Rounds (log-ratios) the estimate is based on. */
  n: number;
  estimator: Estimator;
  /** Point estimate on the original rounds, log scale. */
  estimate: number;
  /** Bootstrap distribution of the estimate, ascending, log scale. */
  distribution: Float64Array;
  /** Robust spread of the per-round log-ratios (1.4826 x MAD, ~ one standard deviation). */
  spread: number;
}

/** Bootstrap the paired estimate of `d` (log-ratios) with a fixed seed. */
export function pairedBootstrap(
  d: readonly number[],
  options: { seed: number; resamples?: number; estimator?: Estimator },
): PairedBootstrap {
  const estimator = options.estimator ?? 'hodges-lehmann';
  const statistic = statisticFor(estimator, d.length);
  const estimate = d.length ? statistic(Float64Array.from(d)) : Number.NaN;
  const distribution = bootstrapDistribution(d, statistic, { seed: options.seed, resamples: options.resamples });
  const center = median(d);
  const spread = d.length ? 1.4826 * median(d.map((x) => Math.abs(x - center))) : Number.NaN;
  return { n: d.length, estimator, estimate, distribution, spread };
}

/** Fraction change from a log-ratio: -0.07 = 7% lower. */
export function toChange(logRatio: number): number {
  return Math.expm1(logRatio);
}

/** Log-ratio from a fraction change. */
export function toLog(change: number): number {
  return Math.log1p(change);
}

/** Interval of the change (fractions) at level 1 - alpha. */
export function changeInterval(boot: PairedBootstrap, alpha: number): [number, number] {
  const [lo, hi] = percentileInterval(boot.distribution, alpha);
  return [toChange(lo), toChange(hi)];
}

/**
 * Two-sided bootstrap p-value for "the change lies beyond +-floor": small when nearly every resample
 * sits on one side outside the floor. Used to order comparisons for Holm. The floor is a size in
 * time per task, log-symmetric: +-ln(1 + floor).
 */
export function beyondFloorPValue(boot: PairedBootstrap, floor: number): number {
  const below = tailAtOrAbove(boot.distribution, -Math.log1p(floor)); // share that is NOT below -floor
  const above = tailAtOrBelow(boot.distribution, Math.log1p(floor)); // share that is NOT above +floor
  return Math.min(1, 2 * Math.min(below, above));
}

/**
 * Unpaired fallback for two stored results files: resample each side's batch throughputs on its own
 * and bootstrap ln(median(head) / median(base)). Without pairing, machine drift between the two
 * runs lands in the estimate, which is why reports label this mode less reliable.
 */
export function unpairedBootstrap(
  base: readonly number[],
  head: readonly number[],
  options: { seed: number; resamples?: number },
): PairedBootstrap {
  const count = options.resamples ?? 2000;
  const clean = (xs: readonly number[]) => xs.filter((x) => x > 0 && Number.isFinite(x));
  const b = clean(base);
  const h = clean(head);
  const n = Math.min(b.length, h.length);
  const distribution = new Float64Array(count);
  if (n === 0) {
    return { n: 0, estimator: 'median', estimate: Number.NaN, distribution: distribution.fill(Number.NaN), spread: Number.NaN };
  }
  const estimate = Math.log(median(h) / median(b));
  const random = mulberry32(options.seed);
  const sb = new Float64Array(b.length);
  const sh = new Float64Array(h.length);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < b.length; i++) sb[i] = b[Math.floor(random() * b.length)];
    for (let i = 0; i < h.length; i++) sh[i] = h[Math.floor(random() * h.length)];
    distribution[r] = Math.log(medianInPlace(sh) / medianInPlace(sb));
  }
  // Spread of one log-throughput observation, pooled: what a single pair would have differed by.
  const logSpread = (xs: number[]) => {
    const logs = xs.map(Math.log);
    const c = median(logs);
    return 1.4826 * median(logs.map((x) => Math.abs(x - c)));
  };
  const spread = Math.SQRT2 * Math.max(logSpread(b), logSpread(h));
  return { n, estimator: 'median', estimate, distribution: distribution.sort(), spread };
}
