/**
 * The piscina worker module for the thread model. Its default export is a promise of the task
 * function: piscina awaits it when loading the handler, so importing the workload and running setup
 * happen once per worker thread, before the pool reports ready, outside timing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, loadWorkload } from './load-workload.ts';

export type ThreadTaskMessage =
  | { concurrencyBench: 'ready' }
  | { concurrencyBench: 'load-error'; error: string };

const { modulePath } = workerData as { modulePath: string };

export default (async () => {
  try {
    const workload = await loadWorkload(modulePath);
    await workload.setup();
    parentPort?.postMessage({ concurrencyBench: 'ready' } satisfies ThreadTaskMessage);
    return (taskIndex: number) => workload.run(taskIndex);
  } catch (error) {
    const message = error instanceof Error && error.name === 'WorkloadLoadError' ? error.message : `setup failed: ${describeError(error)}`;
    parentPort?.postMessage({ concurrencyBench: 'load-error', error: message } satisfies ThreadTaskMessage);
    throw error;
  }
})();
