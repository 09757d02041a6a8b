/**
 * The speedup of a candidate over its baseline from paired rounds (measure/paired-models.ts): each
 * round a fresh pair of hosts, each pair of neighbouring batches one log-ratio of their rates. The
 * estimate is the median ratio, like every unpaired speedup (a ratio of median rates) and the
 * truth bench:truth compares it with: a pool's batch ends when its slowest lane does, so a stall on
 * either core drags a pool batch far down while the one-core baseline's barely moves, and the
 * log-ratios have a long low tail. Their mean read sieve's thread 2 at x1.63 and x1.65 where the
 * median of the same pairs read x1.67 and x1.76 (scratch runs of 36 and 48 pairs, 2026-12-01).
 * Its 95% interval is a seeded two-level bootstrap (rounds, then pairs within a round), because
 * pairs of one pair of hosts share their JIT state and CPUs and vary less than fresh pairs do.
 * With one round it falls back to the pair level, which is why one round alone never gives high
 * confidence.
 */
import type { BatchSample } from '../types.ts';
import { medianInPlace } from './bootstrap.ts';
import { mulberry32 } from './rng.ts';

export interface PairedSpeedup {
  /** Median of candidate rate / baseline rate over every batch pair. */
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
  const random = mulberry32(options.seed ?? 1);
  const resamples = options.resamples ?? 2000;
  const stats = new Float64Array(resamples);
  // A resample has as many pairs as the rounds it drew; sized for the largest rounds.
  const scratch = new Float64Array(groups.length * Math.max(...groups.map((g) => g.length)));
  for (let r = 0; r < resamples; r++) {
    let n = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[Math.floor(random() * groups.length)];
      for (let i = 0; i < group.length; i++) scratch[n++] = group[Math.floor(random() * group.length)];
    }
    stats[r] = medianInPlace(scratch, n);
  }
  stats.sort();
  const at = (q: number) => Math.exp(stats[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]);
  return { speedup: Math.exp(medianInPlace(Float64Array.from(all))), ci95: [at(0.025), at(0.975)], rounds: groups.length, pairs: all.length };
}
