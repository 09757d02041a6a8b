import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { killGroup } from '../../../src/runtimes/process-groups.ts';
import { pythonRuntime } from '../../../src/runtimes/python/runtime.ts';
import { VISIT_ENV } from '../../../src/runtimes/types.ts';
import type { Model } from '../../../src/types.ts';
import { leftovers, markerEnv, processesMarked, specFor, visit, workload } from './helpers.ts';

type Case = { title: string; declared: Record<string, unknown>; model: Model; status: string; error: RegExp; concurrency?: number };

const cases: Case[] = [
  {
    title: 'an import error is a load-error quoting the traceback\'s last line',
    declared: { module: 'import_error.py' },
    model: 'sequential',
    status: 'load-error',
    error: /^ModuleNotFoundError: No module named 'concurrency_bench_no_such_module'$/,
  },
  {
    title: 'a syntax error is a load-error naming file and line',
    declared: { module: 'syntax_error.py' },
    model: 'process',
    status: 'load-error',
    error: /^SyntaxError: .+ \(syntax_error\.py, line 1\)$/,
  },
  {
    title: 'a missing function is a load-error naming it',
    declared: { module: 'faults.py', function: 'missing' },
    model: 'async',
    status: 'load-error',
    error: /faults\.py has no function 'missing'/,
  },
  {
    title: 'a function name bound to something else is a load-error',
    declared: { module: 'faults.py', function: 'not_a_function' },
    model: 'thread',
    status: 'load-error',
    error: /not_a_function in faults\.py is not callable \(it is of type int\)/,
  },
  {
    title: 'setup() raising in the worker processes is a load-error',
    declared: { module: 'failing_setup.py', startMethod: 'forkserver' },
    model: 'process',
    status: 'load-error',
    error: /^setup\(\) failed: RuntimeError: no database here \(in worker process \d+\)$/,
  },
  {
    title: 'a task raising in a thread is `errored` with ExcType: message',
    declared: { module: 'faults.py', function: 'raises' },
    model: 'thread',
    status: 'errored',
    error: /^ValueError: boom on task 3$/,
  },
  {
    title: 'a task raising in a worker process is `errored` with ExcType: message',
    declared: { module: 'faults.py', function: 'raises' },
    model: 'process',
    status: 'errored',
    error: /^ValueError: boom on task 3$/,
  },
  {
    title: 'a task hanging on the event loop is timed-out',
    declared: { module: 'faults.py', function: 'hangs', timeoutMs: 400 },
    model: 'async',
    status: 'timed-out',
    error: /^task 1 ran longer than timeoutMs \(400 ms\) and was killed$/,
  },
  {
    title: 'a task hanging in a worker process is timed-out, and the workers die with the host',
    declared: { module: 'faults.py', function: 'hangs', timeoutMs: 400 },
    model: 'process',
    status: 'timed-out',
    error: /^task 1 ran longer than timeoutMs \(400 ms\) and was killed$/,
  },
  {
    title: 'a setup() that hangs in the worker processes is timed-out during start-up',
    declared: { module: 'hanging_setup.py', timeoutMs: 400, startMethod: 'spawn' },
    model: 'process',
    status: 'timed-out',
    error: /^start-up \(import, setup\(\) and pool start\) ran longer than timeoutMs \(400 ms\) and was killed$/,
  },
  {
    title: 'a worker process killed by a signal is crashed, naming the signal',
    declared: { module: 'faults.py', function: 'dies' },
    model: 'process',
    status: 'crashed',
    error: /^worker process \d+ was killed by SIGKILL \(BrokenProcessPool\)$/,
  },
  // The hybrids at 4 in flight: 2 workers (one per core here) with 2 tasks in flight on each loop.
  ...(['thread+async', 'process+async'] as const).flatMap((model): Case[] => [
    { title: `${model}: a task raising on a worker's loop is \`errored\` with ExcType: message`, declared: { module: 'faults.py', function: 'raises' }, model, concurrency: 4, status: 'errored', error: /^ValueError: boom on task 3$/ },
    { title: `${model}: a task hanging on a worker's loop is timed-out`, declared: { module: 'faults.py', function: 'hangs', timeoutMs: 400 }, model, concurrency: 4, status: 'timed-out', error: /^task 1 ran longer than timeoutMs \(400 ms\) and was killed$/ },
  ]),
  {
    title: 'process+async: a worker process killed by a signal is crashed, naming the signal',
    declared: { module: 'faults.py', function: 'dies' },
    model: 'process+async',
    concurrency: 4,
    status: 'crashed',
    error: /^worker process \d+ was killed by SIGKILL \(BrokenProcessPool\)$/,
  },
  {
    title: 'thread+async: a task that ends the process is crashed',
    declared: { module: 'faults.py', function: 'exits' },
    model: 'thread+async',
    concurrency: 4,
    status: 'crashed',
    error: /exit/,
  },
];

describe('python host: faults', () => {
  for (const c of cases) {
    it(c.title, async () => {
      const w = workload(c.declared);
      const began = Date.now();
      const outcome = await visit(w, specFor(w, c.model, c.concurrency ?? 2));
      expect({ status: outcome.status, error: outcome.error }).toEqual({ status: c.status, error: expect.stringMatching(c.error) });
      expect(outcome.samples).toEqual([]);
      expect(outcome.leftovers).toEqual([]);
      expect(Date.now() - began).toBeLessThan(15_000);
    });
  }

  it('a probe of a module that does not load still reports the environment, then the load-error', async () => {
    const w = workload({ module: 'import_error.py' });
    const outcome = await visit(w, { ...specFor(w, 'sequential', 1), mode: 'probe' });
    expect(outcome.status).toBe('load-error');
    expect(outcome.error).toMatch(/^ModuleNotFoundError: /);
    expect(outcome.env).toMatchObject({ implementation: 'CPython', gilEnabled: true });
  });

  it('the host and its workers exit when the process that started them dies', async () => {
    const w = workload({ module: 'faults.py', function: 'hangs', timeoutMs: 120_000 });
    const command = await pythonRuntime.hostCommand(w, specFor(w, 'process', 2));
    const marker = `${process.pid}-orphan`;
    // A stand-in orchestrator: a shell that starts the host (protocol fd 3 open), prints its pid
    // once the host is measuring, then waits. We kill only the shell.
    const script = `"$0" "$1" 3>&1 & echo "pid $!"; wait`;
    const parent = spawn('/bin/sh', ['-c', script, command.command, ...command.args], {
      cwd: command.cwd,
      env: { ...process.env, ...markerEnv(marker), [VISIT_ENV]: JSON.stringify(specFor(w, 'process', 2)) },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    let hostPid = 0;
    try {
      for await (const line of createInterface({ input: parent.stdout! })) {
        if (line.startsWith('pid ')) hostPid = Number(line.slice(4));
        if (line.includes('"ready"')) break;
      }
      expect(hostPid).toBeGreaterThan(0);
      // Host + 2 workers (+ the shell, which carries the marker too).
      expect(processesMarked(marker).length).toBeGreaterThanOrEqual(4);
      process.kill(parent.pid!, 'SIGKILL');
      expect(await leftovers(marker, 5000)).toEqual([]);
    } finally {
      killGroup(parent.pid!);
      if (hostPid > 0) killGroup(hostPid); // the host leads its own group
    }
  });
});
