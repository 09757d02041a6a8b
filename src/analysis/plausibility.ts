/**
 * Which speedups may be reported at all. A figure is withheld (speedup null, with the reason) when
 * the cell has too little data to bound its median, or when it cannot be physically true:
 *
 * With C tasks in flight on k cores, throughput can rise at most C-fold (C tasks overlap at most
 * C-fold); for CPU-bound work (the sequential cell computing, or waiting for a core, at least 80% of
 * the time) at most k-fold for threads and processes and not at all for async, whose computing
 * parts all run on the one event loop thread.
 * One thread or process therefore cannot beat the loop it replaces, async cannot speed up a
 * function that never waits, and no CPU-bound speedup exceeds the cores. A figure above its bound
 * (plus TOLERANCE, except above the core count) is never reported: when its 95% interval lies above the bound too, something was
 * mismeasured (a faster vCPU, a host still warming up, a batch too short to time); when it does not,
 * the figure is noise around the bound.
 */
import { groupSamples, ratioOfMediansGrouped } from '../stats/ratio.ts';
import type { CellResult } from '../results/run.ts';
import { CPU_BOUND_AT } from './classify.ts';
import { pairedFigureInterval } from './paired-figure.ts';

/** Batches that bound a median at 95% (distribution-free, medianConfidenceInterval): fewer give no speedup claim. */
export const ENOUGH_SAMPLES = 6;
/** How far above its physical bound a speedup's whole interval must lie to be called impossible (5%). */
export const TOLERANCE = 0.05;
/** How a withheld reason for an impossible figure begins (withheldAsImpossible). */
const IMPOSSIBLE = 'impossible:';
/** What a withheld reason says when the figure is above its bound but its interval is not (withheldAtBound). */
const AT_BOUND = 'within noise of the bound';
/**
 * The widest 95% interval (high end / low end) a speedup may have to be printed as one figure. A
 * figure alone reads as give or take a little; fs.readFile's async 64 measured x4.68 paired with an
 * interval of x3.31 to x6.81 (its batches ran 3,700 to 23,000 tasks/s in one visit), where the
 * truth was x6.48. Wider than 1.5-fold (x1.2 to x1.8: from hardly worth it to nearly two cores),
 * the interval is the finding: reported instead of the figure, and the cell still takes part in
 * the recommendation, which already decides on intervals.
 */
export const MAX_FIGURE_SPAN = 1.5;
/** How a withheld reason for a figure too imprecise to stand alone begins (withheldAsImprecise). */
const IMPRECISE = 'not enough data for one figure:';

/** Whether a cell's speedup was withheld because its interval is too wide (it still counts in the recommendation). */
export function withheldAsImprecise(cell: Pick<CellResult, 'speedupWithheld'>): boolean {
  return cell.speedupWithheld?.startsWith(IMPRECISE) ?? false;
}

/**
 * The part of a speedup interval that is physically possible: its top end no higher than the
 * cell's bound (speedupBound), nor below the figure itself. A bootstrap interval of a few wide
 * batches knows nothing of the cores: sieve's thread 2 (CPU-bound, 2 cores) was reported as
 * "x0.86-x3.41" in a bench:truth run at d32e305 (truth x1.64).
 */
export function possibleInterval(interval: readonly [number, number], bound: number, figure: number): [number, number] {
  return [interval[0], Math.max(Math.min(interval[1], bound), figure)];
}

/**
 * Why a plausible figure is not printed alone (its 95% interval spans more than MAX_FIGURE_SPAN), or
 * undefined. The decision is the measured interval's; the text gives `shown` (possibleInterval) when passed.
 */
export function imprecisionReason(interval: readonly [number, number], paired?: { rounds: number; hostsAdded: boolean }, shown: readonly [number, number] = interval): string | undefined {
  if (!(interval[0] > 0) || !(interval[1] / interval[0] > MAX_FIGURE_SPAN)) return undefined;
  const [lo, hi] = shown;
  const rounds = paired ? `${paired.rounds} round${paired.rounds === 1 ? '' : 's'}` : '';
  const source = !paired ? '' : paired.hostsAdded ? ` (paired, ${rounds}, with the spread between fresh hosts that so few rounds cannot show)` : ' (paired)';
  const why = paired?.hostsAdded ? `the next pair of hosts may read differently by that much` : 'the batches varied too much for a median to stand for them';
  // Cut at the bound, the printed interval may span less than the measured one that decided.
  const span = hi < interval[1] ? `, the most that is physically possible; as measured it spanned more than ${MAX_FIGURE_SPAN}-fold` : `, more than ${MAX_FIGURE_SPAN}-fold`;
  return `${IMPRECISE} its 95% interval${source} runs from ${times(lo)} to ${times(hi)}${span}; ${why} (a longer --time-budget measures more)`;
}

/** Whether a cell's speedup was withheld as physically impossible (not merely for too little data). */
export function withheldAsImpossible(cell: Pick<CellResult, 'speedupWithheld'>): boolean {
  return cell.speedupWithheld?.startsWith(IMPOSSIBLE) ?? false;
}

