import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { WorkloadConfig } from '../config/types.ts';
import type { BatchSample } from '../types.ts';
import { pinned } from './affinity.ts';
import { killGroup, trackGroup } from './process-groups.ts';
import { RuntimeUnavailableError, VISIT_ENV, type HostMessage, type Runtime, type VisitSpec } from './types.ts';

export type VisitStatus = 'ok' | 'load-error' | 'errored' | 'timed-out' | 'crashed' | 'aborted' | 'unavailable';

/** What one host process reported for one visit of a cell. */
export interface VisitOutcome {
  status: VisitStatus;
  error?: string;
  env?: Record<string, unknown>;
  startupMs?: number;
  samples: BatchSample[];
  peakRssBytes?: number;
  /** Wall time of the whole visit including process start, ms (for budgeting). */
  elapsedMs: number;
}

const TAIL_BYTES = 8192;

function keepTail(stream: Readable | null): () => string {
  let tail = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-TAIL_BYTES);
  });
  return () => tail;
}

/** The most telling line of a stderr tail: the last error-looking line, else the last line. */
export function lastErrorLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/(Error|Exception|error:|Traceback|Killed|Aborted)/.test(lines[i]) && !/^\s*at /.test(lines[i])) return lines[i];
  }
  return lines.at(-1) ?? '';
}

/**
 * Run one host process for one visit and collect what it reports. Never throws for anything the
 * workload does; the host's whole process group is killed before this resolves.
 */
export async function runVisit(
  runtime: Runtime,
  workload: WorkloadConfig,
  spec: VisitSpec,
  options: { signal?: AbortSignal; hardTimeoutMs?: number; cpus?: readonly number[] } = {},
): Promise<VisitOutcome> {
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
    env: { ...process.env, ...command.env, [VISIT_ENV]: JSON.stringify(spec) },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) trackGroup(child.pid);
  const stderrTail = keepTail(child.stderr);
  child.stdout?.resume();

  let failure: { status: VisitStatus; message: string } | undefined;
  let done = false;
  const kill = () => {
    if (child.pid !== undefined) killGroup(child.pid);
  };
  const onAbort = () => {
    failure ??= { status: 'aborted', message: 'interrupted' };
    kill();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const hardTimer = options.hardTimeoutMs
    ? setTimeout(() => {
        failure ??= { status: 'timed-out', message: `host gave no result within ${Math.round(options.hardTimeoutMs! / 1000)} s` };
        kill();
      }, options.hardTimeoutMs)
    : undefined;

  const protocol = child.stdio[3] as Readable;
  const lines = createInterface({ input: protocol });
  lines.on('line', (line) => {
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
        break;
      case 'sample':
        outcome.samples.push({
          wallMs: message.wallMs,
          tasks: message.tasks,
          cpuMs: message.cpuMs,
          latenciesMs: message.latenciesMs,
          ...(typeof message.runQueueMs === 'number' ? { runQueueMs: message.runQueueMs } : {}),
          ...(typeof message.machineTicks?.busy === 'number' && typeof message.machineTicks.steal === 'number'
            ? { machineTicks: { busy: message.machineTicks.busy, steal: message.machineTicks.steal } }
            : {}),
        });
        break;
      case 'done':
        outcome.peakRssBytes = message.peakRssBytes;
        done = true;
        break;
      case 'failure':
        failure ??= { status: message.status, message: message.message };
        // The host reported its own end; make sure nothing it started outlives it.
        setTimeout(kill, 200).unref();
        break;
    }
  });

  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, spawnError: error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(hardTimer);
  options.signal?.removeEventListener('abort', onAbort);
  kill();
  outcome.elapsedMs = performance.now() - started;

  if (exit.spawnError) {
    return { ...outcome, status: 'unavailable', error: `could not start ${command.command}: ${exit.spawnError.message}` };
  }
  if (failure) return { ...outcome, status: failure.status, error: failure.message };
  if (done || (spec.mode === 'probe' && outcome.env && exit.code === 0)) return { ...outcome, status: 'ok' };
  const how = exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const detail = lastErrorLine(stderrTail());
  const phase = outcome.startupMs === undefined ? 'while starting' : 'during the measurement (a task called process.exit() or crashed it)';
  return { ...outcome, status: 'crashed', error: `host process ${how} ${phase}${detail ? `: ${detail}` : ''}` };
}
