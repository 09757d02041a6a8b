import { mulberry32 } from './rng.ts';
import { median, sortSamples } from './sorted.ts';

export interface RatioEstimate {
  /** median(a) / median(b) */
  ratio: number;
  /** Percentile bootstrap 95% interval of the ratio of medians. */
  ci95: [number, number];
}

/** Split samples into their rounds; without a grouping that adds up, all samples form one group. */
export function groupSamples(values: readonly number[], sizes?: readonly number[]): number[][] {
  if (!sizes || sizes.reduce((a, b) => a + b, 0) !== values.length) return [values.slice()];
  const groups: number[][] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(values.slice(at, at + size));
    at += size;
  }
  return groups;
}

function resampledGroupedMedian(groups: readonly (readonly number[])[], random: () => number, scratch: number[]): number {
  scratch.length = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[Math.floor(random() * groups.length)];
    for (let i = 0; i < group.length; i++) scratch.push(group[Math.floor(random() * group.length)]);
  }
  scratch.sort((x, y) => x - y);
  const mid = (scratch.length - 1) / 2;
  return (scratch[Math.floor(mid)] + scratch[Math.ceil(mid)]) / 2;
}

/**
 * Ratio of medians with a two-level (hierarchical) bootstrap: resample rounds, then batches within
 * each chosen round. Batches of one host process share its JIT and memory layout, so they vary less
 * than hosts do; resampling only batches would make the interval too narrow. With one round per side
 * this falls back to the batch-level interval, which is why one round alone never gives high confidence.
 */
export function ratioOfMediansGrouped(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
  options: { resamples?: number; seed?: number } = {},
): RatioEstimate {
  const resamples = options.resamples ?? 2000;
  const random = mulberry32(options.seed ?? 1);
  const ratio = median(sortSamples(a.flat())) / median(sortSamples(b.flat()));
  const scratchA: number[] = [];
  const scratchB: number[] = [];
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) ratios[r] = resampledGroupedMedian(a, random, scratchA) / resampledGroupedMedian(b, random, scratchB);
  ratios.sort();
  const at = (q: number) => ratios[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { ratio, ci95: [at(0.025), at(0.975)] };
}
