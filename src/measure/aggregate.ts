import type { VisitOutcome } from '../runtimes/visit.ts';
import { medianConfidenceInterval } from '../stats/median-ci.ts';
import { median, quantile, sortSamples } from '../stats/sorted.ts';
import type { BatchSample, CellResult, CellStatus, Model } from '../types.ts';

const round = (value: number, digits = 3) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** Worst status first: a cell that crashed once is reported as crashed even if other visits erred. */
const STATUS_ORDER: CellStatus[] = ['crashed', 'timed-out', 'errored'];

/**
 * CPU time the cell's batches lost to the hypervisor, ms: their CPU time times the machine's steal
 * per busy tick over all of them. On a shared VM a CPU-bound task loses this without it showing as
 * CPU time or run-queue wait; charging steal in proportion to the CPU used keeps a waiting task
 * from paying for a neighbour's load. Summed over the cell, not per batch: a short batch sees a
 * handful of 10 ms ticks, and a ratio of such counts is biased and wild.
 */
export function stolenMs(cpuMs: number, samples: readonly BatchSample[]): number {
  let busy = 0;
  let steal = 0;
  for (const s of samples) {
    if (!s.machineTicks) continue;
    busy += s.machineTicks.busy;
    steal += s.machineTicks.steal;
  }
  return busy > 0 && steal > 0 ? (cpuMs * steal) / busy : 0;
}

/**
 * Combine every visit of one cell into its result. Throughput is tasks / batch wall time per
 * measured batch (not tinybench's per-sample mean of 1/latency), its median and a 95% CI of it.
 * Returns undefined when no visit produced a sample or a failure (the run stopped before the cell).
 */
export function aggregateCell(model: Model, concurrency: number, visits: readonly VisitOutcome[]): CellResult | undefined {
  const failures = visits.filter((v) => v.status !== 'ok' && v.status !== 'aborted');
  const samples = visits.flatMap((v) => v.samples);
  if (samples.length === 0 && failures.length === 0) return undefined;
  const throughputs = samples.map((s) => s.tasks / (s.wallMs / 1000));
  const sorted = sortSamples(throughputs);
  const latencies = sortSamples(samples.flatMap((s) => s.latenciesMs));
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  const cpu = samples.reduce((sum, s) => sum + s.cpuMs, 0);
  const runQueue = samples.reduce((sum, s) => sum + (s.runQueueMs ?? 0), 0);
  const steal = stolenMs(cpu, samples);
  const startups = visits.map((v) => v.startupMs).filter((s): s is number => s !== undefined);
  let status: CellStatus = 'ok';
  let error: string | undefined;
  if (failures.length > 0) {
    const worst = [...failures].sort(
      (a, b) => STATUS_ORDER.indexOf(a.status as CellStatus) - STATUS_ORDER.indexOf(b.status as CellStatus),
    )[0];
    status = STATUS_ORDER.includes(worst.status as CellStatus) ? (worst.status as CellStatus) : 'crashed';
    error = worst.error;
  }
  const [lo, hi] = medianConfidenceInterval(sorted);
  const cell: CellResult = {
    model,
    concurrency,
    status,
    samples: samples.length,
    rounds: visits.filter((v) => v.samples.length > 0).length,
    throughput: { median: round(median(sorted)), ci95: [round(lo), round(hi)] },
    latencyMs: { p50: round(quantile(latencies, 0.5)), p99: round(quantile(latencies, 0.99)) },
    cpuUtilization: wall > 0 ? round(cpu / wall) : 0,
    runQueueShare: wall > 0 ? round(runQueue / wall) : 0,
    stealShare: wall > 0 ? round(steal / wall) : 0,
    peakRssBytes: Math.max(0, ...visits.map((v) => v.peakRssBytes ?? 0)),
    startupMs: startups.length > 0 ? round(median(sortSamples(startups)), 1) : 0,
    speedup: null,
    batchThroughputs: throughputs.map((t) => round(t)),
    batchesPerRound: visits.map((v) => v.samples.length).filter((n) => n > 0),
  };
  if (error !== undefined) cell.error = error;
  if (samples.length === 0) {
    cell.throughput = { median: 0, ci95: [0, 0] };
    cell.latencyMs = { p50: 0, p99: 0 };
  }
  return cell;
}
