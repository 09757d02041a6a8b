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
  | { type: 'stats'; cpuMs: number; maxRssBytes: number }
  /** Reply to check: the child's first unhandled rejection since the last check, if any. */
  | { type: 'checked'; unhandledRejection?: string }
  | { type: 'torn-down' };

export const CHILD_MODULE_ENV = 'CONCURRENCY_BENCH_MODULE';
