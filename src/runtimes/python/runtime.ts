import { existsSync } from 'node:fs';
import type { WorkloadConfig } from '../../config/types.ts';
import { ownFile } from '../../paths.ts';
import { MODELS } from '../../types.ts';
import { RuntimeUnavailableError, type HostCommand, type Runtime, type VisitSpec } from '../types.ts';
import { findPython } from './interpreter.ts';

/**
 * The Python host script. It is not bundled (it is Python): the build copies
 * src/runtimes/python/harness/ to dist/runtimes/python/harness/, which ownFile resolves to.
 */
export const HARNESS_FILE = 'runtimes/python/harness/concurrency_bench_host.py';

export function harnessPath(): string {
  return ownFile(HARNESS_FILE, 'asset');
}

/** Where the host runs and where `entry` modules are imported from: the config file's directory. */
export function workingDirectory(workload: WorkloadConfig): string {
  return workload.configDir;
}

export const pythonRuntime: Runtime = {
  id: 'python',
  models: MODELS,
  async hostCommand(workload: WorkloadConfig, _spec: VisitSpec): Promise<HostCommand> {
    // The harness needs POSIX process groups (os.killpg) and the resource module.
    if (process.platform === 'win32') throw new RuntimeUnavailableError('Python workloads need Linux or macOS (the harness relies on POSIX process groups)');
    const cwd = workingDirectory(workload);
    const interpreter = await findPython(workload.python, cwd);
    const harness = harnessPath();
    if (!existsSync(harness)) throw new RuntimeUnavailableError(`the Python harness is missing from this installation (${harness})`);
    // Started by its sys.executable rather than the name in the config: the version check then
    // holds for exactly the binary that runs, and a pyenv-style shim costs its start-up once, not
    // once per visit. A venv's interpreter keeps its venv path, so the venv stays in effect.
    return { command: interpreter.executable, args: [harness], cwd };
  },
};
