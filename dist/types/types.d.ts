/**
 * The shared vocabulary of concurrency-bench: execution models, runtimes, cell statuses,
 * classifications and the measured batch. The results documents built from them (the JSON contract
 * that outside tools read) are in src/results/.
 */
/**
 * Execution models in cost order: a costlier model must earn its place by a measured margin. The
 * hybrids come last: a pool of workers each running many tasks at once on an event loop is the
 * costliest code to write and to run, so it wins only where no simpler model comes close.
 */
export declare const MODELS: readonly ['sequential', 'async', 'thread', 'process', 'thread+async', 'process+async'];
export type Model = (typeof MODELS)[number];
/** The hybrid models: a pool of workers, each with several tasks in flight on its own event loop. */
export declare const HYBRID_MODELS: readonly ['thread+async', 'process+async'];
export type HybridModel = (typeof HYBRID_MODELS)[number];
export declare function isHybrid(model: Model): model is HybridModel;
/**
 * How a hybrid cell's tasks in flight are laid out: one worker per core (the production pattern,
 * and all the parallel work a machine has), at most one per task in flight; the tasks spread evenly
 * over them, so a worker has `perWorker` in flight, one fewer on some when they do not divide.
 */
export declare function hybridLayout(concurrency: number, cores: number): {
    workers: number;
    perWorker: number;
};
/** Runtimes a workload can be written for. */
export declare const RUNTIMES: readonly ['node', 'python'];
export type RuntimeId = (typeof RUNTIMES)[number];
export type CellStatus = 'ok' | 'errored' | 'timed-out' | 'crashed';
export type Classification = 'cpu-bound' | 'io-bound' | 'mixed';
/** One measured batch: `tasks` tasks run to completion at the cell's concurrency. */
export interface BatchSample {
    /** Wall time of the whole batch, ms. */
    wallMs: number;
    /** Tasks in the batch. */
    tasks: number;
    /** CPU time (user + system) spent by the host and its children during the batch, ms: every thread, the cell's whole cost. */
    cpuMs: number;
    /**
     * Part of cpuMs spent by the task threads, the threads that ran the user's tasks (the main thread
     * in sequential and async, the pool's workers in thread, the worker processes' main threads in
     * process), ms. Linux only, and where they can be told apart; absent elsewhere.
     */
    taskCpuMs?: number;
    /**
     * Part of cpuMs spent in libuv's thread pool of the host and its children (zlib, fs, crypto.pbkdf2,
     * dns.lookup), ms: native work beside the task threads, not on them. Node on Linux with a libuv that
     * names its threads (1.50+); absent elsewhere and in Python, which has no such pool.
     */
    poolCpuMs?: number;
    /** Per-task latency, ms, in completion order. */
    latenciesMs: number[];
    /**
     * Time the task threads were ready to run but waited for a core during the batch, ms (Linux
     * schedstat; absent elsewhere). On a busy machine a CPU-bound task's CPU time falls below its wall
     * time; this is the part of the difference that was not waiting on I/O. Without taskCpuMs it is
     * the wait of every thread of the host (an older host, or threads that cannot be told apart).
     */
    runQueueMs?: number;
    /**
     * Clock ticks of the whole machine during the batch (Linux /proc/stat, all CPUs): `busy` (user,
     * nice, system, irq, softirq) and `steal`, the time the hypervisor ran other VMs while a CPU of
     * this one wanted to run. Absent elsewhere. See aggregate.ts for how steal is charged to a cell.
     */
    machineTicks?: {
        busy: number;
        steal: number;
    };
    /**
     * Peak resident set of the host and its workers so far, read after the batch (outside timing),
     * bytes: a visit stopped before its end (the budget, a stall) still has its memory. Absent from
     * older hosts; the end-of-visit figure ("done") is used too.
     */
    peakRssBytes?: number;
}
