import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { WorkloadConfig } from '../../config/types.ts';
import { ownFile } from '../../paths.ts';
import { MODELS } from '../../types.ts';
import { RuntimeUnavailableError, type HostCommand, type Runtime, type VisitSpec } from '../types.ts';

/**
 * TypeScript workloads run on Node's own type stripping. When the user's project has tsx installed,
 * it is used instead (it also handles enums and `./x.js` -> x.ts imports): passed by absolute URL so
 * that worker threads and child processes, which inherit execArgv, resolve it from anywhere.
 */
function tsxLoaderFor(workload: WorkloadConfig): string | undefined {
  if (!/\.(c|m)?tsx?$/.test(workload.modulePath)) return undefined;
  try {
    return pathToFileURL(createRequire(workload.modulePath).resolve('tsx')).href;
  } catch {
    return undefined;
  }
}

export const nodeRuntime: Runtime = {
  id: 'node',
  models: MODELS,
  async hostCommand(workload: WorkloadConfig, _spec: VisitSpec): Promise<HostCommand> {
    // Hosts are killed as whole process groups (kill(-pid)), which is POSIX: on Windows a timed-out
    // or interrupted cell would leave its worker processes running, so refuse rather than leak.
    if (process.platform === 'win32') throw new RuntimeUnavailableError('Node workloads need Linux or macOS for now (hosts are stopped by killing their POSIX process group; on Windows that would leave processes behind)');
    const tsx = tsxLoaderFor(workload);
    return {
      command: process.execPath,
      args: [...(tsx ? ['--import', tsx] : []), '--no-warnings=ExperimentalWarning', ownFile('runtimes/node/host')],
      cwd: workload.configDir,
    };
  },
};
