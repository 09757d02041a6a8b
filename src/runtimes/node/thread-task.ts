/**
 * The piscina worker module for the thread model. Its default export is a promise of the task
 * function: piscina awaits it when loading the handler, so importing the workload and running setup
 * happen once per worker thread, before the pool reports ready, outside timing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, loadWorkload } from './load-workload.ts';
import { prepareWorkloadContext, takeUnhandledRejection } from './workload-context.ts';

export type ThreadTaskMessage =
  | { concurrencyBench: 'ready' }
  | { concurrencyBench: 'load-error'; error: string };

/**
 * A task for every worker rather than for the workload: `teardown` runs teardown (when the pool
 * closes), `check` returns the worker's first unhandled rejection or null (see workload-context.ts).
 * piscina cannot address a worker, so each control task waits at a barrier until all of them have
 * started: with one task per worker at a time, that puts exactly one on every worker.
 */
export interface ControlTask {
  concurrencyBench: 'teardown' | 'check';
  /** Int32 counter shared by the control tasks of one round. */
  arrived: SharedArrayBuffer;
  workers: number;
  /** How long a worker waits for the others at the barrier, ms. */
  waitMs: number;
}

function atBarrier(task: ControlTask): void {
  const arrived = new Int32Array(task.arrived);
  Atomics.add(arrived, 0, 1);
  Atomics.notify(arrived, 0);
  const deadline = Date.now() + task.waitMs;
  for (let seen = Atomics.load(arrived, 0); seen < task.workers && Date.now() < deadline; seen = Atomics.load(arrived, 0)) {
    Atomics.wait(arrived, 0, seen, Math.max(1, deadline - Date.now()));
  }
}

async function check(): Promise<string | null> {
  return (await takeUnhandledRejection()) ?? null;
}

const { modulePath } = workerData as { modulePath: string };

export default (async () => {
  prepareWorkloadContext();
  try {
    const workload = await loadWorkload(modulePath);
    await workload.setup();
    parentPort?.postMessage({ concurrencyBench: 'ready' } satisfies ThreadTaskMessage);
    return (task: number | ControlTask) =>
      typeof task === 'number' ? workload.run(task) : (atBarrier(task), task.concurrencyBench === 'check' ? check() : workload.teardown());
  } catch (error) {
    const message = error instanceof Error && error.name === 'WorkloadLoadError' ? error.message : `setup failed: ${describeError(error)}`;
    parentPort?.postMessage({ concurrencyBench: 'load-error', error: message } satisfies ThreadTaskMessage);
    throw error;
  }
})();
