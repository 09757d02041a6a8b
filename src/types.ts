/**
 * The shared vocabulary of concurrency-bench: execution models, cell statuses and the results
 * file written by `run` (the JSON contract that outside tools read).
 */

/** Execution models in cost order: a costlier model must earn its place by a measured margin. */
export const MODELS = ['sequential', 'async', 'thread', 'process'] as const;
export type Model = (typeof MODELS)[number];

/** Runtimes a workload can be written for. */
export const RUNTIMES = ['node', 'python'] as const;
export type RuntimeId = (typeof RUNTIMES)[number];

export type CellStatus = 'ok' | 'errored' | 'timed-out' | 'crashed';
export type Classification = 'cpu-bound' | 'io-bound' | 'mixed';

/** One measured batch: `tasks` tasks run to completion at the cell's concurrency. */
export interface BatchSample {
  /** Wall time of the whole batch, ms. */
  wallMs: number;
  /** Tasks in the batch. */
  tasks: number;
  /** CPU time (user + system) spent by the host and its children during the batch, ms. */
  cpuMs: number;
  /** Per-task latency, ms, in completion order. */
  latenciesMs: number[];
  /**
   * Time the host's threads were ready to run but waited for a core during the batch, ms (Linux
   * schedstat; absent elsewhere). On a busy machine a CPU-bound task's CPU time falls below its wall
   * time; this is the part of the difference that was not waiting on I/O.
   */
  runQueueMs?: number;
  /**
   * Clock ticks of the whole machine during the batch (Linux /proc/stat, all CPUs): `busy` (user,
   * nice, system, irq, softirq) and `steal`, the time the hypervisor ran other VMs while a CPU of
   * this one wanted to run. Absent elsewhere. See aggregate.ts for how steal is charged to a cell.
   */
  machineTicks?: { busy: number; steal: number };
}

export interface CellResult {
  model: Model;
  concurrency: number;
  status: CellStatus;
  /** Why the cell is not `ok` (first line of the error, from the user's code). */
  error?: string;
  /** Measured batches (after warm-up) over all rounds. */
  samples: number;
  /** Rounds (fresh host processes) that contributed samples. */
  rounds: number;
  /** Tasks per second = tasks / batch wall time; median over batches with a 95% CI of the median. */
  throughput: { median: number; ci95: [number, number] };
  /** Task latency percentiles over every measured task. */
  latencyMs: { p50: number; p99: number };
  /** CPU time / wall time of the measured batches: 1.0 = one core busy all the time. */
  cpuUtilization: number;
  /** Run-queue wait / wall time of the host's threads: CPU the tasks wanted but the machine was busy (Linux). */
  runQueueShare?: number;
  /** Time lost to the hypervisor / wall time: CPU the tasks wanted but other VMs got (Linux; see aggregate.ts). */
  stealShare?: number;
  /** Largest peak resident set, summed over the host and every worker process it started. */
  peakRssBytes: number;
  /** Median time to start the pool (spawn + load the workload + setup), ms; not part of throughput. */
  startupMs: number;
  /** Median throughput / the sequential cell's median throughput (null when there is no sequential cell). */
  speedup: number | null;
  /** Per-batch throughputs, in measurement order, so results files can be compared later. */
  batchThroughputs: number[];
  /** How many of batchThroughputs each round (fresh host) contributed, in order: the grouping the statistics resample. */
  batchesPerRound?: number[];
}

export interface Recommendation {
  model: Model;
  concurrency: number;
  /** Throughput relative to sequential. */
  speedup: number;
  /** One sentence in the seeds' vocabulary with the measured numbers. */
  reason: string;
  /** `high` when the winner beat every cheaper option by the margin with 95% confidence. */
  confidence: 'high' | 'low';
  /** Costlier models whose gain over the recommendation was within noise (not significant at the margin). */
  withinNoise: Model[];
}

export interface WorkloadResult {
  name: string;
  runtime: RuntimeId;
  status: 'ok' | 'failed';
  error?: string;
  classification: Classification | null;
  /** CPU utilisation of the sequential cell that the classification is based on. */
  sequentialCpuUtilization: number | null;
  recommendation: Recommendation | null;
  cells: CellResult[];
}

export interface Environment {
  cpus: number;
  cpuModel: string;
  node: string;
  os: string;
  arch: string;
  totalMemoryBytes: number;
  /** Runtime-specific facts (Python version, GIL, start method) keyed by runtime. */
  runtimes: Record<string, Record<string, unknown>>;
}

export interface RunResults {
  schemaVersion: 1;
  kind: 'run';
  tool: { name: 'concurrency-bench'; version: string };
  /** True when the run was interrupted or ran out of budget before the minimum rounds. */
  incomplete: boolean;
  environment: Environment;
  settings: { timeBudgetSeconds: number; margin: number; rounds: number; seed: number; config: string };
  workloads: WorkloadResult[];
}
