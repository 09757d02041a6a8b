import { readdirSync, readFileSync } from 'node:fs';
// The readings are taken on a process's main thread (the host's, or a child's), whose tid is the pid.
import { isMainThread as readerIsMainThread } from 'node:worker_threads';

/**
 * An executor runs tasks of one workload under one execution model. The host drives it with C lanes
 * (C = concurrency); lane k only ever has one task in flight, so a pool can bind lane k to worker k.
 */
export interface Executor {
  /** Start workers, load the workload and run setup everywhere; not part of throughput. */
  start(): Promise<void>;
  /** Run task `taskIndex` on lane `lane`; returns the task's value or a promise of it. */
  run(taskIndex: number, lane: number): unknown;
  /** CPU time and peak memory so far of the host and every process the executor started. */
  usage(): Promise<Usage>;
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

/** What Executor.usage() reports: cumulative. */
export interface Usage {
  /** CPU time (user + system) of the host and every process the executor started, every thread, ms. */
  cpuMs: number;
  /** Part of it by thread kind; absent where the threads cannot be told apart (see threadTimes). */
  threads?: ThreadTimes;
  /**
   * Peak resident set so far, summed over the host and every process the executor started, bytes.
   * Read with every batch, so a visit stopped before its end (the budget, a stall) keeps its memory.
   */
  peakRssBytes: number;
}

/** CPU time and run-queue wait of a process's threads by the part they play, cumulative, ms. */
export interface ThreadTimes {
  /** On-CPU time of the threads that run the user's tasks. */
  taskCpuMs: number;
  /** Time those threads were ready to run but waited for a core. */
  taskRunQueueMs: number;
  /** On-CPU time of libuv's thread pool; absent when this libuv does not name its threads. */
  poolCpuMs?: number;
}

/** One thread of this process: its name (comm) and schedstat's on-CPU and run-queue wait, ns. */
export interface ThreadReading {
  tid: number;
  name: string;
  cpuNs: number;
  waitNs: number;
}

/** The name libuv (1.50 and later) gives its thread-pool threads: zlib, fs, crypto.pbkdf2, dns.lookup run there. */
export const LIBUV_POOL_THREAD = 'libuv-worker';
/** The name Node gives a worker_threads thread that was not given a name of its own (piscina gives none). */
export const WORKER_THREAD = 'WorkerThread';

/** CPU time so far of the thread calling, ns, from its own clock (exact, unlike its schedstat). */
function threadCpuNs(): number {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) * 1000;
}

/** Whether the pool's threads can be recognised: before 1.50 libuv left them with the process's name. */
const libuvNamesItsPool = (() => {
  const [major, minor] = process.versions.uv.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 50);
})();

/**
 * Every thread of this process now, from /proc/self/task/<tid>/{comm,schedstat} (Linux). schedstat's
 * on-CPU time is the scheduler's own nanosecond count, the same total that getrusage splits into
 * user and system, but for a thread that is running it is brought up to date only at the next tick
 * or switch: the thread reading it, always running, would see its own CPU time up to a tick short
 * (measured: a batch's came out short by half a tick on average). Its own figure comes from its own
 * clock instead (process.threadCpuUsage, Node 23.9+). Null where the files do not exist.
 */
export function readThreads(): ThreadReading[] | null {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const threads: ThreadReading[] = [];
  for (const tid of tids) {
    try {
      const [cpu, wait] = readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trimEnd();
      const own = Number(tid) === process.pid && readerIsMainThread && typeof process.threadCpuUsage === 'function';
      const cpuNs = own ? threadCpuNs() : cpu;
      if (Number.isFinite(cpuNs) && Number.isFinite(wait)) threads.push({ tid: Number(tid), name, cpuNs, waitNs: wait });
    } catch {
      // the thread ended between listing and reading
    }
  }
  return threads.length > 0 ? threads : null;
}

/**
 * This process's CPU time and run-queue wait so far split by thread kind: the task threads
 * (`isTask`), libuv's pool, and the rest (V8's compiler and GC threads, the inspector's, threads the
 * workload started itself), which is left for the caller to derive from the process's total since a
 * thread that ended has left the per-thread files but not the total. Cumulative sums are safe for
 * the two kinds counted: task threads and pool threads live as long as the process. Undefined off
 * Linux.
 */
export function threadTimes(isTask: (thread: ThreadReading) => boolean): ThreadTimes | undefined {
  const threads = readThreads();
  if (!threads) return undefined;
  let taskCpuNs = 0;
  let taskWaitNs = 0;
  let poolCpuNs = 0;
  for (const thread of threads) {
    if (isTask(thread)) {
      taskCpuNs += thread.cpuNs;
      taskWaitNs += thread.waitNs;
    } else if (thread.name === LIBUV_POOL_THREAD) {
      poolCpuNs += thread.cpuNs;
    }
  }
  return { taskCpuMs: taskCpuNs / 1e6, taskRunQueueMs: taskWaitNs / 1e6, ...(libuvNamesItsPool ? { poolCpuMs: poolCpuNs / 1e6 } : {}) };
}

/** The event loop's thread: Linux gives a process's main thread the process's id. */
export const isMainThread = (thread: ThreadReading) => thread.tid === process.pid;

/** Sum of thread times (host and children); undefined when any part is, pool only when every part has it. */
export function sumThreadTimes(parts: ReadonlyArray<ThreadTimes | undefined>): ThreadTimes | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  const all = parts as ThreadTimes[];
  const pool = all.every((p) => p.poolCpuMs !== undefined);
  return {
    taskCpuMs: all.reduce((sum, p) => sum + p.taskCpuMs, 0),
    taskRunQueueMs: all.reduce((sum, p) => sum + p.taskRunQueueMs, 0),
    ...(pool ? { poolCpuMs: all.reduce((sum, p) => sum + p.poolCpuMs!, 0) } : {}),
  };
}

/**
 * Thread times spent between two readings, for a batch; undefined when either is missing. Never
 * negative: a kind's sum can only fall if one of its threads ended, which the reading cannot see.
 */
export function threadTimesBetween(before: ThreadTimes | undefined, after: ThreadTimes | undefined): ThreadTimes | undefined {
  if (!before || !after) return undefined;
  const pool = before.poolCpuMs !== undefined && after.poolCpuMs !== undefined;
  return {
    taskCpuMs: Math.max(0, after.taskCpuMs - before.taskCpuMs),
    taskRunQueueMs: Math.max(0, after.taskRunQueueMs - before.taskRunQueueMs),
    ...(pool ? { poolCpuMs: Math.max(0, after.poolCpuMs! - before.poolCpuMs!) } : {}),
  };
}

export function hostCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Run-queue wait of every thread of this process so far, ms: Linux's /proc/self/task/<tid>/schedstat
 * (on-CPU ns, run-queue wait ns, time slices). 0 where the file does not exist. What a batch reports
 * only when its task threads cannot be told apart (threadTimes): it counts V8's and libuv's threads too.
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
