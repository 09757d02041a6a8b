import { readdirSync, readFileSync } from 'node:fs';

/**
 * An executor runs tasks of one workload under one execution model. The host drives it with C lanes
 * (C = concurrency); lane k only ever has one task in flight, so a pool can bind lane k to worker k.
 */
export interface Executor {
  /** Start workers, load the workload and run setup everywhere; not part of throughput. */
  start(): Promise<void>;
  /** Run task `taskIndex` on lane `lane`; returns the task's value or a promise of it. */
  run(taskIndex: number, lane: number): unknown;
  /** CPU time (user + system) so far of the host and every process the executor started, ms. */
  cpuMs(): Promise<number>;
  /** Peak resident set so far, summed over the host and every process the executor started, bytes. */
  peakRssBytes(): Promise<number>;
  /** Run teardown and stop workers gracefully. */
  close(): Promise<void>;
  /** Stop everything now (failure paths). */
  destroy(): void;
  /**
   * The first unhandled promise rejection in the executor's worker threads or child processes since
   * the last call (see ../workload-context.ts); the host checks its own main thread itself.
   */
  unhandledRejection?(): Promise<string | undefined>;
  /** Turn a task's rejection into TaskError / WorkerCrashError where the pool reports them its own way. */
  translateFailure?(error: unknown): Error;
}

/** A task failed because the worker thread or child process running it died. */
export class WorkerCrashError extends Error {
  readonly code = 'WORKER_CRASHED';
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

/** A task threw or rejected inside a worker; carries the original `Name: message`. */
export class TaskError extends Error {
  readonly code = 'TASK_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'TaskError';
  }
}

export function hostCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Run-queue wait of every thread of this process so far, ms: Linux's /proc/self/task/<tid>/schedstat
 * (on-CPU ns, run-queue wait ns, time slices). 0 where the file does not exist.
 */
export function hostRunQueueMs(): number {
  let total = 0;
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        total += Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[1]) || 0;
      } catch {
        // the thread ended between listing and reading
      }
    }
  } catch {
    return 0;
  }
  return total / 1e6;
}

/**
 * CPU clock ticks of the whole machine so far (Linux /proc/stat, all CPUs): `busy` (user, nice,
 * system, irq, softirq) and `steal`, the time the hypervisor ran someone else while a CPU of this
 * VM wanted to run. Null where unavailable.
 */
export function machineTicks(): { busy: number; steal: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').slice(0, 200).split('\n')[0].trim().split(/\s+/).map(Number);
    if (f.length < 9 || !f.slice(1, 9).every(Number.isFinite)) return null;
    return { busy: f[1] + f[2] + f[3] + f[6] + f[7], steal: f[8] };
  } catch {
    return null;
  }
}

/** Machine ticks between two readings of machineTicks (null when either is missing). */
export function ticksBetween(before: { busy: number; steal: number } | null, after: { busy: number; steal: number } | null): { busy: number; steal: number } | null {
  return before && after ? { busy: after.busy - before.busy, steal: after.steal - before.steal } : null;
}

export function hostPeakRssBytes(): number {
  // maxRSS is in kilobytes; it covers every thread of this process (worker threads included).
  return process.resourceUsage().maxRSS * 1024;
}
