import { Piscina } from 'piscina';
import { ownFile } from '../../../paths.ts';
import { WorkloadLoadError } from '../load-workload.ts';
import { hostCpuMs, hostPeakRssBytes, readThreads, TaskError, threadTimes, WORKER_THREAD, WorkerCrashError, type Executor } from './types.ts';
import type { ControlTask, ThreadTaskMessage } from '../thread-task.ts';

/**
 * thread: a piscina pool of exactly `workers` worker threads, each loading the workload and running
 * setup once, each with `perWorker` tasks in flight: 1 in `thread`; several in `thread+async`, the
 * hybrid piscina offers as concurrentTasksPerWorker (a worker's tasks share its event loop).
 */
export function threadExecutor(modulePath: string, workers: number, perWorker = 1): Executor {
  let pool: Piscina | undefined;
  /** Thread ids of the pool's workers, the task threads (undefined when they cannot be found). */
  let taskThreads: Set<number> | undefined;
  /**
   * One control task on every worker (see ControlTask); settles when all of them have. Sent only
   * when the pool is idle, so even with several tasks per worker (thread+async) each lands on its
   * own: piscina gives a task to an idle worker before a busy one (its LeastBusyBalancer).
   */
  const everyWorker = (kind: ControlTask['concurrencyBench']) => {
    const task: ControlTask = { concurrencyBench: kind, arrived: new SharedArrayBuffer(4), workers, waitMs: 5000 };
    return Promise.allSettled(Array.from({ length: workers }, () => pool!.run(task) as Promise<unknown>));
  };
  return {
    async start() {
      // Threads that exist before the pool (the host's watchdog is a worker thread too) run no task.
      const earlier = new Set((readThreads() ?? []).map((t) => t.tid));
      pool = new Piscina({
        filename: ownFile('runtimes/node/thread-task'),
        minThreads: workers,
        maxThreads: workers,
        // A stable pool: no worker retires mid-measurement.
        idleTimeout: Number.POSITIVE_INFINITY,
        concurrentTasksPerWorker: perWorker,
        // piscina's default ('sync'): what a user who adopts piscina gets. An idle worker blocks in
        // Atomics.wait, so work a task leaves running after it resolves pauses until the next task;
        // 'async' avoids that but costs ~20% more per dispatch (npm run bench measures both paths).
        atomics: 'sync',
        workerData: { modulePath },
        execArgv: process.execArgv,
      });
      const started = pool;
      await new Promise<void>((resolve, reject) => {
        let ready = 0;
        started.on('message', (message: ThreadTaskMessage) => {
          if (message?.concurrencyBench === 'ready' && ++ready === workers) resolve();
          if (message?.concurrencyBench === 'load-error') reject(new WorkloadLoadError(message.error));
        });
        started.on('error', (error: Error) => reject(new WorkloadLoadError(`worker thread failed to start: ${error.message}`)));
      });
      // The worker threads that appeared meanwhile, once every worker is up. Worker threads that
      // setup() starts in a worker come after the pool's own, so with ids allocated in order the
      // pool's are the lowest C. Fewer than C named so (a Node that does not name its threads): no
      // split, and the host reports the old whole-process figures.
      const poolThreads = (readThreads() ?? [])
        .filter((t) => t.name === WORKER_THREAD && !earlier.has(t.tid))
        .map((t) => t.tid)
        .sort((a, b) => a - b);
      if (poolThreads.length >= workers) taskThreads = new Set(poolThreads.slice(0, workers));
    },
    // No wrapper around the promise: the hot path stays exactly piscina's. Failures are translated
    // once, by translateFailure, when the host reports them.
    run: (taskIndex) => pool!.run(taskIndex),
    translateFailure(error) {
      const message = error instanceof Error ? error.message : String(error);
      // piscina reports a worker that died (process.exit in the task, a fatal error) this way.
      if (/^worker exited with code|Terminating worker thread/.test(message)) return new WorkerCrashError(`worker thread died during a task (${message})`);
      return error instanceof Error ? error : new TaskError(message);
    },
    usage: async () => ({ cpuMs: hostCpuMs(), threads: taskThreads && threadTimes((t) => taskThreads!.has(t.tid)), peakRssBytes: hostPeakRssBytes() }),
    async unhandledRejection() {
      const results = await everyWorker('check');
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      return results.map((r) => (r as PromiseFulfilledResult<string | null>).value).find((r) => r !== null) ?? undefined;
    },
    async close() {
      if (!pool) return;
      // teardown() once in every worker (see ControlTask), then the pool goes.
      const results = await everyWorker('teardown');
      await pool.destroy();
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
    destroy() {
      void pool?.destroy();
    },
  };
}
