/** A child process of the process model: loads the workload, runs setup once, then serves tasks over IPC. */
import { isMainThread, threadTimes } from './executors/types.ts';
import { describeError, loadWorkload, type LoadedWorkload } from './load-workload.ts';
import { CHILD_MODULE_ENV, type FromChild, type ToChild } from './process-protocol.ts';
import { prepareWorkloadContext, takeUnhandledRejection } from './workload-context.ts';

prepareWorkloadContext();

const send = (message: FromChild) => process.send!(message);
const ok = () => send(0);
const failed = (error: unknown) => send({ type: 'task-error', error: describeError(error) });

// The host owns this process: when it goes away, so do we.
process.on('disconnect', () => process.exit(0));

let workload: LoadedWorkload;
try {
  workload = await loadWorkload(process.env[CHILD_MODULE_ENV]!);
  await workload.setup();
} catch (error) {
  send({ type: 'load-error', error: error instanceof Error && error.name === 'WorkloadLoadError' ? error.message : `setup failed: ${describeError(error)}` });
  process.exit(1);
}

process.on('message', (message: ToChild) => {
  if (typeof message === 'number') {
    try {
      const result = workload.run(message) as { then?: unknown } | undefined;
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        (result as Promise<unknown>).then(ok, failed);
      } else {
        ok();
      }
    } catch (error) {
      failed(error);
    }
  } else if (message.type === 'stats') {
    const usage = process.resourceUsage();
    const threads = threadTimes(isMainThread);
    send({ type: 'stats', cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssBytes: usage.maxRSS * 1024, ...(threads ? { threads } : {}) });
  } else if (message.type === 'check') {
    void takeUnhandledRejection().then((unhandledRejection) => send({ type: 'checked', ...(unhandledRejection ? { unhandledRejection } : {}) }));
  } else if (message.type === 'teardown') {
    Promise.resolve()
      .then(() => workload.teardown())
      .finally(() => send({ type: 'torn-down' }));
  }
});
send({ type: 'ready' });
