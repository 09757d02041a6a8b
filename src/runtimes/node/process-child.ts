/**
 * A child process of the process models: loads the workload, runs setup once, then serves tasks over
 * IPC. In process+async several tasks are in flight at once, each acknowledged with its slot.
 */
import { isMainThread, threadTimes } from './executors/types.ts';
import { describeError, loadWorkload, type LoadedWorkload } from './load-workload.ts';
import { CHILD_MODULE_ENV, type FromChild, type ToChild } from './process-protocol.ts';
import { prepareWorkloadContext, takeUnhandledRejection } from './workload-context.ts';

prepareWorkloadContext();

const send = (message: FromChild) => process.send!(message);
const ok = () => send(0);
const failed = (error: unknown) => send({ type: 'task-error', error: describeError(error) });
const okIn = (slot: number) => () => send([slot]);
const failedIn = (slot: number) => (error: unknown) => send({ type: 'task-error', error: describeError(error), slot });

/** Run one task; `done` and `error` report it (a synchronous task is not awaited). */
function runTask(index: number, done: () => void, error: (reason: unknown) => void): void {
  try {
    const result = workload.run(index) as { then?: unknown } | undefined;
    if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
      (result as Promise<unknown>).then(done, error);
    } else {
      done();
    }
  } catch (reason) {
    error(reason);
  }
}

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
    runTask(message, ok, failed);
  } else if (Array.isArray(message)) {
    runTask(message[0], okIn(message[1]), failedIn(message[1]));
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
