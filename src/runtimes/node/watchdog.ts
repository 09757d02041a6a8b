/**
 * The host's watchdog: a worker thread that keeps running while the host's main thread is stuck
 * (a synchronous infinite loop can never time itself out). The main thread writes the start time of
 * the task in flight on each lane into shared memory; the watchdog kills the whole host process when
 * one runs past the timeout, after writing the failure on the protocol fd. It also ends the host
 * when the orchestrator that started it has gone (the host is re-parented).
 */
import { Worker } from 'node:worker_threads';

const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { slots, timeoutMs, fd, parentPid, intervalMs } = workerData;
const starts = new Float64Array(slots);
setInterval(() => {
  const now = Date.now();
  for (let lane = 0; lane < starts.length; lane++) {
    const started = starts[lane];
    if (started > 0 && now - started > timeoutMs) {
      const message = 'a task ran longer than timeoutMs (' + timeoutMs + ' ms) and was killed';
      try { writeSync(fd, JSON.stringify({ type: 'failure', status: 'timed-out', message }) + '\\n'); } catch {}
      process.kill(process.pid, 'SIGKILL');
    }
  }
  if (process.ppid !== parentPid) process.kill(process.pid, 'SIGKILL');
}, intervalMs);
`;

export interface Watchdog {
  /** Start time (Date.now()) of the task in flight per lane; 0 when the lane is idle. */
  starts: Float64Array;
  stop(): void;
}

export function startWatchdog(lanes: number, timeoutMs: number, protocolFd: number): Watchdog {
  const buffer = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT * lanes);
  const worker = new Worker(WATCHDOG_SOURCE, {
    eval: true,
    workerData: {
      slots: buffer,
      timeoutMs,
      fd: protocolFd,
      parentPid: process.ppid,
      intervalMs: Math.max(10, Math.min(250, Math.floor(timeoutMs / 4))),
    },
    // The watchdog must never inherit the workload's loaders or flags.
    execArgv: [],
  });
  worker.unref();
  return { starts: new Float64Array(buffer), stop: () => void worker.terminate() };
}
