import type { ThreadTimes } from './executors/types.ts';

/**
 * Messages between the host and its child processes (process model). A task is sent as a bare
 * number and acknowledged with a bare 0, so the per-task IPC cost stays close to a bare fork round trip.
 */
export type ToChild = number | { type: 'stats' } | { type: 'check' } | { type: 'teardown' };
export type FromChild =
  | 0
  | { type: 'ready' }
  | { type: 'load-error'; error: string }
  | { type: 'task-error'; error: string }
  /** Reply to stats, cumulative: `threads` splits the child's CPU time by thread kind (its main thread runs the tasks), absent off Linux. */
  | { type: 'stats'; cpuMs: number; maxRssBytes: number; threads?: ThreadTimes }
  /** Reply to check: the child's first unhandled rejection since the last check, if any. */
  | { type: 'checked'; unhandledRejection?: string }
  | { type: 'torn-down' };

export const CHILD_MODULE_ENV = 'CONCURRENCY_BENCH_MODULE';
