/**
 * The package's public entry: helpers for typed workload modules and configs, and the types of the
 * results files. A workload module's default export is either a
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
export declare function defineWorkload<T extends TaskFunction | WorkloadDefinition>(workload: T): T;
export interface WorkloadDeclaration {
    name: string;
    module?: string;
    runtime?: 'node' | 'python';
    entry?: string;
    function?: string;
    python?: string;
    startMethod?: 'fork' | 'spawn' | 'forkserver';
    tasks: number;
    concurrency?: number[] | Partial<Record<'async' | 'thread' | 'process' | 'thread+async' | 'process+async', number[]>>;
    models?: Array<'sequential' | 'async' | 'thread' | 'process' | 'thread+async' | 'process+async'>;
    timeoutMs?: number;
}
export declare function defineConfig<T extends ConfigDeclaration>(config: T): T;
/** A config as written: what `concurrency-bench.config.ts` exports (JSON and YAML configs have the same shape). */
export interface ConfigDeclaration {
    /** For editors: the JSON Schema of the config (schema/concurrency-bench.schema.json). */
    $schema?: string;
    /** A shell command run once before measuring (in the config's directory), e.g. "npm ci". */
    prepare?: string;
    workloads: WorkloadDeclaration[];
}
export type { BatchSample, CellStatus, Classification, Model, RuntimeId } from './types.js';
export type { CellResult, Environment, Recommendation, RunResults, SkippedCell, WorkloadResult } from './results/run.js';
export type { AnyResults, CompareFailure, CompareResults, CompareSettings, Comparison, ComparisonMetric, RecommendationChange, RefInfo, SideSummary, Verdict, WorkloadChange, } from './results/compare.js';
export type { ReportResults } from './results/report.js';
