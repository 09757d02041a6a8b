import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { WorkloadConfig } from '../../src/config/types.ts';
import { killGroup } from '../../src/runtimes/process-groups.ts';
import { VISIT_ENV, type HostMessage, type Runtime, type VisitSpec } from '../../src/runtimes/types.ts';

export interface CountedVisit {
  messages: HostMessage[];
  samples: Array<Extract<HostMessage, { type: 'sample' }>>;
  failure?: Extract<HostMessage, { type: 'failure' }>;
  exitCode: number | null;
  stdoutBytes: number;
  stderrBytes: number;
  stderrTail: string;
}

/**
 * One host started as runVisit starts it (stdio ignore/pipe/pipe, protocol on fd 3, its own process
 * group), except that the bytes it writes to stdout and stderr are counted rather than discarded.
 */
export async function countedVisit(runtime: Runtime, workload: WorkloadConfig, spec: VisitSpec): Promise<CountedVisit> {
  const command = await runtime.hostCommand(workload, spec);
  const child = spawn(command.command, command.args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env, [VISIT_ENV]: JSON.stringify(spec) },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const result: CountedVisit = { messages: [], samples: [], exitCode: null, stdoutBytes: 0, stderrBytes: 0, stderrTail: '' };
  child.stdout!.on('data', (chunk: Buffer) => (result.stdoutBytes += chunk.length));
  child.stderr!.on('data', (chunk: Buffer) => {
    result.stderrBytes += chunk.length;
    result.stderrTail = (result.stderrTail + chunk.toString('latin1')).slice(-2000);
  });
  const timer = setTimeout(() => killGroup(child.pid!), 60_000);
  try {
    const lines = createInterface({ input: child.stdio[3] as Readable });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as HostMessage;
      result.messages.push(message);
      if (message.type === 'sample') result.samples.push(message);
      if (message.type === 'failure') result.failure = message;
    });
    result.exitCode = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  } finally {
    clearTimeout(timer);
    killGroup(child.pid!);
  }
  return result;
}

/** Tasks per second over all measured batches. */
export function tasksPerSecond(samples: ReadonlyArray<{ tasks: number; wallMs: number }>): number {
  const tasks = samples.reduce((sum, s) => sum + s.tasks, 0);
  const wallMs = samples.reduce((sum, s) => sum + s.wallMs, 0);
  return (tasks / wallMs) * 1000;
}