/**
 * Whether a cell's figure was withheld as above its physical bound while its 95% interval reaches
 * down to the bound: noise around the bound. The figure is not reported, but the cell is evidence
 * that its model reaches the bound, and the recommendation counts it at the bound (analyze.ts).
 * Left out, acorn's thread 2 (paired x2.00, interval x1.88-2.14, on 2 cores) lost to process 2
 * at x1.41 unpaired in a bench:truth run at 6303fc5 (truth x1.84 both).
 */
export function withheldAtBound(cell: Pick<CellResult, 'speedupWithheld'>): boolean {
  return withheldAsImpossible(cell) && cell.speedupWithheld!.includes(AT_BOUND);
}

/** The largest speedup over sequential that a cell can physically reach. */
export function speedupBound(cell: Pick<CellResult, 'model' | 'concurrency'>, cpuShare: number, cores: number): number {
  // The CPU share bounds only work that computes most of the time: the per-task CPU of a task that
  // mostly waits includes wake-ups of the loop that amortise over many tasks in flight (measured:
  // an HTTP request at 8% CPU sequentially reached x12.9 at 16 in flight, above 1 / 0.08).
  if (cell.model === 'sequential') return 1;
  if (cpuShare < CPU_BOUND_AT) return cell.concurrency;
  // CPU-bound (the task computes, or waits for a core, at least 80% of the time): at most the cores
  // in parallel, and one core on one loop.
  return Math.min(cell.concurrency, cell.model === 'async' ? 1 : cores);
}

/** Ratio of the cell's median throughput to the baseline's, with its 95% interval (rounds resampled, then batches). */
export function speedupInterval(cell: CellResult, baseline: CellResult, seed: number): [number, number] {
  return ratioOfMediansGrouped(groupSamples(cell.batchThroughputs, cell.batchesPerRound), groupSamples(baseline.batchThroughputs, baseline.batchesPerRound), { seed }).ci95;
}

const times = (value: number) => `x${value.toFixed(value >= 10 ? 0 : 2)}`;

/** The speedup a cell read against its baseline: its paired figure when it was paired, else the ratio of their medians. */
export function measuredSpeedup(cell: CellResult, baseline: CellResult): number {
  return cell.paired?.speedup ?? cell.throughput.median / baseline.throughput.median;
}

/**
 * Why the cell's speedup must not be reported, or undefined when it may be. `cpuShare` is the
 * sequential cell's share of time computing (or waiting for a core).
 */
export function withheldReason(cell: CellResult, baseline: CellResult, context: { cpuShare: number; cores: number; seed: number }): string | undefined {
  if (cell.status !== 'ok') return undefined;
  if (baseline.samples < ENOUGH_SAMPLES) return `not enough data: the sequential baseline has ${baseline.samples} batch${baseline.samples === 1 ? '' : 'es'}, ${ENOUGH_SAMPLES} bound a median`;
  if (cell.samples < ENOUGH_SAMPLES) return `not enough data: ${cell.samples} batch${cell.samples === 1 ? '' : 'es'}, ${ENOUGH_SAMPLES} bound a median`;
  if (cell === baseline) return undefined;
  const bound = speedupBound(cell, context.cpuShare, context.cores);
  const measured = measuredSpeedup(cell, baseline);
  // No tolerance above the core count: a CPU-bound speedup above it is never reported.
  const coresBound = bound === context.cores && cell.model !== 'async' && context.cpuShare >= CPU_BOUND_AT;
  if (measured <= bound * (1 + (coresBound ? 0 : TOLERANCE))) return undefined;
  // A paired figure's interval is the one its figure is reported with: from few rounds it carries
  // the spread between fresh hosts (paired-figure.ts). Its pairs' own interval said "mismeasured" of
  // sieve's thread 2 at x2.78 (pairs x2.71-2.85) beside a baseline host on the slower of the two
  // speeds its sequential hosts ran at (458 and 817/s in one run): thread 2 was left out, and
  // process 2 (x1.42, truth x1.17) recommended over it (truth x1.86; bench:truth at 680595a).
  const [lo] = cell.paired ? pairedFigureInterval(cell.paired, baseline.hostRates).interval : speedupInterval(cell, baseline, context.seed);
  const why =
    cell.concurrency === 1 && cell.model !== 'async'
      ? `one ${cell.model === 'thread' ? 'thread' : cell.model === 'process' ? 'process' : 'worker with one task in flight'} cannot beat the loop it replaces`
      : cell.model === 'async' && bound < cell.concurrency
        ? `async runs every computing part on one thread, and sequential computed ${Math.round(context.cpuShare * 100)}% of the time`
        : bound < cell.concurrency
          ? `${context.cores} cores cannot do more when sequential computed ${Math.round(context.cpuShare * 100)}% of the time`
          : `${cell.concurrency} in flight cannot overlap more than ${cell.concurrency}-fold`;
  const noise = lo <= bound * (1 + TOLERANCE) ? `${AT_BOUND}, but not a figure to report` : 'something was mismeasured';
  return `${IMPOSSIBLE} measured ${times(measured)} (95% interval from ${times(lo)}) where at most ${times(bound)} is possible (${why}); ${noise}`;
}
