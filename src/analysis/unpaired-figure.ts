/**
 * How sure an unpaired speedup is. A cell the paired phase did not reach has a figure from the
 * sweep: the median of its own host's batches over the median of a sequential host's, two hosts
 * started at different moments, perhaps on different vCPUs. The batch bootstrap (speedupInterval)
 * sees how the batches of each host varied, not how far one host of the same code reads from the
 * next: on this 2-vCPU VM that is the larger part. Over 952 cells of the bench:truth runs of
 * 2026-12-02 and 03 (45 results files, three corpora; scripts/unpaired-spread.ts), an unpaired
 * figure's log distance from the truth had a robust spread (1.4826 x median absolute value) of
 * 0.152; the batch bootstrap's 95% interval held the truth for 56% of them, and of the figures it
 * let stand alone 79% were within 20% of the truth. Over the ten clean bench:truth sets of those
 * days, 35 of the 39 unpaired figures the recommendations reported were within 20%; the four
 * others are the misses that kept issue 10 open (py-json-dumps' process 2 x1.26 against x1.61,
 * http-client's async 64 x27.31 against x20.18).
 *
 * So an unpaired figure's interval adds the spread between hosts, in log space, as a paired figure
 * from fewer than HOST_ROUNDS rounds does (stats/paired-speedup.ts figureInterval). The spread is
 * the workload's own evidence where it has some (each of its paired cells: how far its unpaired
 * figure lay from its paired one), with UNPAIRED_SPREAD_PRIOR counted as one more such observation.
 */
import type { CellResult } from '../results/run.ts';
import { HOST_ROUNDS, withHostSpread } from '../stats/paired-speedup.ts';

/**
 * Spread (standard deviation, log) of an unpaired figure around the truth when the workload gives
 * no evidence of its own: 0.15, measured as above. Per workload and cell it ran from 0.002 (timer
 * waits) to 0.40, quartiles 0.06 / 0.17 / 0.25; unpaired against paired figures of the same runs, 0.20.
 * At 0.15 an unpaired figure from one host each is never one figure (1.96 x 0.15 either side spans
 * 1.8-fold, above MAX_FIGURE_SPAN): replayed on the saved sets (scripts/replay-truth-runs.ts),
 * every such recommended figure became a range, and every range held the truth.
 */
export const UNPAIRED_SPREAD_PRIOR = 0.15;

/**
 * The spread between hosts for the unpaired figures of one workload: the root mean square of
 * log(unpaired / paired) over its cells measured both ways (`evidence` of them), and
 * UNPAIRED_SPREAD_PRIOR counted once.
 */
export function unpairedSpread(cells: readonly CellResult[], sequential: Pick<CellResult, 'throughput'>): { spread: number; evidence: number } {
  const base = sequential.throughput.median;
  const evidence = cells
    .filter((c) => c.model !== 'sequential' && c.paired && c.paired.speedup > 0 && c.samples > 0 && c.throughput.median > 0 && base > 0)
    .map((c) => Math.log(c.throughput.median / base / c.paired!.speedup));
  const squares = evidence.reduce((sum, x) => sum + x * x, UNPAIRED_SPREAD_PRIOR ** 2);
  return { spread: Math.sqrt(squares / (evidence.length + 1)), evidence: evidence.length };
}

/**
 * The 95% interval of an unpaired figure with the spread between hosts added on each side (log
 * space, over the square root of the fewer of the two cells' hosts), unchanged when both cells had
 * HOST_ROUNDS hosts or more (the bootstrap over hosts then shows it). `hostsAdded` says whether it was added.
 */
export function unpairedFigureInterval(
  figure: number,
  batchInterval: readonly [number, number],
  hosts: number,
  spread: number,
): { interval: [number, number]; hostsAdded: boolean } {
  if (hosts >= HOST_ROUNDS || !(spread > 0) || !(figure > 0)) return { interval: [batchInterval[0], batchInterval[1]], hostsAdded: false };
  return { interval: withHostSpread(figure, batchInterval, spread, hosts), hostsAdded: true };
}
