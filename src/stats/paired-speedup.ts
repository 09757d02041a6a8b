/**
 * The speedup of a candidate over its baseline from paired rounds (measure/paired-models.ts): each
 * round a fresh pair of hosts, each pair of neighbouring batches one log-ratio of their rates. The
 * estimate is the Hodges-Lehmann estimate of the log-ratios (the median of the averages of every
 * two of them, each with itself included): as robust as a median to the long low tail of pool
 * batches (a pool's batch ends when its slowest lane does, so a stall on either core drags a pool
 * batch far down while the one-core baseline's barely moves; it ignores up to 29% of stalled
 * pairs), and nearly as efficient as a mean on the rest. Both matter: the mean of the ratios read
 * sieve's thread 2 at x1.63 and x1.65 where the median of the same pairs read x1.67 and x1.76
 * (36 and 48 pairs, 2026-12-01), and the median's bootstrap interval over one round of 6 pairs is
 * about 1.5x as wide as the mean's (sieve thread 2 round 2: median x1.38-2.15, mean x1.50-2.00,
 * Hodges-Lehmann x1.54-2.01), which at 7a7f36b cost verdicts that rest on one round.
 * Its 95% interval is a seeded two-level bootstrap (rounds, then pairs within a round), because
 * pairs of one pair of hosts share their JIT state and CPUs and vary less than fresh pairs do.
 * With one round it falls back to the pair level, which is why one round alone never gives high
 * confidence.
 */
import type { BatchSample } from '../types.ts';
import { medianInPlace } from './bootstrap.ts';
import { mulberry32 } from './rng.ts';

export interface PairedSpeedup {
  /** Hodges-Lehmann estimate of candidate rate / baseline rate over every batch pair (in log space). */
  speedup: number;
  /** Percentile bootstrap 95% interval of the speedup. */
  ci95: [number, number];
  /** Paired rounds (fresh host pairs). */
  rounds: number;
  /** Batch pairs over all rounds. */
  pairs: number;
  /** Spread of one batch pair's log-ratio around its round's median (1.4826 x MAD, pooled over rounds). */
  spread: number;
}

/**
 * Rounds of fresh hosts before the bootstrap over rounds is trusted to show how far one pair of
 * hosts reads from the next; with fewer, figureInterval adds that spread to the interval.
 */
export const HOST_ROUNDS = 3;

/**
 * How far one round's median ratio strays from the next round's (fresh hosts: other vCPU
 * placements, other JIT and warm-up states, other neighbours on the machine), as a multiple of the
 * batch-pair spread (`spread`). Measured on this 2-vCPU VM (scripts/paired-rounds.ts, 6-8 paired
 * rounds each, 2026-12-01, 17 workload/model pairs): between 0 and 0.73 times it for Node's
 * pools and loops (sieve thread 2 0.41-0.57, marked 0.69, acorn 0.73, http-client async 64 0.69,
 * gzip 0.14-0.68, pbkdf2 and timer waits 0), 0.48-0.98 for Python's pools, and 1.3 once
 * (py-nbody's process pool, whose rounds read x1.11 to x1.72). 1 covers all but that one.
 */
export const HOST_SPREAD_FACTOR = 1;

const rate = (s: BatchSample) => s.tasks / s.wallMs;

export function pairedSpeedup(rounds: readonly { baseline: readonly BatchSample[]; candidate: readonly BatchSample[] }[], options: { seed?: number; resamples?: number } = {}): PairedSpeedup | undefined {
  const groups = rounds
    .map((r) => r.candidate.map((c, i) => Math.log(rate(c) / rate(r.baseline[i]))).filter(Number.isFinite))
    .filter((g) => g.length > 0);
  if (groups.length === 0) return undefined;
  const all = groups.flat();
  const deviations = groups.flatMap((g) => {
    const center = medianInPlace(Float64Array.from(g));
    return g.map((x) => Math.abs(x - center));
  });
  const random = mulberry32(options.seed ?? 1);
  const resamples = options.resamples ?? 2000;
  const stats = new Float64Array(resamples);
  // A resample has as many pairs as the rounds it drew; sized for the largest rounds.
  const scratch = new Float64Array(groups.length * Math.max(...groups.map((g) => g.length)));
  const walsh = new Float64Array((scratch.length * (scratch.length + 1)) / 2);
  for (let r = 0; r < resamples; r++) {
    let n = 0;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[Math.floor(random() * groups.length)];
      for (let i = 0; i < group.length; i++) scratch[n++] = group[Math.floor(random() * group.length)];
    }
    stats[r] = hodgesLehmann(scratch, n, walsh);
  }
  stats.sort();
  const at = (q: number) => Math.exp(stats[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]);
  const spread = 1.4826 * medianInPlace(Float64Array.from(deviations));
  return { speedup: Math.exp(hodgesLehmann(Float64Array.from(all), all.length, new Float64Array((all.length * (all.length + 1)) / 2))), ci95: [at(0.025), at(0.975)], rounds: groups.length, pairs: all.length, spread };
}

/**
 * Median of the Walsh averages (x_i + x_j) / 2, i <= j, of xs[0..n); `walsh` is scratch space of at
 * least n(n+1)/2. Quadratic in n, which stays small here (at most 10 rounds of 6 pairs in `run`).
 */
export function hodgesLehmann(xs: Float64Array, n: number, walsh: Float64Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walsh[m++] = (xs[i] + xs[j]) / 2;
  return medianInPlace(walsh, m);
}

/**
 * The 95% interval of the figure a report may print for a paired speedup. The bootstrap interval
 * (ci95) sees only the hosts that were measured: from one round it is the interval of that one
 * pair of hosts, and the next pair reads differently (sieve's thread 2 read x1.03 to x2.00 from one
 * round to the next, each round's own interval a third as wide). With fewer than HOST_ROUNDS
 * rounds, the spread between fresh hosts (HOST_SPREAD_FACTOR x the batch-pair spread, over the
 * square root of the rounds) is added to each side of the interval, in log space.
 * `hostSpreadFloor` (log, default 0) is the least spread between hosts to add: the workload's own
 * evidence of how far its hosts read apart in this run, when it has more than the batch pairs show
 * (analysis/paired-figure.ts).
 * The recommendation decides on ci95 and says when it rests on one round. `hostsAdded` says whether
 * the spread was added.
 */
export function figureInterval(p: Pick<PairedSpeedup, 'speedup' | 'ci95' | 'rounds'> & { spread?: number }, hostSpreadFloor = 0): { interval: [number, number]; hostsAdded: boolean } {
  const spread = Math.max(p.spread !== undefined && p.spread > 0 ? HOST_SPREAD_FACTOR * p.spread : 0, hostSpreadFloor > 0 ? hostSpreadFloor : 0);
  if (p.rounds >= HOST_ROUNDS || !(spread > 0)) return { interval: p.ci95, hostsAdded: false };
  return { interval: withHostSpread(p.speedup, p.ci95, spread, p.rounds), hostsAdded: true };
}

/**
 * An interval around `figure` with the spread between hosts (a standard deviation, log) added on
 * each side in log space: 1.96 x spread / sqrt(hosts), combined with each side's own distance from
 * the figure as independent errors.
 */
export function withHostSpread(figure: number, interval: readonly [number, number], spread: number, hosts: number): [number, number] {
  const center = Math.log(figure);
  const host = (1.96 * spread) / Math.sqrt(Math.max(1, hosts));
  const widen = (end: number) => Math.hypot(Math.abs(Math.log(end) - center), host);
  return [Math.exp(center - widen(interval[0])), Math.exp(center + widen(interval[1]))];
}
