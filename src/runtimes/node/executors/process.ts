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
 * One child process bound to one lane. A lane has at most one task in flight, so replies need no ids
 * and there is no queue: this keeps the process model's dispatch cost near a bare fork IPC round trip.
 */
class ChildLane {
  readonly child: ChildProcess;
  private task: Pending<void> | undefined;
  private control: Pending<FromChild> | undefined;
  private exited: string | undefined;
  readonly ready: Promise<void>;

  constructor(modulePath: string) {
    this.child = fork(ownFile('runtimes/node/process-child'), [], {
      env: repositoryEnv({ [CHILD_MODULE_ENV]: modulePath }),
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise<void>((resolve, reject) => {
      this.control = {
        resolve: (message) => (message !== 0 && message.type === 'ready' ? resolve() : reject(new WorkloadLoadError((message as { error: string }).error))),
        reject,
      };
    });
    this.child.on('message', (message: FromChild) => this.onMessage(message));
    this.child.on('exit', (code, signal) => {
      this.exited = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const error = new WorkerCrashError(`child process ${this.exited} during a task`);
      this.task?.reject(error);
      this.control?.reject(new WorkerCrashError(`child process ${this.exited}`));
      this.task = this.control = undefined;
    });
  }

  private onMessage(message: FromChild) {
    if (message === 0) {
      const task = this.task!;
      this.task = undefined;
      task.resolve();
    } else if (message.type === 'task-error') {
      const task = this.task!;
      this.task = undefined;
      task.reject(new TaskError(message.error));
    } else {
      const control = this.control;
      this.control = undefined;
      control?.resolve(message);
    }
  }

  run(taskIndex: number): Promise<void> {
    if (this.exited) return Promise.reject(new WorkerCrashError(`child process ${this.exited}`));
    return new Promise<void>((resolve, reject) => {
      this.task = { resolve, reject };
      this.child.send(taskIndex);
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

/** process: C child processes, each loading the workload and running setup once. */
export function processExecutor(modulePath: string, concurrency: number): Executor {
  const lanes: ChildLane[] = [];
  const stats = async () =>
    (await Promise.all(lanes.map((lane) => lane.request({ type: 'stats' })))) as Array<Extract<FromChild, { type: 'stats' }>>;
  return {
    async start() {
      for (let k = 0; k < concurrency; k++) lanes.push(new ChildLane(modulePath));
      await Promise.all(lanes.map((lane) => lane.ready));
    },
    run: (taskIndex, lane) => lanes[lane].run(taskIndex),
    async usage() {
      const hostCpu = hostCpuMs();
      // The host only dispatches: none of its threads runs a task, but its libuv pool counts as pool.
      const hostThreads = threadTimes(() => false);
      const children = await stats();
      const threads = sumThreadTimes([hostThreads, ...children.map((s) => s.threads)]);
      return { cpuMs: hostCpu + children.reduce((sum, s) => sum + s.cpuMs, 0), threads };
    },
    async peakRssBytes() {
      return hostPeakRssBytes() + (await stats()).reduce((sum, s) => sum + s.maxRssBytes, 0);
    },
    async unhandledRejection() {
      const replies = (await Promise.all(lanes.map((lane) => lane.request({ type: 'check' })))) as Array<Extract<FromChild, { type: 'checked' }>>;
      return replies.find((reply) => reply.unhandledRejection)?.unhandledRejection;
    },
    async close() {
      await Promise.all(lanes.map((lane) => lane.request({ type: 'teardown' })));
      for (const lane of lanes) lane.child.disconnect();
    },
    destroy() {
      for (const lane of lanes) lane.child.kill('SIGKILL');
    },
  };
}
