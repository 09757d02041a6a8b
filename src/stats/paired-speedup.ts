/**
 * The speedup of a candidate over its baseline from paired rounds (measure/paired-models.ts): each
 * round a fresh pair of hosts, each pair of neighbouring batches one log-ratio of their rates. The
 * estimate is the geometric mean ratio; its 95% interval a seeded two-level bootstrap (rounds, then
 * pairs within a round), because pairs of one pair of hosts share their JIT state and CPUs and vary
 * less than fresh pairs do. With one round it falls back to the pair level, which is why one round
 * alone never gives high confidence.
 */
import type { BatchSample } from '../types.ts';
import { mulberry32 } from './rng.ts';

export interface PairedSpeedup {
  /** Geometric mean of candidate rate / baseline rate over every batch pair. */
  speedup: number;
  /** Percentile bootstrap 95% interval of the speedup. */
  ci95: [number, number];
  /** Paired rounds (fresh host pairs). */
  rounds: number;
  /** Batch pairs over all rounds. */
  pairs: number;
}

const rate = (s: BatchSample) => s.tasks / s.wallMs;

export function pairedSpeedup(rounds: readonly { baseline: readonly BatchSample[]; candidate: readonly BatchSample[] }[], options: { seed?: number; resamples?: number } = {}): PairedSpeedup | undefined {
  const groups = rounds
    .map((r) => r.candidate.map((c, i) => Math.log(rate(c) / rate(r.baseline[i]))).filter(Number.isFinite))
    .filter((g) => g.length > 0);
  if (groups.length === 0) return undefined;
  const all = groups.flat();
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const random = mulberry32(options.seed ?? 1);
  const resamples = options.resamples ?? 2000;
  const stats = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    let n = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[Math.floor(random() * groups.length)];
      for (let i = 0; i < group.length; i++) {
        sum += group[Math.floor(random() * group.length)];
        n++;
      }
    }
    stats[r] = sum / n;
  }
  stats.sort();
  const at = (q: number) => Math.exp(stats[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]);
  return { speedup: Math.exp(mean(all)), ci95: [at(0.025), at(0.975)], rounds: groups.length, pairs: all.length };
}
