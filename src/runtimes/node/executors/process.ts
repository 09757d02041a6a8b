import { fork, type ChildProcess } from 'node:child_process';
import { ownFile } from '../../../paths.ts';
import { WorkloadLoadError } from '../load-workload.ts';
import { CHILD_MODULE_ENV, type FromChild } from '../process-protocol.ts';
import { repositoryEnv } from '../../repository-env.ts';
import { hostCpuMs, hostPeakRssBytes, sumThreadTimes, TaskError, threadTimes, WorkerCrashError, type Executor } from './types.ts';

interface Pending<T> {
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/**
 * One child process, serving `slots` lanes: in `process` one (a lane has at most one task in flight,
 * so replies need no ids and there is no queue: this keeps the model's dispatch cost near a bare fork
 * IPC round trip), in `process+async` several, each reply naming its slot.
 */
class ChildWorker {
  readonly child: ChildProcess;
  /** The task in flight in each slot. */
  private readonly tasks: Array<Pending<void> | undefined>;
  private control: Pending<FromChild> | undefined;
  private exited: string | undefined;
  readonly ready: Promise<void>;

  private readonly slots: number;

  constructor(modulePath: string, slots: number) {
    this.slots = slots;
    this.tasks = new Array<Pending<void> | undefined>(slots);
    this.child = fork(ownFile('runtimes/node/process-child'), [], {
      env: repositoryEnv({ [CHILD_MODULE_ENV]: modulePath }),
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.control = {
        resolve: (message) => (message !== 0 && !Array.isArray(message) && message.type === 'ready' ? resolve() : reject(new WorkloadLoadError((message as { error: string }).error))),
        reject,
      };
    });
    this.child.on('message', (message: FromChild) => this.onMessage(message));
    this.child.on('exit', (code, signal) => {
      this.exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      // Every task in flight in it fails, and only those: the other children go on.
      for (let slot = 0; slot < this.slots; slot++) this.settle(slot, new WorkerCrashError(`child process ${this.exited} during a task`));
      this.control?.reject(new WorkerCrashError(`child process ${this.exited}`));
      this.control = undefined;
    });
  }

  private settle(slot: number, error?: Error) {
    const task = this.tasks[slot];
    if (!task) return;
    this.tasks[slot] = undefined;
    if (error) task.reject(error);
    else task.resolve();
  }

  private onMessage(message: FromChild) {
    if (message === 0) this.settle(0);
    else if (Array.isArray(message)) this.settle(message[0]);
    else if (message.type === 'task-error') this.settle(message.slot ?? 0, new TaskError(message.error));
    else {
      const control = this.control;
      this.control = undefined;
      control?.resolve(message);
    }
  }

  run(taskIndex: number, slot: number): Promise<void> {
    if (this.exited) return Promise.reject(new WorkerCrashError(`child process ${this.exited}`));
    return new Promise<void>((resolve, reject) => {
      this.tasks[slot] = { resolve, reject };
      this.child.send(this.slots === 1 ? taskIndex : [taskIndex, slot]);
    });
  }

  request(message: { type: 'stats' | 'check' | 'teardown' }): Promise<FromChild> {
    if (this.exited) return Promise.reject(new WorkerCrashError(`child process ${this.exited}`));
    return new Promise<FromChild>((resolve, reject) => {
      this.control = { resolve, reject };
      this.child.send(message);
    });
  }
}

/**
 * process: `workers` child processes, each loading the workload and running setup once, each with
 * `perWorker` tasks in flight (1 in `process`; several in `process+async`, where a child runs them
 * at once on its event loop). Lane k runs on child k mod workers, in its slot k div workers.
 */
export function processExecutor(modulePath: string, workers: number, perWorker = 1): Executor {
  const children: ChildWorker[] = [];
  const stats = async () =>
    (await Promise.all(children.map((child) => child.request({ type: 'stats' })))) as Array<Extract<FromChild, { type: 'stats' }>>;
  return {
    async start() {
      for (let k = 0; k < workers; k++) children.push(new ChildWorker(modulePath, perWorker));
      await Promise.all(children.map((child) => child.ready));
    },
    run: (taskIndex, lane) => children[lane % workers].run(taskIndex, Math.floor(lane / workers)),
    async usage() {
      const hostCpu = hostCpuMs();
      // The host only dispatches: none of its threads runs a task, but its libuv pool counts as pool.
      const hostThreads = threadTimes(() => false);
      const children = await stats();
      const threads = sumThreadTimes([hostThreads, ...children.map((s) => s.threads)]);
      return {
        cpuMs: hostCpu + children.reduce((sum, s) => sum + s.cpuMs, 0),
        threads,
        peakRssBytes: hostPeakRssBytes() + children.reduce((sum, s) => sum + s.maxRssBytes, 0),
      };
    },
    async unhandledRejection() {
      const replies = (await Promise.all(children.map((child) => child.request({ type: 'check' })))) as Array<Extract<FromChild, { type: 'checked' }>>;
      return replies.find((reply) => reply.unhandledRejection)?.unhandledRejection;
    },
    async close() {
      await Promise.all(children.map((child) => child.request({ type: 'teardown' })));
      for (const child of children) child.child.disconnect();
    },
    destroy() {
      for (const child of children) child.child.kill('SIGKILL');
    },
  };
}
