import { availableParallelism } from 'node:os';
import type { VisitOutcome } from '../runtimes/visit.ts';
import { medianConfidenceInterval } from '../stats/median-ci.ts';
import { median, quantile, sortSamples } from '../stats/sorted.ts';
import { hybridLayout, isHybrid, type BatchSample, type CellStatus, type Model } from '../types.ts';
import type { CellResult } from '../results/run.ts';

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
 * Threads that run a cell's tasks: the event loop's one thread in sequential and async, one per
 * worker thread or worker process in thread and process, and in the hybrids, one per worker
 * (hybridLayout: one per core), whatever the tasks in flight on each.
 */
export function taskThreads(model: Model, concurrency: number, cores: number): number {
  if (model === 'sequential' || model === 'async') return 1;
  return isHybrid(model) ? hybridLayout(concurrency, cores).workers : Math.max(1, concurrency);
}

/** The cell's CPU split into the shares CellResult reports, each / wall time. */
interface Shares {
  cpuUtilization: number;
  runQueueShare: number;
  poolUtilization?: number;
  overheadUtilization?: number;
}

/**
 * The cell's CPU time split by thread kind, each over the measured batches' wall time.
 *
 * With per-thread figures in every batch (taskCpuMs; Linux): cpuUtilization is the task threads'
 * CPU, runQueueShare their run-queue wait per task thread; a thread's CPU time plus its wait cannot
 * exceed the wall time, so these stay within [0, task threads] and [0, 1] by construction. The caps
 * below (also at the cores: task threads cannot run on more) only absorb the skew of readings taken
 * a moment apart. poolUtilization is libuv's pool; overheadUtilization is the rest of the whole
 * (cpuMs): V8's compiler and GC threads, a dispatching host's main thread, threads that ended.
 *
 * Without them (another OS, threads that cannot be told apart): the old whole-process figures,
 * which also count V8's and libuv's threads, each capped at the bound the task threads' own share
 * has. They are then upper bounds of that share, not the share: a sequential workload whose main
 * thread waits on libuv's pool still reads as up to a full core. No pool or overhead share then.
 */
export function cpuShares(model: Model, concurrency: number, samples: readonly BatchSample[], cores: number): Shares {
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  if (wall <= 0) return { cpuUtilization: 0, runQueueShare: 0 };
  const threads = taskThreads(model, concurrency, cores);
  const bound = Math.min(threads, Math.max(1, cores));
  const sum = (field: (s: BatchSample) => number | undefined) => samples.reduce((total, s) => total + (field(s) ?? 0), 0);
  const cpu = sum((s) => s.cpuMs);
  const runQueue = Math.min(1, sum((s) => s.runQueueMs) / (wall * threads));
  if (!samples.every((s) => s.taskCpuMs !== undefined)) {
    return { cpuUtilization: round(Math.min(cpu / wall, bound)), runQueueShare: round(runQueue) };
  }
  const task = sum((s) => s.taskCpuMs);
  const pooled = samples.every((s) => s.poolCpuMs !== undefined);
  const pool = pooled ? sum((s) => s.poolCpuMs) : 0;
  return {
    cpuUtilization: round(Math.min(task / wall, bound)),
    runQueueShare: round(runQueue),
    ...(pooled ? { poolUtilization: round(pool / wall) } : {}),
    // What is left of the whole; never below 0, readings of the parts and the whole are a moment apart.
    overheadUtilization: round(Math.max(0, cpu - task - pool) / wall),
  };
}

/**
 * Combine every visit of one cell into its result. Throughput is tasks / batch wall time per
 * measured batch (not tinybench's per-sample mean of 1/latency), its median and a 95% CI of it.
 * Returns undefined when no visit produced a sample or a failure (the run stopped before the cell).
 * `cores`: the CPUs the hosts ran on (this machine's by default), a last-resort cap of cpuUtilization.
 */
export function aggregateCell(model: Model, concurrency: number, visits: readonly VisitOutcome[], cores = availableParallelism()): CellResult | undefined {
  const failures = visits.filter((v) => v.status !== 'ok' && v.status !== 'aborted');
  const samples = visits.flatMap((v) => v.samples);
  if (samples.length === 0 && failures.length === 0) return undefined;
  const throughputs = samples.map((s) => s.tasks / (s.wallMs / 1000));
  const sorted = sortSamples(throughputs);
  const latencies = sortSamples(samples.flatMap((s) => s.latenciesMs));
  const wall = samples.reduce((sum, s) => sum + s.wallMs, 0);
  const cpu = samples.reduce((sum, s) => sum + s.cpuMs, 0);
  const steal = stolenMs(cpu, samples);
  const startups = visits.map((v) => v.startupMs).filter((s): s is number => s !== undefined);
  const warmups = visits.map((v) => v.warmup).filter((w) => w !== undefined);
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
    ...(isHybrid(model) ? { workers: hybridLayout(concurrency, cores).workers } : {}),
    status,
    samples: samples.length,
    rounds: visits.filter((v) => v.samples.length > 0).length,
    throughput: { median: round(median(sorted)), ci95: [round(lo), round(hi)] },
    latencyMs: { p50: round(quantile(latencies, 0.5)), p99: round(quantile(latencies, 0.99)) },
    ...cpuShares(model, concurrency, samples, cores),
    stealShare: wall > 0 ? round(steal / wall) : 0,
    peakRssBytes: Math.max(0, ...visits.map((v) => v.peakRssBytes ?? 0), ...samples.map((s) => s.peakRssBytes ?? 0)),
    startupMs: startups.length > 0 ? round(median(sortSamples(startups)), 1) : 0,
    ...(warmups.length > 0 ? { warmup: { medianMs: round(median(sortSamples(warmups.map((w) => w.ms))), 1), unsettled: warmups.filter((w) => !w.settled).length } } : {}),
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
