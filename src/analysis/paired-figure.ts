/**
 * How sure a paired figure from few rounds is, on a machine that moved. A paired round's figure
 * rests on one pair of hosts; with fewer than HOST_ROUNDS rounds, figureInterval adds the spread
 * between fresh hosts, estimated from how the round's batch pairs varied (HOST_SPREAD_FACTOR x
 * their spread). Batch pairs that agree say nothing about the hosts themselves: acorn's process 2
 * read x1.29 from one round whose six pairs agreed (spread 0.05; interval x1.26-1.41, x1.17-1.47
 * with that host term) against a truth of x1.89, its baseline host running 36% faster than the
 * sweep's sequential host of the same code (bench:truth at 6d09516, a run the machine moved in;
 * with the sequential hosts' spread, 0.22, the interval is x0.84-1.99). The workload's sequential hosts
 * (CellResult.hostRates: the sweep's visits and the paired rounds' baselines) are direct evidence
 * of how far one host of its code reads from the next in this run. When they read more than
 * UNSTEADY_SPREAD apart (the run warns that the baseline did not hold still, steadiness.ts) and
 * their spread is larger than the batch pairs suggest, that spread is the one added. It
 * over-counts what pairing cancels (a move of the whole machine between the sweep and the paired
 * phase), so it errs towards a range, which is why it waits for the warning: replayed on the 50
 * results files of bench:truth of 2026-12-02 and 03 (scripts/replay-truth-runs.ts), 13
 * recommended figures became ranges, all holding the truth files' speedups, among them the one
 * point figure that had missed (py-regex's process 4, x1.81 against x1.39); applied whenever the
 * hosts spread more than the pairs, it turned 22.
 */
import type { PairedSpeedup } from '../stats/paired-speedup.ts';
import { figureInterval, HOST_ROUNDS, HOST_SPREAD_FACTOR } from '../stats/paired-speedup.ts';
import { hostSpread, UNSTEADY_SPREAD } from './steadiness.ts';

/**
 * The standard deviation of the logarithms of a workload's sequential host rates (n - 1 in the
 * denominator), or 0 with fewer than two usable rates.
 */
export function sequentialHostSpread(rates: readonly number[] | undefined): number {
  const logs = (rates ?? []).filter((r) => Number.isFinite(r) && r > 0).map(Math.log);
  if (logs.length < 2) return 0;
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return Math.sqrt(logs.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (logs.length - 1));
}

/**
 * The 95% interval of a paired figure with the spread between hosts added (figureInterval), at
 * least the workload's sequential host spread when it has fewer than HOST_ROUNDS rounds and those
 * hosts read more than UNSTEADY_SPREAD apart. `fromSequentialHosts` says whether that spread was
 * the larger, so the one added.
 */
export function pairedFigureInterval(
  paired: Pick<PairedSpeedup, 'speedup' | 'ci95' | 'rounds'> & { spread?: number },
  sequentialHostRates: readonly number[] | undefined,
): { interval: [number, number]; hostsAdded: boolean; fromSequentialHosts: boolean } {
  const apart = hostSpread(sequentialHostRates ?? []);
  const floor = paired.rounds < HOST_ROUNDS && apart !== undefined && apart.spread > UNSTEADY_SPREAD ? sequentialHostSpread(sequentialHostRates) : 0;
  const own = paired.spread !== undefined && paired.spread > 0 ? HOST_SPREAD_FACTOR * paired.spread : 0;
  return { ...figureInterval(paired, floor), fromSequentialHosts: floor > own };
}
