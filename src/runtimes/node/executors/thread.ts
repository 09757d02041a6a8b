import { Piscina } from 'piscina';
import { ownFile } from '../../../paths.ts';
import { WorkloadLoadError } from '../load-workload.ts';
import { hostCpuMs, hostPeakRssBytes, TaskError, WorkerCrashError, type Executor } from './types.ts';
import type { ThreadTaskMessage } from '../thread-task.ts';

/** thread: a piscina pool of exactly C worker threads, each loading the workload and running setup once. */
export function threadExecutor(modulePath: string, concurrency: number): Executor {
  let pool: Piscina | undefined;
  return {
    async start() {
      pool = new Piscina({
        filename: ownFile('runtimes/node/thread-task'),
        minThreads: concurrency,
        maxThreads: concurrency,
        // A stable pool: no worker retires mid-measurement.
        idleTimeout: Number.POSITIVE_INFINITY,
        concurrentTasksPerWorker: 1,
        // 'async': an idle worker must not block in Atomics.wait, or timers a task left behind freeze.
        atomics: 'async',
        workerData: { modulePath },
        execArgv: process.execArgv,
      });
      const started = pool;
      await new Promise<void>((resolve, reject) => {
        let ready = 0;
        started.on('message', (message: ThreadTaskMessage) => {
          if (message?.concurrencyBench === 'ready' && ++ready === concurrency) resolve();
          if (message?.concurrencyBench === 'load-error') reject(new WorkloadLoadError(message.error));
        });
        started.on('error', (error: Error) => reject(new WorkloadLoadError(`worker thread failed to start: ${error.message}`)));
      });
    },
    run(taskIndex) {
      return pool!.run(taskIndex).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        // piscina reports a worker that died (process.exit in the task, a fatal error) this way.
        if (/^worker exited with code|Terminating worker thread/.test(message)) throw new WorkerCrashError(`worker thread died during a task (${message})`);
        throw error instanceof Error ? error : new TaskError(message);
      });
    },
    cpuMs: async () => hostCpuMs(),
    peakRssBytes: async () => hostPeakRssBytes(),
    async close() {
      await pool?.destroy();
    },
    destroy() {
      void pool?.destroy();
    },
  };
}
