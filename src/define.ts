/**
 * Helpers for typed workload modules and configs. A workload module's default export is either a
 * task function or an object with optional setup/teardown around it:
 *
 *   export default defineWorkload({ setup() {...}, run(taskIndex) {...} });
 */

/** The task: called with the task index 0..tasks-1; may return a promise. */
export type TaskFunction = (taskIndex: number) => unknown;

export interface WorkloadDefinition {
  /** Runs once per host, worker thread or child process, outside timing. */
  setup?: () => unknown;
  /** One task. */
  run: TaskFunction;
  /** Runs once per host or child process after measuring (not in thread workers, which are terminated). */
  teardown?: () => unknown;
}

export function defineWorkload<T extends TaskFunction | WorkloadDefinition>(workload: T): T {
  return workload;
}

export interface WorkloadDeclaration {
  name: string;
  module?: string;
  runtime?: 'node' | 'python';
  entry?: string;
  function?: string;
  python?: string;
  startMethod?: 'fork' | 'spawn' | 'forkserver';
  tasks: number;
  concurrency?: number[] | Partial<Record<"async" | "thread" | "process", number[]>>;
  models?: Array<'sequential' | 'async' | 'thread' | 'process'>;
  timeoutMs?: number;
}

export function defineConfig<T extends { workloads: WorkloadDeclaration[]; prepare?: string }>(config: T): T {
  return config;
}
