import { arch, availableParallelism, cpus, release, totalmem, type } from 'node:os';
import { settledWorkloadNode } from './runtimes/node/runtime.ts';
import type { Environment } from './results/run.ts';

/**
 * The machine the measurements were taken on; results from different machines are not comparable.
 * `node` is the Node that ran the Node workloads (their hosts reported it; see
 * runtimes/node/runtime.ts: the node on PATH, which need not be the one running concurrency-bench),
 * else the one that was looked up for them, else this process's.
 */
export function describeEnvironment(runtimes: Environment['runtimes'] = {}): Environment {
  const reported = runtimes.node?.node;
  const looked = settledWorkloadNode();
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: typeof reported === 'string' && reported ? reported : looked && 'node' in looked ? looked.node.version : process.version,
    os: `${type()} ${release()}`,
    arch: arch(),
    totalMemoryBytes: totalmem(),
    runtimes,
  };
}
