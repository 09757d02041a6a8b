import { availableParallelism } from 'node:os';
import type { RuntimeId } from '../types.ts';
import type { CellResult, Recommendation, WorkloadResult } from '../results/run.ts';
import { classify, computingShare } from './classify.ts';
import { imprecisionReason, MAX_FIGURE_SPAN, measuredSpeedup, possibleInterval, speedupBound, speedupInterval, TOLERANCE, withheldAsImpossible, withheldAtBound, withheldReason } from './plausibility.ts';
import { addDoubt, recommend, unit, type RecommendOptions } from './recommend.ts';
import { figureInterval } from '../stats/paired-speedup.ts';
import { pairedFigureInterval } from './paired-figure.ts';
import { hostSpread as sequentialHostsApart } from './steadiness.ts';
import { unpairedFigureInterval, unpairedSpread } from './unpaired-figure.ts';

export interface AnalyzeOptions extends RecommendOptions {
  /** Cores of the machine that measured (the bound of a CPU-bound speedup); this machine's by default. */
  cores?: number;
}

/**
 * Turn a workload's aggregated cells into its result: speedups, classification, recommendation.
 * A speedup that the data cannot support (too few batches) or that cannot be physically true is
 * withheld (plausibility.ts) and the cell takes no part in the recommendation.
 */
