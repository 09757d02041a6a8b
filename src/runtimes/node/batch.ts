import type { Executor } from './executors/types.ts';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * Run tasks 0..tasks-1 with `lanes` tasks in flight; returns the batch wall time in ms and fills
 * `latencies` (per task, ms). A synchronous task is not awaited, so the sequential baseline pays no
 * promise overhead per task. `starts` is the watchdog's view of what each lane is doing.
 */
export async function runBatch(executor: Executor, tasks: number, lanes: number, starts: Float64Array, latencies: Float64Array): Promise<number> {
  let next = 0;
  const lane = async (k: number) => {
    while (next < tasks) {
      const index = next++;
      starts[k] = Date.now();
      const begin = performance.now();
      const result = executor.run(index, k);
      if (isThenable(result)) await result;
      latencies[index] = performance.now() - begin;
      starts[k] = 0;
    }
  };
  const begin = performance.now();
  const running: Promise<void>[] = [];
  for (let k = 0; k < Math.min(lanes, tasks); k++) running.push(lane(k));
  await Promise.all(running);
  return performance.now() - begin;
}
