import type { LoadedWorkload } from '../load-workload.ts';
import { hostCpuMs, hostPeakRssBytes, isMainThread, threadTimes, type Executor } from './types.ts';

/**
 * sequential and async: tasks run on the host's own event loop. With one lane this is the sequential
 * baseline; with C lanes up to C tasks are in flight (a synchronous task still blocks the loop, which
 * is exactly what the measurement should show).
 */
export function inHostExecutor(workload: LoadedWorkload): Executor {
  return {
    async start() {
      await workload.setup();
    },
    run: (taskIndex) => workload.run(taskIndex),
    // The tasks run on the main thread; what libuv's pool does for them is counted apart.
    usage: async () => ({ cpuMs: hostCpuMs(), threads: threadTimes(isMainThread), peakRssBytes: hostPeakRssBytes() }),
    async close() {
      await workload.teardown();
    },
    destroy() {},
  };
}
