import type { CellResult, Classification } from '../types.ts';

/** Sequential CPU utilisation at or above this is CPU-bound: the task keeps one core busy. */
export const CPU_BOUND_AT = 0.8;
/** At or below this it is I/O-bound: the task mostly waits. In between: mixed. */
export const IO_BOUND_AT = 0.3;

/**
 * Classify a workload from its sequential cell: with one task at a time, CPU time / wall time is
 * the share of each task spent computing (Node's libuv pool and Python's C extensions count as CPU too).
 * Time spent ready to run but waiting for a core (a busy machine) counts as computing: the task
 * wanted the CPU, it was not waiting on I/O. The hypervisor's steal does not: charged by CPU time it
 * still made an I/O-bound example look mixed (15% CPU, 20% "stolen": an idle vCPU that wakes for
 * every reply waits for the host each time, which the machine's steal counter cannot tell apart).
 */
export function classify(sequential: CellResult | undefined): Classification | null {
  if (!sequential || sequential.status !== 'ok' || sequential.samples === 0) return null;
  const u = sequential.cpuUtilization + (sequential.runQueueShare ?? 0);
  if (u >= CPU_BOUND_AT) return 'cpu-bound';
  if (u <= IO_BOUND_AT) return 'io-bound';
  return 'mixed';
}
