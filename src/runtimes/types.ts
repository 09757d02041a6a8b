/**
 * The runtime layer: how the orchestrator starts one host process for one visit of a cell, and the
 * protocol the host speaks back. Node and Python hosts implement the same protocol, so measurement,
 * statistics, analysis, compare and reports stay runtime-agnostic.
 *
 * Protocol: the orchestrator starts the host with stdio [ignore, pipe, pipe, pipe]; the visit spec is
 * the JSON in environment variable CONCURRENCY_BENCH_VISIT; the host writes one JSON object per line
 * to file descriptor 3 (stdout and stderr stay free for the user's code). Messages, in order:
 *   probe mode:  {"type":"hello","env":{...}}                      then exit 0
 *   measure:     {"type":"ready","startupMs":n}
 *                {"type":"warmed","warmupMs":n,"settled":bool}      with warmupMaxMs, before the first sample
 *                {"type":"sample","wallMs":n,"tasks":n,"cpuMs":n,"peakRssBytes":n,"latenciesMs":[...]}   per measured batch
 *                {"type":"done","peakRssBytes":n}                   then exit 0
 *   any time:    {"type":"failure","status":"load-error"|"errored"|"timed-out"|"crashed","message":"..."}
 * Stepped visits (spec.stepped, used by compare to interleave base and head batch by batch): after
 * "ready" the host runs no batch on its own; the orchestrator writes commands to the same fd, one
 * JSON object per line: {"type":"batch"} runs one batch and reports it as a "sample" (every batch,
 * warm-up included: the orchestrator decides which count). End of input (the orchestrator closes
 * its side) ends the visit like one that has measured enough: "done", exit 0.
 * A host must kill itself (and everything it started) when a task runs past timeoutMs, and exit
 * when its parent goes away. The orchestrator also kills the host's whole process group.
 */
import type { BatchSample, Model, RuntimeId } from '../types.ts';
import type { WorkloadConfig } from '../config/types.ts';

export const VISIT_ENV = 'CONCURRENCY_BENCH_VISIT';
export const PROTOCOL_FD = 3;

export interface VisitSpec {
  mode: 'probe' | 'measure';
  workload: {
    name: string;
    modulePath: string;
    function: string;
    tasks: number;
    timeoutMs: number;
    startMethod?: string;
  };
  model: Model;
  /** Tasks in flight at once (1 in sequential). */
  concurrency: number;
  /**
   * Hybrid models only: the workers the `concurrency` tasks in flight are spread over (types.ts's
   * hybridLayout); the host works it out the same way when absent.
   */
  workers?: number;
  /** Batches run and discarded before measuring. */
  warmupBatches: number;
  /** Warm-up also lasts at least this long, ms (JIT tiers need time, not just one short batch); optional. */
  warmupTimeMs?: number;
  /**
   * With this, warm-up lasts until the rate has settled (measure/warmup.ts), at most this long, ms,
   * and the host reports it in a "warmed" message before the first sample. Without it, warm-up is
   * warmupBatches and warmupTimeMs only.
   */
  warmupMaxMs?: number;
  /**
   * Stepped visits only (measure/interleaved.ts): warm-up of at least this long, ms, ends as settled,
   * because earlier hosts of the same cell settled by then. A paired sample lasts about 100 ms, and
   * the settle rule needs eight of them, so on its own it ran every paired side to the cap.
   */
  warmupSettledMs?: number;
  /** Measured batches: at least minBatches, then more until sampleTimeMs has passed, at most maxBatches. */
  minBatches: number;
  maxBatches: number;
  sampleTimeMs: number;
  /**
   * A sample runs the batch of workload.tasks this many times back to back (each a whole batch) and
   * reports their sum, so a batch of tiny tasks still lasts long enough to time; 1 when absent.
   */
  batchRepeat?: number;
  /**
   * Autonomous visits: while warming up, the host raises batchRepeat so that a sample lasts about this
   * long, ms, judged by its own warm-up samples (measure/sample-length.ts); absent: batchRepeat stays.
   */
  minSampleMs?: number;
  /** Run batches only when told to (see the protocol above); warm-up and sample limits are then the orchestrator's. */
  stepped?: boolean;
}

export interface HostCommand {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

export type HostMessage =
  | { type: 'hello'; env: Record<string, unknown> }
  | { type: 'ready'; startupMs: number }
  /** Autonomous visits with warmupMaxMs: how long warm-up took, and whether the rate settled before the cap. */
  | { type: 'warmed'; warmupMs: number; settled: boolean }
  | ({ type: 'sample' } & BatchSample)
  | { type: 'done'; peakRssBytes: number }
  | { type: 'failure'; status: 'load-error' | 'errored' | 'timed-out' | 'crashed'; message: string };

/** What the orchestrator writes to a stepped host. */
export type HostCommandMessage = { type: 'batch' };

export interface Runtime {
  id: RuntimeId;
  /** Models this runtime can execute. */
  models: readonly Model[];
  /** How to start one host process for a visit (may fail with a RuntimeUnavailableError). */
  hostCommand(workload: WorkloadConfig, spec: VisitSpec): Promise<HostCommand>;
}

/** The runtime itself cannot run here (interpreter missing or too old): the workload fails, others go on. */
export class RuntimeUnavailableError extends Error {
  readonly code = 'RUNTIME_UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'RuntimeUnavailableError';
  }
}
