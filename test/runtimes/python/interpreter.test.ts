import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.ts';
import { findPython } from '../../../src/runtimes/python/interpreter.ts';
import { harnessPath, pythonRuntime, workingDirectory } from '../../../src/runtimes/python/runtime.ts';
import { RuntimeUnavailableError } from '../../../src/runtimes/types.ts';
import { FIXTURES, specFor, visit, workload } from './helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cb-python-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in interpreter: answers the version inspection with `lines`, and logs each call. */
function fakePython(dir: string, name: string, body: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\necho call >> "${file}.calls"\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('python interpreter discovery', () => {
  it('finds python3 by default, at least 3.9, and starts the harness with its sys.executable', async () => {
    const found = await findPython(undefined, FIXTURES);
    const [major, minor] = found.version.split('.').map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(309);
    expect(found.implementation).toBe('CPython');
    expect(existsSync(found.executable)).toBe(true);

    const w = workload({ module: 'busy.py' });
    const command = await pythonRuntime.hostCommand(w, specFor(w, 'sequential', 1));
    expect(command).toEqual({ command: found.executable, args: [harnessPath()], cwd: FIXTURES.replace(/\/$/, '') });
    expect(existsSync(command.args[0])).toBe(true);
  });

  it('runs a project venv named by a path relative to the config file, keeping the venv in effect', async () => {
    const project = join(scratch, 'project');
    mkdirSync(project);
    execFileSync('python3', ['-m', 'venv', '--without-pip', join(project, '.venv')]);
    writeFileSync(
      join(project, 'in_venv.py'),
      'import sys\nif sys.prefix == sys.base_prefix:\n    raise RuntimeError("not running in the venv")\n\ndef run(index):\n    pass\n',
    );
    const config = parseConfig({ workloads: [{ name: 'v', runtime: 'python', module: 'in_venv.py', python: '.venv/bin/python', startMethod: 'spawn', tasks: 2 }] }, join(project, 'concurrency-bench.config.json'));
    const w = { ...config.workloads[0], configDir: project };
    const probe = await visit(w, { ...specFor(w, 'process', 2), mode: 'probe' });
    expect(probe.status, probe.error).toBe('ok');
    expect(probe.env?.executable).toBe(join(project, '.venv', 'bin', 'python'));
    const measured = await visit(w, specFor(w, 'process', 2));
    expect(measured.status, measured.error).toBe('ok');
  });

  it('reports a missing interpreter as unavailable, with the name that was tried', async () => {
    const w = workload({ module: 'busy.py', python: join(scratch, 'no-such-python') });
    const outcome = await visit(w, specFor(w, 'sequential', 1));
    expect(outcome.status).toBe('unavailable');
    expect(outcome.error).toMatch(/no usable Python interpreter: ".*no-such-python" not found/);
  });

  it('rejects an interpreter older than 3.9 and checks each interpreter only once', async () => {
    const old = fakePython(join(scratch, 'old'), 'python', 'echo 3.8.10; echo CPython; echo /usr/bin/python3.8');
    const w = workload({ module: 'busy.py', python: old });
    const first = await visit(w, specFor(w, 'sequential', 1));
    const second = await visit(w, specFor(w, 'thread', 2));
    for (const outcome of [first, second]) {
      expect(outcome.status).toBe('unavailable');
      expect(outcome.error).toContain('is Python 3.8.10, older than 3.9');
    }
    expect(readFileSync(`${old}.calls`, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('says why an interpreter that does not run is unusable', async () => {
    const broken = fakePython(join(scratch, 'broken'), 'python', 'echo "cannot open shared object libpython" >&2; exit 127');
    await expect(findPython(broken, scratch)).rejects.toThrow(/does not run \(cannot open shared object libpython\)/);
  });

  it('falls back to `python` when there is no python3, and says so when there is neither', async () => {
    const onlyPython = join(scratch, 'only-python');
    fakePython(onlyPython, 'python', `echo 3.10.4; echo CPython; echo ${onlyPython}/python`);
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const path = process.env.PATH;
    try {
      process.env.PATH = onlyPython;
      await expect(findPython(undefined, onlyPython)).resolves.toEqual({ executable: `${onlyPython}/python`, version: '3.10.4', implementation: 'CPython' });
      process.env.PATH = empty;
      const failure = findPython(undefined, empty);
      await expect(failure).rejects.toThrow(RuntimeUnavailableError);
      await expect(failure).rejects.toThrow(/"python3" not found; "python" not found; install Python 3.9 or newer/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('python host working directory', () => {
  it('is the config directory', () => {
    const nested = workload({ module: 'pkg/helper.py' });
    expect(workingDirectory({ ...nested, configDir: '/somewhere/else' })).toBe('/somewhere/else');
  });
});
