import { execFile } from 'node:child_process';
import { RuntimeUnavailableError } from '../types.ts';
import { repositoryEnv } from '../repository-env.ts';

/** Oldest Python the harness supports (it uses only the standard library of 3.9). */
export const MIN_PYTHON: readonly [number, number] = [3, 9];
/** Tried in order when a workload names no interpreter. */
export const DEFAULT_INTERPRETERS = ['python3', 'python'] as const;

export interface PythonInterpreter {
  /** The interpreter's own sys.executable: what the host is started with. */
  executable: string;
  version: string;
  implementation: string;
}

// Python 2 must be able to run this too, so that "too old" is reported as such.
const INSPECT = 'import sys, platform; print("%d.%d.%d" % tuple(sys.version_info[:3])); print(platform.python_implementation()); print(sys.executable)';

type Inspection = { kind: 'found'; version: number[]; implementation: string; executable: string } | { kind: 'missing' | 'broken'; detail: string };

function inspect(command: string, cwd: string): Promise<Inspection> {
  return new Promise((resolve) => {
    execFile(command, ['-c', INSPECT], { cwd, timeout: 20_000, encoding: 'utf8', env: repositoryEnv() }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve({ kind: 'missing', detail: 'not found' });
      const [version = '', implementation = '', executable = ''] = stdout.trim().split(/\r?\n/);
      if (error || !/^\d+\.\d+\.\d+$/.test(version)) {
        const why = (stderr || error?.message || stdout).trim().split(/\r?\n/).at(-1) ?? 'no output';
        return resolve({ kind: 'broken', detail: why });
      }
      resolve({ kind: 'found', version: version.split('.').map(Number), implementation, executable: executable || command });
    });
  });
}

function tooOld(version: number[]): boolean {
  return version[0] < MIN_PYTHON[0] || (version[0] === MIN_PYTHON[0] && version[1] < MIN_PYTHON[1]);
}

/** Resolves to the interpreter, or rejects with a short reason ("python3" not found, ...). */
async function check(command: string, cwd: string): Promise<PythonInterpreter> {
  const found = await inspect(command, cwd);
  if (found.kind !== 'found') throw new Error(found.kind === 'missing' ? `"${command}" not found` : `"${command}" does not run (${found.detail})`);
  const version = found.version.join('.');
  if (tooOld(found.version)) throw new Error(`"${command}" is Python ${version}, older than ${MIN_PYTHON.join('.')}`);
  return { executable: found.executable, version, implementation: found.implementation };
}

const cache = new Map<string, Promise<PythonInterpreter>>();

/** Check an interpreter once per command and directory (a relative path or a pyenv shim depends on it). */
function checked(command: string, cwd: string): Promise<PythonInterpreter> {
  const key = `${cwd}\0${command}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = check(command, cwd);
    cache.set(key, pending);
  }
  return pending;
}

/**
 * The interpreter a workload runs on: the one it names, else python3, else python. Throws
 * RuntimeUnavailableError when none is usable (missing, does not run, older than MIN_PYTHON).
 */
export async function findPython(configured: string | undefined, cwd: string): Promise<PythonInterpreter> {
  const wanted = `Python ${MIN_PYTHON.join('.')} or newer`;
  const candidates = configured !== undefined ? [configured] : DEFAULT_INTERPRETERS;
  const reasons: string[] = [];
  for (const command of candidates) {
    try {
      return await checked(command, cwd);
    } catch (error) {
      reasons.push((error as Error).message);
    }
  }
  const advice = configured !== undefined ? `point "python" at ${wanted}` : `install ${wanted} or set "python" in the workload`;
  throw new RuntimeUnavailableError(`no usable Python interpreter: ${reasons.join('; ')}; ${advice}`);
}
