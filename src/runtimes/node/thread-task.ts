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

/**
 * The task that runs teardown, sent once per worker when the pool closes. piscina cannot address a
 * worker, so each teardown task waits at a barrier until all of them have started: with one task
 * per worker at a time, that puts exactly one on every worker.
 */
export interface TeardownTask {
  concurrencyBench: 'teardown';
  /** Int32 counter shared by the teardown tasks of one close. */
  arrived: SharedArrayBuffer;
  workers: number;
  /** How long a worker waits for the others at the barrier, ms. */
  waitMs: number;
}

function teardownAtBarrier(task: TeardownTask, teardown: () => unknown): unknown {
  const arrived = new Int32Array(task.arrived);
  Atomics.add(arrived, 0, 1);
  Atomics.notify(arrived, 0);
  const deadline = Date.now() + task.waitMs;
  for (let seen = Atomics.load(arrived, 0); seen < task.workers && Date.now() < deadline; seen = Atomics.load(arrived, 0)) {
    Atomics.wait(arrived, 0, seen, Math.max(1, deadline - Date.now()));
  }
  return teardown();
}

const { modulePath } = workerData as { modulePath: string };

export default (async () => {
  try {
    const workload = await loadWorkload(modulePath);
    await workload.setup();
    parentPort?.postMessage({ concurrencyBench: 'ready' } satisfies ThreadTaskMessage);
    return (task: number | TeardownTask) => (typeof task === 'number' ? workload.run(task) : teardownAtBarrier(task, workload.teardown));
  } catch (error) {
    const message = error instanceof Error && error.name === 'WorkloadLoadError' ? error.message : `setup failed: ${describeError(error)}`;
    parentPort?.postMessage({ concurrencyBench: 'load-error', error: message } satisfies ThreadTaskMessage);
    throw error;
  }
})();
