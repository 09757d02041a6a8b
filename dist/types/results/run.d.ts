/**
 * The results file written by `run` (the JSON contract that outside tools read; published as
 * schema/results.schema.json, generated from the checks in src/results/schema.ts). A compare
 * results file (./compare.ts) holds the same workloads and environment.
 */
import type { CellStatus, Classification, Model, RuntimeId } from '../types.js';
export interface CellResult {
    model: Model;
    /** Tasks in flight at once. */
    concurrency: number;
    /** Hybrid models only: the workers (threads or processes) those tasks were spread over, one per core at most. */
    workers?: number;
    status: CellStatus;
    /** Why the cell is not `ok` (first line of the error, from the user's code). */
    error?: string;
    /** Measured batches (after warm-up) over all rounds. */
    samples: number;
    /** Rounds (fresh host processes) that contributed samples. */
    rounds: number;
    /** Tasks per second = tasks / batch wall time; median over batches with a 95% CI of the median. */
    throughput: {
        median: number;
        ci95: [number, number];
    };
    /** Task latency percentiles over every measured task. */
    latencyMs: {
        p50: number;
        p99: number;
    };
    /**
     * CPU time of the task threads / wall time of the measured batches: 1.0 = one core busy all the
     * time. At most the number of task threads (1 for sequential and async, the concurrency for thread
     * and process) and the cores. Where task threads cannot be told apart (no poolUtilization and
     * overheadUtilization then), the whole process's CPU time capped at that bound. See aggregate.ts.
     */
    cpuUtilization: number;
    /** CPU time of libuv's thread pool (host and children) / wall time: native work beside the task threads (Node on Linux). */
    poolUtilization?: number;
    /** CPU time of every other thread / wall time: V8's compiler and GC threads, the dispatching host's main thread, threads the workload started. */
    overheadUtilization?: number;
    /** Run-queue wait of the task threads / (wall time x task threads), 0-1: CPU the tasks wanted but the machine was busy (Linux). */
    runQueueShare?: number;
    /** Time lost to the hypervisor / wall time: CPU the tasks wanted but other VMs got (Linux; see aggregate.ts). */
    stealShare?: number;
    /** Largest peak resident set, summed over the host and every worker process it started. */
    peakRssBytes: number;
    /** Median time to start the pool (spawn + load the workload + setup), ms; not part of throughput. */
    startupMs: number;
    /**
     * Warm-up until the rate settled (run): the median time it took per visit, ms, and how many visits
     * reached the cap still warming up (their figures are of code not yet at full speed). A real cost
     * of short-lived pools. Absent when warm-up was fixed (compare).
     */
    warmup?: {
        medianMs: number;
        unsettled: number;
    };
    /** Median throughput / the sequential cell's median throughput (null when there is no sequential cell). */
    speedup: number | null;
    /**
     * The speedup over sequential measured paired (run's paired phase): rounds of a fresh sequential
     * host and a fresh host of this cell alive at once, batches alternated; Hodges-Lehmann ratio of
     * neighbouring batches and its 95% interval. When present, `speedup` is this one.
     */
    paired?: {
        speedup: number;
        /** 95% interval of the measured pairs (what the recommendation decides on). */
        ci95: [number, number];
        rounds: number;
        pairs: number;
        /**
         * Spread of one batch pair's log-ratio around its round's median; with fewer than 3 rounds the
         * printed figure's interval adds it as the spread between fresh hosts (stats/paired-speedup.ts).
         * Absent in results files written before it existed.
         */
        spread?: number;
        /**
         * Each round's two hosts, in round order: the rate of its sequential host and of this cell's,
         * tasks/s (median of the round's batches; null without a usable batch). A sequential host shared
         * by two candidates in one round is in both. Absent in results files written before it existed.
         */
        hosts?: {
            baseline: number | null;
            candidate: number | null;
        }[];
    };
    /** Why `speedup` is null although the cell was measured: not enough data, or a figure that cannot be physically true. */
    speedupWithheld?: string;
    /** Per-batch throughputs, in measurement order, so results files can be compared later. */
    batchThroughputs: number[];
    /** How many of batchThroughputs each round (fresh host) contributed, in order: the grouping the statistics resample. */
    batchesPerRound?: number[];
    /**
     * Sequential cell of `run`: the rate of every sequential host the run started for this workload,
     * tasks/s (median of the host's batches): the sweep's visits in order, then the paired rounds'
     * baselines. How far they spread is how far the machine moved during the run (analysis/steadiness.ts).
     */
    hostRates?: number[];
}
/**
 * Why a recommendation has low confidence: a costlier model measured faster within noise of it (or
 * a cheaper one that measured faster was kept, not shown beaten); it rests on one round of hosts;
 * the sequential figure itself read slow (most cells measured faster than is possible); a model was
 * not measured within the budget; the baseline, or a model that read faster than the choice, had
 * too little data to compare.
 */
export type Doubt = 'within-noise' | 'one-round' | 'suspect-baseline' | 'model-not-measured' | 'not-enough-data';
export interface Recommendation {
    model: Model;
    concurrency: number;
    /** Hybrid models only: the workers the tasks in flight are spread over (as the cell's). */
    workers?: number;
    /** Throughput relative to sequential. */
    speedup: number;
    /** The speedup's range, present when it is too wide for `speedup` to be reported alone (plausibility.ts, MAX_FIGURE_SPAN; for an unpaired cell with the spread between hosts, unpaired-figure.ts), or runs from its intervals' lowest end to the physical bound it measured within noise above (analyze.ts). */
    speedupRange?: [number, number];
    /** One sentence in the seeds' vocabulary with the measured numbers. */
    reason: string;
    /** `high` when the winner beat every cheaper model by the margin with 95% confidence. */
    confidence: 'high' | 'low';
    /** Why `confidence` is low, each also said in `reason`; absent when it is high, and in files written before this field. */
    doubts?: Doubt[];
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
    /** Configured cells that were not measured, and why (the budget's coarse sweep, an interruption). */
    skipped?: SkippedCell[];
}
/** A configured cell that `run` did not measure. */
export interface SkippedCell {
    model: Model;
    concurrency: number;
    /** Why, in a sentence (e.g. the budget allowed only the coarse sweep). */
    reason: string;
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
    tool: {
        name: 'concurrency-bench';
        version: string;
    };
    /** True when the run was interrupted or ran out of budget before the minimum rounds. */
    incomplete: boolean;
    environment: Environment;
    settings: {
        timeBudgetSeconds: number;
        margin: number;
        rounds: number;
        seed: number;
        config: string;
    };
    workloads: WorkloadResult[];
}
