import type { Classification } from '../types.ts';
import type { CellResult } from '../results/run.ts';

/** The sequential task thread's CPU share (+ its run-queue wait) at or above this is CPU-bound: the task keeps one core busy. */
export const CPU_BOUND_AT = 0.8;
/** At or below this it is I/O-bound: the task mostly waits. In between: mixed. */
export const IO_BOUND_AT = 0.3;

/** Share of the sequential cell's time spent computing or waiting for a core: what classify and the speedup bounds go by. */
export function computingShare(sequential: Pick<CellResult, 'cpuUtilization' | 'runQueueShare'>): number {
  return sequential.cpuUtilization + (sequential.runQueueShare ?? 0);
}

/**
 * Classify a workload from its sequential cell: with one task at a time, the task thread's CPU time /
 * wall time is the share of each task spent computing on it (aggregate.ts; Python's C extensions
 * run on it too). Time it spent ready to run but waiting for a core (a busy machine) counts as
 * computing: the task wanted the CPU, it was not waiting on I/O. Work done in libuv's thread pool
 * (zlib, fs, crypto.pbkdf2) does not: the event loop waits for it as for any I/O, and async overlaps
 * it, so a main thread left idle by a busy pool is I/O-bound or mixed (the reason text names the
 * pool). Neither do V8's background threads. The hypervisor's steal does not either: charged by
 * CPU time it still made an I/O-bound example look mixed (15% CPU, 20% "stolen": an idle vCPU that
 * wakes for every reply waits for the host each time, which the machine's steal counter cannot tell
 * apart). Where the task thread's own figures are missing, cpuUtilization is the whole process's
 * (capped at one core), and pool work counts as computing as it used to.
 */
export function classify(sequential: CellResult | undefined): Classification | null {
  if (!sequential || sequential.status !== 'ok' || sequential.samples === 0) return null;
  const u = computingShare(sequential);
  if (u >= CPU_BOUND_AT) return 'cpu-bound';
  if (u <= IO_BOUND_AT) return 'io-bound';
  return 'mixed';
}
