import type { Model, RuntimeId } from '../types.ts';

/** A workload as declared in concurrency-bench.config.json (after defaults are applied). */
export interface WorkloadConfig {
  name: string;
  runtime: RuntimeId;
  /** Absolute path of the workload module (declared relative to the config file). */
  modulePath: string;
  /** The module path exactly as declared, for messages. */
  module: string;
  /** Directory of the config file: the working directory of hosts, and Python's import root for `entry`. */
  configDir: string;
  /** Python: function to call in the module (default `run`). */
  function: string;
  /** Python: interpreter to use (default python3, then python). */
  python?: string;
  /** Python: multiprocessing start method for the process model. */
  startMethod?: 'fork' | 'spawn' | 'forkserver';
  /** Tasks per batch. */
  tasks: number;
  /** Concurrency levels per model, after defaults. */
  concurrency: Record<Model, number[]>;
  /** Models to measure; always includes sequential, the baseline. */
  models: Model[];
  /** A task running longer than this is killed and its cell marked timed-out. */
  timeoutMs: number;
}

export interface Config {
  /** Absolute path of the config file. */
  file: string;
  /** Directory of the config file; module paths and `prepare` are relative to it. */
  dir: string;
  /** Shell command to run in a tree before measuring it (used by compare). */
  prepare?: string;
  workloads: WorkloadConfig[];
}
