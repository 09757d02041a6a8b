import { arch, availableParallelism, cpus, release, totalmem, type } from 'node:os';
import type { Environment } from './types.ts';

/** The machine the measurements were taken on; results from different machines are not comparable. */
export function describeEnvironment(runtimes: Environment['runtimes'] = {}): Environment {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    os: `${type()} ${release()}`,
    arch: arch(),
    totalMemoryBytes: totalmem(),
    runtimes,
  };
}
