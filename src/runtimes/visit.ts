import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Duplex, Readable } from 'node:stream';
import type { WorkloadConfig } from '../config/types.ts';
import type { BatchSample } from '../types.ts';
import { pinned } from './affinity.ts';
import { killGroup, trackGroup } from './process-groups.ts';
import { repositoryEnv } from './repository-env.ts';
import { RuntimeUnavailableError, VISIT_ENV, type HostCommandMessage, type HostMessage, type Runtime, type VisitSpec } from './types.ts';

/**
 * `stalled`: the host sent nothing for options.silenceLimitMs, many times what the visit was
 * expected to cost (the caller decides whether that is the workload's fault: see scheduler.ts).
 */
export type VisitStatus = 'ok' | 'load-error' | 'errored' | 'timed-out' | 'crashed' | 'aborted' | 'unavailable' | 'stalled';

/** What one host process reported for one visit of a cell. */
export interface VisitOutcome {
  status: VisitStatus;
  error?: string;
  env?: Record<string, unknown>;
  startupMs?: number;
  /** How long the host warmed up, and whether its rate settled before the cap (visits with warmupMaxMs). */
  warmup?: { ms: number; settled: boolean };
  samples: BatchSample[];
  peakRssBytes?: number;
  /** Wall time of the whole visit including process start, ms (for budgeting). */
  elapsedMs: number;
}

const TAIL_BYTES = 8192;

/**
 * Drain a stream, keeping its last TAIL_BYTES bytes. Raw bytes, decoded only when asked for: a
 * workload may print megabytes per task, and the drain must keep up with it in every model.
 */
function keepTail(stream: Readable | null): () => string {
  let tail: Buffer = Buffer.alloc(0);
  stream?.on('data', (chunk: Buffer) => {
    tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
  });
  return () => tail.toString('utf8');
}

/** The most telling line of a stderr tail: the last error-looking line, else the last line. */
export function lastErrorLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/(Error|Exception|error:|Traceback|Killed|Aborted)/.test(lines[i]) && !/^\s*at /.test(lines[i])) return lines[i];
  }
  return lines.at(-1) ?? '';
}

/** A running host: what it has reported so far, and (stepped visits) the commands it takes. */
export interface HostSession {
  /** What the host has reported so far; final once `finished` resolves. */
  readonly outcome: VisitOutcome;
  /** Resolves true when the host is ready to measure, false when it ended (or failed) first. */
  readonly ready: Promise<boolean>;
  /** Stepped visits: run one measured batch and resolve with its sample; null when the host ended instead. */
  batch(): Promise<BatchSample | null>;
  /** Stepped visits: let the host finish (teardown, peak memory, exit). */
  stop(): void;
  /** Kill the host's process group (it then ends with the status already set, or `crashed`). */
  kill(): void;
  /** The visit's outcome once the host has exited and its group is gone. */
  readonly finished: Promise<VisitOutcome>;
}

export interface HostOptions {
  signal?: AbortSignal;
  /** The host is killed (`timed-out`) when it has given no result this long after its start (stepped: after its last sample). */
  hardTimeoutMs?: number;
  /**
   * The host is killed (`stalled`) when it sends nothing for this long: no hello, readiness, warm-up
   * report or sample (stepped: counted from the last command too, as a host waiting for one is idle).
   */
  silenceLimitMs?: number;
  /** CPUs to pin the host to. */
  cpus?: readonly number[];
}

/**
 * Run one host process for one visit and collect what it reports. Never throws for anything the
 * workload does; the host's whole process group is killed before this resolves.
 */
export async function runVisit(
  runtime: Runtime,
  workload: WorkloadConfig,
  spec: VisitSpec,
  options: HostOptions = {},
): Promise<VisitOutcome> {
  const session = await startHost(runtime, workload, spec, options);
  return 'finished' in session ? session.finished : session;
}

/**
 * Start one host process for a visit. Autonomous visits measure on their own; stepped ones
 * (spec.stepped) wait for batch() and stop() (see ../runtimes/types.ts). Returns the outcome
 * directly when no process could be started (runtime unavailable, already aborted).
 */