export function analyzeWorkload(name: string, runtime: RuntimeId, cells: CellResult[], options: AnalyzeOptions = {}): WorkloadResult {
  const sequential = cells.find((c) => c.model === 'sequential' && c.status === 'ok' && c.samples > 0);
  const cpuShare = sequential ? computingShare(sequential) : 1;
  const context = { cpuShare, cores: options.cores ?? availableParallelism(), seed: options.seed ?? 1 };
  const withSpeedups = cells.map((c): CellResult => {
    const ratio = c.paired?.speedup ?? (sequential ? c.throughput.median / sequential.throughput.median : Number.NaN);
    const measured = { ...c, speedup: sequential && c.samples > 0 ? Math.round(ratio * 1000) / 1000 : null };
    const withheld = sequential && c.samples > 0 ? withheldReason(measured, c === sequential ? measured : sequential, context) : undefined;
    return withheld ? { ...measured, speedup: null, speedupWithheld: withheld } : measured;
  });
  const classification = classify(sequential);
  const sequentialCpu = sequential ? sequential.cpuUtilization : null;
  const baseline = withSpeedups.find((c) => c.model === 'sequential' && c.status === 'ok' && c.samples > 0);
  // A figure within noise above its physical bound is not reported, but it is evidence that the
  // cell reaches the bound: it takes part, counted at the bound.
  const atBound = (c: CellResult) => (withheldAtBound(c) ? speedupBound(c, cpuShare, context.cores) : Infinity);
  const recommendation =
    baseline?.speedupWithheld !== undefined
      ? notEnoughData(baseline.speedupWithheld)
      : (recommend(
          withSpeedups.filter((c) => c.speedupWithheld === undefined || withheldAtBound(c)),
          classification,
          sequentialCpu,
          { ...options, cores: context.cores, sequentialRunQueue: sequential?.runQueueShare, speedupCap: atBound },
        ) ?? null);
  const recommendedCell = recommendation && withSpeedups.find((c) => c.model === recommendation.model && c.concurrency === recommendation.concurrency);
  // How far one host of this workload's code reads from the next, for its unpaired figures.
  const hostSpread = sequential ? unpairedSpread(withSpeedups, sequential) : { spread: 0, evidence: 0 };
  const unpairedInterval = (c: CellResult, batchInterval: readonly [number, number]) =>
    unpairedFigureInterval(c.throughput.median / sequential!.throughput.median, batchInterval, Math.min(c.rounds, sequential!.rounds), hostSpread.spread);
  if (recommendation && recommendedCell && withheldAtBound(recommendedCell)) {
    const bound = atBound(recommendedCell);
    const measured = measuredSpeedup(recommendedCell, sequential!);
    // The bound is where the figure ends, not what it is: a speedup measured above what is possible
    // means a side was off its steady speed (a baseline still warming up, or on the slower vCPU), and
    // which measurement erred is unknown, so the truth may lie well below. marked's thread 2 measured
    // x2.16 unpaired and x2.33 paired (its paired sequential host ran 23% slower than its swept one)
    // on 2 cores, was reported as "x2.00", and runs at x1.4-1.6 (bench:truth at e8052ca). Its figure
    // is the range from the lowest end of the 95% intervals the run has for it (the swept visits
    // against sequential's; the paired rounds with the spread between fresh hosts when few) to the bound.
    // An unpaired figure's own interval carries the spread between hosts (unpaired-figure.ts), a
    // paired one's at least the spread of the workload's sequential hosts (paired-figure.ts).
    const swept = speedupInterval(recommendedCell, sequential!, context.seed);
    const own = recommendedCell.paired ? pairedFigureInterval(recommendedCell.paired, sequential!.hostRates).interval : unpairedInterval(recommendedCell, swept).interval;
    const low = Math.min(swept[0], own[0], bound);
    if (low < bound / (1 + TOLERANCE)) {
      recommendation.speedupRange = [round3(low), round3(bound)];
      recommendation.reason += ` It measured x${measured.toFixed(2)}, above the x${bound.toFixed(2)} that is physically possible (within noise of it), so a side was likely not at its steady speed: its figure is a range, from the low end of its 95% interval to that bound, x${low.toFixed(2)} to x${bound.toFixed(2)}.`;
    } else {
      recommendation.reason += ` It measured x${measured.toFixed(2)}, within noise above the x${bound.toFixed(2)} that is physically possible, and its 95% interval starts within ${TOLERANCE * 100}% of it, so x${bound.toFixed(2)} is its figure.`;
    }
  }
  // When most other cells measured above what is possible against sequential, the baseline is the
  // suspect figure (it measured slow), not each of them: no confident answer rests on it.
  const impossible = withSpeedups.filter(withheldAsImpossible).length;
  const compared = withSpeedups.filter((c) => c.model !== 'sequential' && c.status === 'ok' && c.samples > 0).length;
  if (recommendation && compared > 0 && impossible >= Math.max(2, compared / 2)) {
    addDoubt(recommendation, 'suspect-baseline');
    recommendation.reason += ` ${impossible} of ${compared} cells measured faster than sequential by more than is possible, so the sequential figure itself is suspect (it measured slow); a longer --time-budget measures it again.`;
  }
  // A model measured on too few batches takes no part in the recommendation, but where it read
  // faster than the choice by more than the margin the choice is not decided: the simplest code
  // "wins" only by default. In CI's 25 s run of the examples on a loaded machine,
  // wait-then-compute's async 64 read x6.3 on 4 batches, and sequential was recommended with
  // "no model beat sequential".
  const margin = options.margin ?? 0.1;
  const thin = withSpeedups.filter((c) => c.model !== 'sequential' && c.speedupWithheld?.startsWith('not enough data: ') && !withheldAtBound(c));
  const read = (c: CellResult) => measuredSpeedup(c, sequential!);
  const readFaster = recommendation && sequential ? thin.filter((c) => read(c) > recommendation.speedup * (1 + margin)) : [];
  if (recommendation && readFaster.length > 0) {
    addDoubt(recommendation, 'not-enough-data');
    const readings = readFaster.map((c) => `${c.model} read x${read(c).toFixed(2)} at ${unit(c.model, c.concurrency, c.workers)} (${c.speedupWithheld!.replace(/^not enough data: /, '')})`);
    recommendation.reason += ` Not decided: ${readings.join(', ')}, faster than ${recommendation.model} by more than ${Math.round(margin * 100)}% but on too little data to compare; a longer --time-budget measures more.`;
  }
  // Figures too imprecise to stand alone are withheld after the recommendation, which decides on
  // intervals and keeps them (plausibility.ts, MAX_FIGURE_SPAN); the recommended cell's interval is
  // then the recommendation's figure.
  const cellsOut = withSpeedups.map((c): CellResult => {
    if (!baseline || c.model === 'sequential' || c.speedup === null || c.speedupWithheld !== undefined) return c;
    // A paired figure from fewer than HOST_ROUNDS rounds also carries how far fresh hosts read apart.
    const { interval, hostsAdded } = c.paired ? figureInterval(c.paired) : { interval: speedupInterval(c, baseline, context.seed), hostsAdded: false };
    // Whether the figure stands alone is the measured interval's to say (the paired phase is planned
    // on it); what is printed of the interval stops at what is physically possible.
    const shown = possibleInterval(interval, speedupBound(c, cpuShare, context.cores), c.speedup);
    const why = imprecisionReason(interval, c.paired && { rounds: c.paired.rounds, hostsAdded }, shown);
    const recommended = recommendation && recommendation.model === c.model && recommendation.concurrency === c.concurrency;
    // The recommendation's figure, when unpaired, is also one draw of two hosts' speeds: its
    // interval adds how far hosts read apart, and wider than MAX_FIGURE_SPAN it is reported as that
    // interval. The cell's own figure stands or falls by its batches as before: the paired phase
    // plans on that (paired-targets.ts), and the table marks which figures were paired.
    const hosts = !c.paired && recommended ? unpairedInterval(c, interval) : undefined;
    // A paired one from few rounds, as far apart as the workload's sequential hosts read when they
    // read further apart than its batch pairs varied (paired-figure.ts).
    const seqHosts = c.paired && recommended && sequential ? pairedFigureInterval(c.paired, sequential.hostRates) : undefined;
    if (recommendation && hosts?.hostsAdded && hosts.interval[1] / hosts.interval[0] > MAX_FIGURE_SPAN) {
      const wide = possibleInterval(hosts.interval, speedupBound(c, cpuShare, context.cores), c.speedup);
      const apart = Math.round((Math.exp(1.96 * hostSpread.spread) - 1) * 100);
      const evidence = hostSpread.evidence > 0 ? `its cells measured both ways read up to about ${apart}% apart` : `hosts read up to about ${apart}% apart on the machine this was calibrated on`;
      recommendation.speedupRange = [round3(wide[0]), round3(wide[1])];
      recommendation.reason += ` Its speedup was not measured paired, only in its own hosts against sequential's, started apart (${evidence}): its 95% interval runs from x${wide[0].toFixed(2)} to x${wide[1].toFixed(2)}${wide[1] < hosts.interval[1] ? ', the most that is physically possible' : ''}, too wide for one figure (a longer --time-budget pairs it).`;
    } else if (recommendation && sequential && seqHosts?.fromSequentialHosts && seqHosts.interval[1] / seqHosts.interval[0] > MAX_FIGURE_SPAN) {
      const wide = possibleInterval(seqHosts.interval, speedupBound(c, cpuShare, context.cores), c.speedup);
      const apart = Math.round((sequentialHostsApart(sequential.hostRates ?? [])?.spread ?? 0) * 100);
      const rounds = `${c.paired!.rounds} round${c.paired!.rounds === 1 ? '' : 's'}`;
      recommendation.speedupRange = [round3(wide[0]), round3(wide[1])];
      recommendation.reason += ` Its speedup rests on ${rounds} of fresh hosts, and this workload's sequential hosts read up to ${apart}% apart in this run, further than its paired batches varied: with that spread its 95% interval runs from x${wide[0].toFixed(2)} to x${wide[1].toFixed(2)}${wide[1] < seqHosts.interval[1] ? ', the most that is physically possible' : ''}, too wide for one figure (a longer --time-budget measures more rounds).`;
    } else if (why && recommended) {
      recommendation.speedupRange = [round3(shown[0]), round3(shown[1])];
      recommendation.reason += ` Its speedup is not one figure: the 95% interval runs from x${shown[0].toFixed(2)} to x${shown[1].toFixed(2)}${shown[1] < interval[1] ? ', the most that is physically possible' : ''} (${hostsAdded ? 'measured in so few rounds of fresh hosts that the next could read differently by that much' : 'the batches varied too much for a median to stand for them'}).`;
    }
    if (!why) return c;
    return { ...c, speedup: null, speedupWithheld: why };
  });
  const result: WorkloadResult = {
    name,
    runtime,
    status: 'ok',
    classification,
    sequentialCpuUtilization: sequentialCpu,
    recommendation,
    cells: cellsOut,
  };
  if (!recommendation) {
    result.status = 'failed';
    const seq = cells.find((c) => c.model === 'sequential');
    result.error = seq?.error ? `the sequential baseline failed: ${seq.error}` : 'the sequential baseline was not measured';
  }
  return result;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The recommendation when the baseline itself is too thin to compare anything with: the simplest code, no claim. */
function notEnoughData(why: string): Recommendation {
  return {
    model: 'sequential',
    concurrency: 1,
    speedup: 1,
    reason: `Not enough data to compare models (${why.replace(/^not enough data: /, '')}); a longer --time-budget measures more.`,
    confidence: 'low',
    doubts: ['not-enough-data'],
    withinNoise: [],
  };
}

/** A workload that could not be measured at all (module missing, import failed, runtime unavailable). */
export function failedWorkload(name: string, runtime: RuntimeId, error: string): WorkloadResult {
  return { name, runtime, status: 'failed', error, classification: null, sequentialCpuUtilization: null, recommendation: null, cells: [] };
}
