import { mulberry32 } from './rng.ts';
import { median, sortSamples } from './sorted.ts';

export interface RatioEstimate {
  /** median(a) / median(b) */
  ratio: number;
  /** Percentile bootstrap 95% interval of the ratio of medians. */
  ci95: [number, number];
}

function resampledMedian(values: readonly number[], random: () => number, scratch: Float64Array): number {
  for (let i = 0; i < values.length; i++) scratch[i] = values[Math.floor(random() * values.length)];
  scratch.sort();
  const mid = (values.length - 1) / 2;
  return (scratch[Math.floor(mid)] + scratch[Math.ceil(mid)]) / 2;
}

/**
 * Ratio of the medians of two independent sample sets, with a seeded percentile-bootstrap CI
 * (same inputs and seed -> same interval). Used to ask "does model B beat model A by the margin?".
 */
export function ratioOfMedians(a: readonly number[], b: readonly number[], options: { resamples?: number; seed?: number } = {}): RatioEstimate {
  const resamples = options.resamples ?? 2000;
  const random = mulberry32(options.seed ?? 1);
  const ratio = median(sortSamples(a)) / median(sortSamples(b));
  const scratchA = new Float64Array(a.length);
  const scratchB = new Float64Array(b.length);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) ratios[r] = resampledMedian(a, random, scratchA) / resampledMedian(b, random, scratchB);
  ratios.sort();
  const at = (q: number) => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { ratio, ci95: [at(0.025), at(0.975)] };
}