export async function startHost(
  runtime: Runtime,
  workload: WorkloadConfig,
  spec: VisitSpec,
  options: HostOptions = {},
): Promise<HostSession | VisitOutcome> {
  const started = performance.now();
  const outcome: VisitOutcome = { status: 'crashed', samples: [], elapsedMs: 0 };
  let command;
  try {
    command = await runtime.hostCommand(workload, spec);
  } catch (error) {
    if (error instanceof RuntimeUnavailableError) return { ...outcome, status: 'unavailable', error: error.message };
    throw error;
  }
  if (options.signal?.aborted) return { ...outcome, status: 'aborted', error: 'interrupted' };

  // Pinned hosts run under taskset, which execs the host: the pid and process group stay the host's.
  const run = pinned(command.command, command.args, options.cpus);
  const child = spawn(run.command, run.args, {
    cwd: command.cwd,
    env: repositoryEnv({ ...command.env, [VISIT_ENV]: JSON.stringify(spec) }),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) trackGroup(child.pid);
  const stderrTail = keepTail(child.stderr);
  child.stdout?.resume();

  let failure: { status: VisitStatus; message: string } | undefined;
  let done = false;
  let ended = false;
  const kill = () => {
    if (child.pid !== undefined) killGroup(child.pid);
  };
  const onAbort = () => {
    failure ??= { status: 'aborted', message: 'interrupted' };
    kill();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // A backstop beside the host's own watchdog: a host that reports nothing for this long is killed.
  // A stepped visit lasts as long as the orchestrator asks for batches, so there the limit runs
  // from the last sample instead of from the start.
  const hardTimer = options.hardTimeoutMs
    ? setTimeout(() => {
        failure ??= { status: 'timed-out', message: `host gave no result within ${Math.round(options.hardTimeoutMs! / 1000)} s` };
        kill();
      }, options.hardTimeoutMs)
    : undefined;

  // Silence is timed while the host owes an answer: starting, after a command, stopping. A stepped
  // host that answered and waits for its next command is idle, not silent: beside a partner that
  // stalled (interleaved.ts), it would otherwise be stopped as stalled too, and blamed for it.
  let silenceTimer: NodeJS.Timeout | undefined;
  const expectAnswer = () => {
    if (!options.silenceLimitMs || ended) return;
    // Rearmed on every message: refreshed while armed, created anew after an idle spell.
    if (silenceTimer) {
      silenceTimer.refresh();
      return;
    }
    silenceTimer = setTimeout(() => {
      failure ??= { status: 'stalled', message: `the host sent nothing for ${(options.silenceLimitMs! / 1000).toFixed(1)} s` };
      kill();
    }, options.silenceLimitMs);
  };
  const idle = () => {
    clearTimeout(silenceTimer);
    silenceTimer = undefined;
  };
  expectAnswer();

  // Who waits for what: readiness, and (stepped) the sample of the batch asked for last.
  let settleReady: (ready: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (settleReady = resolve));
  let waiting: ((sample: BatchSample | null) => void) | undefined;
  const settleWaiting = (sample: BatchSample | null) => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.(sample);
  };

  // fd 3 is a socket pair: the host writes its messages and, on stepped visits, reads our commands.
  const protocol = child.stdio[3] as Duplex;
  protocol.on('error', () => {}); // a host that died mid-command; its exit tells what happened
  const lines = createInterface({ input: protocol });
  // readline passes its input's errors on: a host killed with a command still unread resets the
  // socket (ECONNRESET), which unheard would be an uncaught exception in this process.
  lines.on('error', () => {});
  lines.on('line', (line) => {
    expectAnswer();
    let message: HostMessage;
    try {
      message = JSON.parse(line) as HostMessage;
    } catch {
      return; // not ours; the protocol fd carries only our JSON lines
    }
    switch (message.type) {
      case 'hello':
        outcome.env = message.env;
        break;
      case 'ready':
        outcome.startupMs = message.startupMs;
        if (spec.stepped) idle();
        settleReady(true);
        break;
      case 'warmed':
        outcome.warmup = { ms: message.warmupMs, settled: message.settled };
        break;
      case 'sample': {
        const sample: BatchSample = {
          wallMs: message.wallMs,
          tasks: message.tasks,
          cpuMs: message.cpuMs,
          ...(typeof message.taskCpuMs === 'number' ? { taskCpuMs: message.taskCpuMs } : {}),
          ...(typeof message.poolCpuMs === 'number' ? { poolCpuMs: message.poolCpuMs } : {}),
          latenciesMs: message.latenciesMs,
          ...(typeof message.runQueueMs === 'number' ? { runQueueMs: message.runQueueMs } : {}),
          ...(typeof message.machineTicks?.busy === 'number' && typeof message.machineTicks.steal === 'number'
            ? { machineTicks: { busy: message.machineTicks.busy, steal: message.machineTicks.steal } }
            : {}),
          ...(typeof message.peakRssBytes === 'number' && Number.isFinite(message.peakRssBytes) ? { peakRssBytes: message.peakRssBytes } : {}),
        };
        outcome.samples.push(sample);
        if (spec.stepped) {
          hardTimer?.refresh();
          idle();
        }
        settleWaiting(sample);
        break;
      }
      case 'done':
        outcome.peakRssBytes = message.peakRssBytes;
        done = true;
        break;
      case 'failure':
        failure ??= { status: message.status, message: message.message };
        settleWaiting(null);
        // The host reported its own end; make sure nothing it started outlives it.
        setTimeout(kill, 200).unref();
        break;
    }
  });
  const send = (message: HostCommandMessage) => {
    if (!ended && protocol.writable) {
      expectAnswer();
      protocol.write(JSON.stringify(message) + '\n');
    }
  };

  const finished = (async (): Promise<VisitOutcome> => {
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, spawnError: error }));
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    ended = true;
    clearTimeout(hardTimer);
    clearTimeout(silenceTimer);
    options.signal?.removeEventListener('abort', onAbort);
    kill();
    settleReady(false);
    settleWaiting(null);
    outcome.elapsedMs = performance.now() - started;

    if (exit.spawnError) {
      return Object.assign(outcome, { status: 'unavailable' as const, error: `could not start ${command.command}: ${exit.spawnError.message}` });
    }
    if (failure) return Object.assign(outcome, { status: failure.status, error: failure.message });
    if (done || (spec.mode === 'probe' && outcome.env && exit.code === 0)) return Object.assign(outcome, { status: 'ok' as const });
    const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const detail = lastErrorLine(stderrTail());
    const phase = outcome.startupMs === undefined ? 'while starting' : 'during the measurement (a task called process.exit() or crashed it)';
    return Object.assign(outcome, { status: 'crashed' as const, error: `host process ${how} ${phase}${detail ? `: ${detail}` : ''}` });
  })();

  return {
    outcome,
    ready,
    finished,
    kill,
    batch() {
      if (ended || failure) return Promise.resolve(null);
      return new Promise<BatchSample | null>((resolve) => {
        waiting = resolve;
        send({ type: 'batch' });
      });
    },
    stop() {
      // End of input, not a "stop" line: the host's pending blocking read then returns, and a Node
      // host whose thread pool still sat in read(2) would not exit.
      if (!ended && protocol.writable) {
        expectAnswer();
        protocol.end();
      }
    },
  };
}
