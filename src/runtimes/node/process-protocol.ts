import type { ThreadTimes } from './executors/types.ts';

/**
 * Messages between the host and its child processes (process models). In `process` a child has one
 * task in flight: a task is sent as a bare number and acknowledged with a bare 0, so the per-task
 * IPC cost stays close to a bare fork round trip. In `process+async` a child has several in flight,
 * each in a slot of its own: a task is sent as [task index, slot] and acknowledged with [slot].
 */
export type ToChild = number | [task: number, slot: number] | { type: 'stats' } | { type: 'check' } | { type: 'teardown' };
export type FromChild =
  | 0
  | [slot: number]
  | { type: 'ready' }
  | { type: 'load-error'; error: string }
  /** A task threw or rejected; `slot` in process+async. */
  | { type: 'task-error'; error: string; slot?: number }
  /** Reply to stats, cumulative: `threads` splits the child's CPU time by thread kind (its main thread runs the tasks), absent off Linux. */
  | { type: 'stats'; cpuMs: number; maxRssBytes: number; threads?: ThreadTimes }
  /** Reply to check: the child's first unhandled rejection since the last check, if any. */
  | { type: 'checked'; unhandledRejection?: string }
  | { type: 'torn-down' };

export const CHILD_MODULE_ENV = 'CONCURRENCY_BENCH_MODULE';
