import type { CellResult, Classification } from '../types.ts';

/** Sequential CPU utilisation at or above this is CPU-bound: the task keeps one core busy. */
export const CPU_BOUND_AT = 0.8;
/** At or below this it is I/O-bound: the task mostly waits. In between: mixed. */
export const IO_BOUND_AT = 0.3;

/**
 * Classify a workload from its sequential cell: with one task at a time, CPU time / wall time is
 * the share of each task spent computing (Node's libuv pool and Python's C extensions count as CPU too).
 * Time spent ready to run but waiting for a core (a busy machine) or stolen by the hypervisor (a
 * busy host under a VM) counts as computing: the task wanted the CPU, it was not waiting on I/O.
 */
export function classify(sequential: CellResult | undefined): Classification | null {
  if (!sequential || sequential.status !== 'ok' || sequential.samples === 0) return null;
  const u = sequential.cpuUtilization + (sequential.runQueueShare ?? 0) + (sequential.stealShare ?? 0);
  if (u >= CPU_BOUND_AT) return 'cpu-bound';
  if (u <= IO_BOUND_AT) return 'io-bound';
  return 'mixed';
}
