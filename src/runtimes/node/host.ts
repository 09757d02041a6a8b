/**
 * The Node host: started by the orchestrator in a fresh process for one visit of one cell. It builds
 * the executor for the cell's model, reports start-up, runs warm-up and measured batches (tinybench
 * drives the sampling loop), and speaks the protocol of ../types.ts on fd 3.
 */
import { createReadStream, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { Bench } from 'tinybench';
import { PROTOCOL_FD, VISIT_ENV, type HostCommandMessage, type HostMessage, type VisitSpec } from '../types.ts';
import { runBatch } from './batch.ts';
import { inHostExecutor } from './executors/in-host.ts';
import { processExecutor } from './executors/process.ts';
import { threadExecutor } from './executors/thread.ts';
import { hostRunQueueMs, machineTicks, threadTimesBetween, ticksBetween, TaskError, WorkerCrashError, type Executor } from './executors/types.ts';
import { describeError, loadWorkload, WorkloadLoadError } from './load-workload.ts';
import { raisedRepeat } from '../../measure/sample-length.ts';
import { warmupDecision, type WarmupBatch } from '../../measure/warmup.ts';
import { startWatchdog } from './watchdog.ts';
import { hybridLayout } from '../../types.ts';
import { prepareWorkloadContext, takeUnhandledRejection } from './workload-context.ts';

function send(message: HostMessage): void {
  writeSync(PROTOCOL_FD, JSON.stringify(message) + '\n');
}

function fail(status: 'load-error' | 'errored' | 'crashed', message: string, executor?: Executor): never {
  send({ type: 'failure', status, message });
  executor?.destroy();
  process.exit(1);
}

async function createExecutor(spec: VisitSpec): Promise<Executor> {
  switch (spec.model) {
    case 'sequential':
    case 'async':
      return inHostExecutor(await loadWorkload(spec.workload.modulePath));
    case 'thread':
      return threadExecutor(spec.workload.modulePath, spec.concurrency);
    case 'process':
      return processExecutor(spec.workload.modulePath, spec.concurrency);
    case 'thread+async':
    case 'process+async': {
      const workers = spec.workers ?? hybridLayout(spec.concurrency, availableParallelism()).workers;
      const perWorker = Math.ceil(spec.concurrency / workers);
      return spec.model === 'thread+async' ? threadExecutor(spec.workload.modulePath, workers, perWorker) : processExecutor(spec.workload.modulePath, workers, perWorker);
    }
  }
}

/** The first unhandled rejection in any context the workload runs in: this thread, or the executor's. */
async function unhandledRejection(executor: Executor): Promise<string | undefined> {
  return (await takeUnhandledRejection()) ?? (await executor.unhandledRejection?.());
}

async function probe(spec: VisitSpec): Promise<void> {
  try {
    await loadWorkload(spec.workload.modulePath);
  } catch (error) {
    fail('load-error', error instanceof WorkloadLoadError ? error.message : describeError(error));
  }
  send({ type: 'hello', env: { node: process.version, v8: process.versions.v8, typeStripping: Boolean(process.features.typescript) } });
}

async function measure(spec: VisitSpec): Promise<void> {
  const { tasks, timeoutMs } = spec.workload;
  const lanes = spec.model === 'sequential' ? 1 : spec.concurrency;
  const watchdog = startWatchdog(lanes, timeoutMs, PROTOCOL_FD);
  // Setup and pool start-up run under the watchdog too: a setup that hangs is a timeout, not a stall.
  watchdog.starts[0] = Date.now();
  const startBegin = performance.now();
  let executor: Executor | undefined;
  try {
    executor = await createExecutor(spec);
    await executor.start();
  } catch (error) {
    const message = error instanceof WorkloadLoadError ? error.message : `starting the ${spec.model} pool failed: ${describeError(error)}`;
    fail(error instanceof WorkerCrashError ? 'crashed' : 'load-error', message, executor);
  }
  const leftBySetup = await unhandledRejection(executor!).catch((error: unknown) => fail('crashed', describeError(error), executor));
  if (leftBySetup) fail('load-error', `setup failed: ${leftBySetup}`, executor);
  watchdog.starts[0] = 0;
  send({ type: 'ready', startupMs: performance.now() - startBegin });

  // A sample is the batch run `repeat` times back to back, each a whole batch (drain included):
  // a batch of tiny tasks lasts microseconds, too short to time (a multiplication once measured x13).
  let repeat = Math.max(1, Math.floor(spec.batchRepeat ?? 1));
  let latencies = new Float64Array(tasks * repeat);
  /** After a warm-up sample: a sample shorter than spec.minSampleMs holds more batches from now on. */
  const resize = (sample: { wallMs: number }): boolean => {
    if (spec.minSampleMs === undefined) return false;
    const next = raisedRepeat(repeat, sample.wallMs, spec.minSampleMs);
    if (next === repeat) return false;
    repeat = next;
    latencies = new Float64Array(tasks * repeat);
    return true;
  };
  let batchFailure: unknown;
  /** One batch, measured; undefined when it failed (batchFailure says why). */
  const measureBatch = async (): Promise<HostMessage | undefined> => {
    try {
      const runQueueBefore = hostRunQueueMs();
      const ticksBefore = machineTicks();
      const before = await executor!.usage();
      let wallMs = 0;
      for (let r = 0; r < repeat; r++) wallMs += await runBatch(executor!, tasks, lanes, watchdog.starts, latencies.subarray(r * tasks, (r + 1) * tasks));
      const after = await executor!.usage();
      const cpuMs = after.cpuMs - before.cpuMs;
      // The task threads' own CPU and wait where they can be told apart from V8's and libuv's threads
      // (which a process-wide figure counts too); the whole host's wait, as before, where they cannot.
      const threads = threadTimesBetween(before.threads, after.threads);
      const runQueueMs = threads ? threads.taskRunQueueMs : hostRunQueueMs() - runQueueBefore;
      const split = threads ? { taskCpuMs: threads.taskCpuMs, ...(threads.poolCpuMs !== undefined ? { poolCpuMs: threads.poolCpuMs } : {}) } : {};
      const ticks = ticksBetween(ticksBefore, machineTicks());
      // Outside timing: a batch that left an unhandled rejection anywhere ends the cell (workload-context.ts).
      const rejection = await unhandledRejection(executor!);
      if (rejection) throw new TaskError(rejection);
      return {
        type: 'sample',
        wallMs,
        tasks: tasks * repeat,
        cpuMs,
        ...split,
        runQueueMs,
        ...(ticks ? { machineTicks: ticks } : {}),
        peakRssBytes: after.peakRssBytes,
        latenciesMs: Array.from(latencies, (l) => Math.round(l * 1000) / 1000),
      };
    } catch (error) {
      batchFailure = executor!.translateFailure?.(error) ?? error;
      return undefined;
    }
  };
  if (spec.stepped) {
    // The orchestrator decides when each batch runs (interleaving base and head, see types.ts).
    for await (const command of commands()) {
      if (command.type !== 'batch') continue;
      const sample = await measureBatch();
      if (!sample) break;
      send(sample);
    }
  } else {
    await autonomousBatches(spec, measureBatch, resize);
  }
  if (batchFailure !== undefined) {
    fail(batchFailure instanceof WorkerCrashError ? 'crashed' : 'errored', describeError(batchFailure).replace(/^(TaskError|WorkerCrashError): /, ''), executor);
  }
  const { peakRssBytes } = await executor!.usage();
  // Teardown runs under the watchdog too: one that hangs is a timeout, not a stalled run.
  watchdog.starts[0] = Date.now();
  await executor!.close();
  watchdog.stop();
  send({ type: 'done', peakRssBytes });
  process.exit(0);
}

/**
 * Batches on the host's own clock, discarded while warming up (each may raise the repeat of the
 * samples to come, `resize`), then at least minBatches measured and
 * until sampleTimeMs has passed, at most maxBatches. Warm-up is warmupBatches and at least
 * warmupTimeMs; with warmupMaxMs it lasts until the rate has settled (../../measure/warmup.ts), at
 * most that long, and the host reports how long it took. tinybench drives the loop; own counting
 * keeps this exact whatever tinybench's time and warm-up heuristics would do.
 */
async function autonomousBatches(spec: VisitSpec, measureBatch: () => Promise<HostMessage | undefined>, resize: (warmupSample: { wallMs: number }) => boolean): Promise<void> {
  let measured = 0;
  let warmups = spec.warmupBatches;
  const warmupBegan = performance.now();
  const warmupBatches: WarmupBatch[] = [];
  let warming = true;
  let measuringSince: number | undefined;
  const stop = new AbortController();
  const stillWarming = (sample: { wallMs: number; tasks: number }) => {
    warmupBatches.push({ wallMs: sample.wallMs, tasks: sample.tasks });
    const resized = resize(sample);
    const elapsed = performance.now() - warmupBegan;
    if (--warmups >= 0) return true;
    // One more warm-up sample at the new size: every measured sample holds the same number of batches.
    if (resized) return true;
    if (spec.warmupMaxMs === undefined) return elapsed < (spec.warmupTimeMs ?? 0);
    const decision = warmupDecision(warmupBatches, elapsed, spec.warmupTimeMs ?? 0, spec.warmupMaxMs);
    if (!decision.done) return true;
    send({ type: 'warmed', warmupMs: elapsed, settled: decision.settled });
    return false;
  };
  const oneBatch = async () => {
    if (stop.signal.aborted) return;
    const sample = await measureBatch();
    if (sample?.type !== 'sample') return stop.abort();
    if (warming && stillWarming(sample)) return;
    warming = false;
    send(sample);
    measuringSince ??= performance.now() - sample.wallMs;
    measured++;
    const enough = measured >= spec.minBatches && performance.now() - measuringSince >= spec.sampleTimeMs;
    if (enough || measured >= spec.maxBatches) stop.abort();
  };
  const bench = new Bench({
    time: Number.POSITIVE_INFINITY,
    iterations: Number.MAX_SAFE_INTEGER,
    warmup: false,
    signal: stop.signal,
    throws: true,
  });
  bench.add('batch', oneBatch, { async: true });
  await bench.run();
}

/** Commands of a stepped visit, read from the protocol fd; ends at end of input (the orchestrator is done, or gone). */
async function* commands(): AsyncGenerator<HostCommandMessage> {
  // A blocking read in libuv's thread pool: the fd stays blocking, so send()'s writeSync never sees EAGAIN.
  const input = createInterface({ input: createReadStream('', { fd: PROTOCOL_FD, autoClose: false }) });
  for await (const line of input) {
    try {
      yield JSON.parse(line) as HostCommandMessage;
    } catch {
      // not a command; ignore
    }
  }
}

const spec = JSON.parse(process.env[VISIT_ENV] ?? 'null') as VisitSpec | null;
if (!spec) {
  process.stderr.write(`this is the concurrency-bench host; it is started by concurrency-bench with ${VISIT_ENV} set\n`);
  process.exit(2);
}
// Before the workload is loaded: its output and unhandled rejections are treated alike in every model.
prepareWorkloadContext();
await (spec.mode === 'probe' ? probe(spec) : measure(spec));
